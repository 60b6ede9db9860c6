/**
 * The one path every request change takes: load, check who may see it, check the
 * version the caller saw, run the pure transition, write it conditionally with its audit.
 */
import { AppError } from '../../../shared/errors';
import { canSeeRequest } from '../../../shared/access.rules';
import { transition } from '../../../shared/request.machine';
import type { RequestEvent } from '../../../shared/request.events';
import { noticesFor, type Notice } from '../../../shared/notify.rules';
import { centerRef, type CenterRef } from '../../../shared/directory.schema';
import type { Request } from '../../../shared/request.schema';
import type { RequestView } from '../../../shared/api.schema';
import { unwrap } from '../edge/envelope';
import { actorOf, viewerOf } from '../identity/caller';
import { nowIso, type CtxWith } from './context';
import type { OutboxRecord } from '../stores/outbox.port';
import type { UserRecord } from '../stores/user.port';

/** What a lifecycle step needs: the request store, the clock, id maker and the deadline settings. */
export type StepDeps = 'requests' | 'now' | 'newId' | 'handoffLimitDays' | 'rectificationDays' | 'supplementDays' | 'calendar';

/** The request as callers see it: without the idempotency key and the form's hashes. */
export const requestView = ({ idempotencyKey: _key, formHashes: _hashes, ...r }: Request): RequestView => r;

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
  const { handoffLimitDays, rectificationDays, supplementDays, calendar } = ctx.deps;
  const next = unwrap(transition(current, event, actorOf(user), at, { handoffLimitDays, rectificationDays, supplementDays, calendar }));
  const outbox = queuedNotices(ctx.deps.newId, noticesFor(event.type, next.request), current.id, at);
  return unwrap(await ctx.deps.requests.updateRequest(next.request, version, next.audit, outbox));
};

/** Notices as outbox records, ready to be written with the step that causes them. */
export const queuedNotices = (newId: (prefix: string) => string, notices: Notice[], requestId: string, at: string): OutboxRecord[] =>
  notices.map((n) => ({ ...n, id: newId('msg'), version: 1, requestId, createdAt: at, state: 'pending', attempts: 0 }));

/** Reads a request with its timeline, leaving an audit entry for the read of personal data. */
export const readWithTimeline = async (ctx: CtxWith<'requests' | 'audit' | 'catalogue' | 'now'>, user: UserRecord, id: string) => {
  const request = await loadVisible(ctx, user, id);
  await ctx.deps.audit.appendAudit({ requestId: id, at: nowIso(ctx), actor: actorOf(user), action: 'read', centerId: user.centerId });
  const timeline = (await ctx.deps.requests.timeline(id)).filter((e) => e.action !== 'read');
  return { request: requestView(request), timeline, centers: await centersNamed(ctx, [...request.path, ...timeline.map((e) => e.centerId)]) };
};

/** The centers a request and its timeline mention, so the app can name every place. */
const centersNamed = async (ctx: CtxWith<'catalogue'>, ids: (string | undefined)[]): Promise<CenterRef[]> => {
  const dir = await ctx.deps.catalogue.directory();
  return [...new Set(ids.filter((id): id is string => !!id))].flatMap((id) => {
    const c = dir.byId.get(id);
    return c ? [centerRef(c)] : [];
  });
};
