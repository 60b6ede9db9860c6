/**
 * requests: a resident or company member submits, follows, withdraws, supplements and rates.
 */
import { AppError } from '../../shared/errors';
import { route } from '../../shared/routing.rules';
import { formSchemaFor, sealForm } from '../../shared/form.schema';
import { keyedHash } from '../core/identity/token';
import { newRequest, submissionOf } from '../../shared/request.create';
import { isBound } from '../../shared/identity.rules';
import { chinaCompactDateOf } from '../../shared/china.time';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap, zodFields } from '../core/edge/envelope';
import { applicantFor } from '../core/identity/applicant';
import { requireRole } from '../core/identity/caller';
import { nowIso, type Ctx, type CtxWith } from '../core/services/context';
import { applyEvent, queuedNotices, readWithTimeline, requestView } from '../core/services/request.ops';
import { submissionNotices } from '../../shared/notify.rules';
import type { UserRecord } from '../core/stores/user.port';

/** The caller as an applicant who has bound their identity (or company). */
const requireApplicant = (ctx: Pick<Ctx, 'caller'>): UserRecord => {
  const user = requireRole(ctx, 'resident', 'company');
  if (!isBound(user)) throw new AppError('NOT_BOUND');
  return user;
};

const trackingNo = (ctx: CtxWith<'now' | 'newCode'>): string => `ZC${chinaCompactDateOf(nowIso(ctx))}${ctx.deps.newCode()}`;

export const requests = defineFunction('requests', {
  async submit(ctx, input) {
    const user = requireApplicant(ctx);
    const item = await ctx.deps.catalogue.item(input.itemCode);
    if (!item) throw new AppError('ITEM_NOT_FOUND', { itemCode: 'ITEM_NOT_FOUND' });
    const form = formSchemaFor(item.formFields).safeParse(input.form);
    if (!form.success) throw new AppError('VALIDATION_FAILED', prefixed('form', zodFields(form.error)));
    const sealed = sealForm(item.formFields, form.data, (v) => keyedHash(v, ctx.deps.secrets.idHash));
    const decision = unwrap(route(item, await applicantFor(ctx), await ctx.deps.catalogue.directory()));
    const submission = unwrap(submissionOf(item, decision, input.intakeCenterId, user));
    const built = newRequest(
      { ...submission, form: sealed.form, formHashes: sealed.hashes, materials: input.materials, idempotencyKey: input.idempotencyKey },
      nowIso(ctx),
      { id: ctx.deps.newId('req'), trackingNo: trackingNo(ctx) },
    );
    const notices = queuedNotices(ctx.deps.newId, submissionNotices(built.request), built.request.id, built.request.submittedAt);
    const saved = unwrap(await ctx.deps.requests.createRequest(built.request, built.audit, notices));
    return { request: requestView(saved.request) };
  },

  async mine(ctx, { page, pageSize, state }) {
    const user = requireRole(ctx, 'resident', 'company');
    const filter = user.role === 'company' ? { companyId: user.companyId ?? '-' } : { applicantUserId: user.id };
    const res = await ctx.deps.requests.listRequests({ ...filter, ...(state ? { state } : {}) }, { page, pageSize });
    return { ...res, items: res.items.map(requestView) };
  },

  async get(ctx, { id }) {
    return readWithTimeline(ctx, requireRole(ctx, 'resident', 'company', 'admin'), id);
  },

  async withdraw(ctx, { id, version, reason }) {
    const r = await applyEvent(ctx, requireApplicant(ctx), { id, version }, { type: 'withdraw', ...(reason ? { reason } : {}) });
    return { request: requestView(r) };
  },

  async supplement(ctx, { id, version, materials, note }) {
    const r = await applyEvent(ctx, requireApplicant(ctx), { id, version }, { type: 'supplement', materials, ...(note ? { note } : {}) });
    return { request: requestView(r) };
  },

  async rate(ctx, { id, version, level, comment, reasons }) {
    const r = await applyEvent(ctx, requireApplicant(ctx), { id, version }, { type: 'rate', level, comment, reasons });
    return { request: requestView(r) };
  },
});

const prefixed = (prefix: string, fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
