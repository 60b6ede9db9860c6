/**
 * The one path every request change takes: load, check who may see it, check the
 * version the caller saw, run the pure transition, write it conditionally with its audit.
 */
import { AppError } from '../../../shared/errors';
import { canSeeRequest } from '../../../shared/access.rules';
import { transition } from '../../../shared/request.machine';
import type { RequestEvent } from '../../../shared/request.events';
import { noticesFor } from '../../../shared/notify.rules';
import { queuedNotices } from './queued.notices';
import { centerRef, type CenterRef } from '../../../shared/directory.schema';
import type { Request } from '../../../shared/request.schema';
import type { RequestView } from '../../../shared/api.schema';
import { unwrap } from '../edge/envelope';
import { actorOf, viewerOf } from '../identity/caller';
import { nowIso, type CtxWith } from './context';
import type { UserRecord } from '../stores/user.port';
import type { AuditEntry, Handoff } from '../../../shared/request.schema';
import { READ_ACTIONS } from './read.audit';
import { maskPhone } from '../../../shared/masking';

/** What a lifecycle step needs: the request store, the clock, id maker and the deadline settings. */
export type StepDeps = 'requests' | 'now' | 'newId' | 'handoffLimitDays' | 'rectificationDays' | 'supplementDays' | 'calendar';

/**
 * A handoff slip's code proves that the slip and the papers reached the receiving clerk, so it is
 * shown on the slip only, to the sending center, while the slip travels; nobody else ever reads it.
 */
const slipFor =
  (viewer: UserRecord) =>
  (h: Handoff): RequestView['handoffs'][number] => {
    if (viewer.role === 'clerk' && viewer.centerId === h.fromCenterId && h.state === 'in_transit') return h;
    const { code: _code, ...rest } = h;
    return rest;
  };

/** Requests stored before phones were sealed keep them bare in the form: a view masks any bare mobile number. */
const maskedForm = (form: Request['form']): Request['form'] =>
  Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === 'string' && /^1[3-9]\d{9}$/.test(v) ? maskPhone(v) : v]));

/** The request as `viewer` sees it: without the idempotency key, hashes and sealed phones, and slip codes only on the sender's slip. */
export const requestView = (
  { idempotencyKey: _key, idempotencyHash: _body, formHashes: _hashes, sealed: _sealed, ...r }: Request,
  viewer: UserRecord,
): RequestView => ({ ...r, form: maskedForm(r.form), handoffs: r.handoffs.map(slipFor(viewer)) });

/** Timeline notes written before slip codes left them ("流转单UJATBT，…") lose the codes when read. */
const withoutSlipCodes =
  (r: Request) =>
  (e: AuditEntry): AuditEntry => {
    const codes = r.handoffs.map((h) => h.code).filter((c) => e.note?.includes(c));
    return codes.length ? { ...e, note: codes.reduce((note, c) => note.split(c).join(''), e.note ?? '') } : e;
  };

/** The view of each request of a list, for one viewer. */
export const viewsFor =
  (viewer: UserRecord) =>
  (r: Request): RequestView =>
    requestView(r, viewer);

/** Loads a request the user may see, or NOT_FOUND / FORBIDDEN. */
export const loadVisible = async (ctx: CtxWith<'requests'>, user: UserRecord, id: string): Promise<Request> => {
  const r = await ctx.deps.requests.getRequest(id);
  if (!r) throw new AppError('NOT_FOUND', { id: 'NOT_FOUND' });
  if (!canSeeRequest(viewerOf(user), r)) throw new AppError('FORBIDDEN');
  return r;
};

/** Applies one lifecycle event to a request the user may see, at the version they saw. */
export const applyEvent = async (ctx: CtxWith<StepDeps>, user: UserRecord, target: { id: string; version?: number }, event: RequestEvent): Promise<Request> => {
  const current = await loadVisible(ctx, user, target.id);
  return applyTo(ctx, user, current, target.version ?? current.version, event);
};

/** Applies an event to an already loaded request; a stale `version` is a CONFLICT. */
export const applyTo = async (ctx: CtxWith<StepDeps>, user: UserRecord, current: Request, version: number, event: RequestEvent): Promise<Request> => {
  if (current.version !== version) throw new AppError('CONFLICT');
  const at = nowIso(ctx);
  const options = {
    handoffLimitDays: ctx.deps.handoffLimitDays,
    rectificationDays: ctx.deps.rectificationDays,
    supplementDays: ctx.deps.supplementDays,
    calendar: ctx.deps.calendar,
  };
  const next = unwrap(transition(current, event, actorOf(user), at, options));
  const outbox = queuedNotices(ctx.deps.newId, noticesFor(event.type, next.request), current.id, at);
  return unwrap(await ctx.deps.requests.updateRequest(next.request, version, next.audit, outbox));
};

export { queuedNotices };

/** Reads a request with its timeline, leaving an audit entry for the read of personal data. */
export const readWithTimeline = async (ctx: CtxWith<'requests' | 'audit' | 'catalogue' | 'now'>, user: UserRecord, id: string) => {
  const request = await loadVisible(ctx, user, id);
  await ctx.deps.audit.appendAudit({ requestId: id, at: nowIso(ctx), actor: actorOf(user), action: 'read', centerId: user.centerId, ids: [id] });
  const timeline = (await ctx.deps.requests.timeline(id)).filter((e) => !READ_ACTIONS.has(e.action)).map(withoutSlipCodes(request));
  return { request: requestView(request, user), timeline, centers: await centersNamed(ctx, [...request.path, ...timeline.map((e) => e.centerId)]) };
};

/** The centers a request and its timeline mention, so the app can name every place. */
const centersNamed = async (ctx: CtxWith<'catalogue'>, ids: (string | undefined)[]): Promise<CenterRef[]> => {
  const dir = await ctx.deps.catalogue.directory();
  return [...new Set(ids.filter((id): id is string => !!id))].flatMap((id) => {
    const c = dir.byId.get(id);
    return c ? [centerRef(c)] : [];
  });
};
