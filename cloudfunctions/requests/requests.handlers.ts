/**
 * requests: a resident or company member submits, follows, withdraws, supplements and rates.
 */
import { RequestsInput, RequestsOutput } from '../../shared/api.requests.schema';
import { AppError } from '../../shared/errors';
import { route } from '../../shared/routing.rules';
import { sealForm } from '../../shared/form.schema';
import { newRequest, submissionOf } from '../../shared/request.create';
import { isBound } from '../../shared/identity.rules';
import { chinaCompactDateOf } from '../../shared/china.time';
import { canonicalJson } from '../../shared/canonical.json';
import { keyedHash } from '../core/identity/token';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap, zodFields } from '../core/edge/envelope';
import { applicantFor } from '../core/identity/applicant';
import { requireRole } from '../core/identity/caller';
import { nowIso, type Ctx, type CtxWith } from '../core/services/context';
import { applyEvent, queuedNotices, readWithTimeline, requestView, viewsFor } from '../core/services/request.ops';
import { submissionNotices } from '../../shared/notify.rules';
import { auditListRead } from '../core/services/read.audit';
import { idHashOf, sealValue } from '../core/identity/personal.data';
import { ownPrefill, parseOwnForm } from '../../shared/form.schema';
import { newTrackingNo } from '../core/services/tracking.no';
import type { UserRecord } from '../core/stores/user.port';

/** The caller as an applicant who has bound their identity (or company). */
const requireApplicant = (ctx: Pick<Ctx, 'caller'>): UserRecord => {
  const user = requireRole(ctx, 'resident', 'company');
  if (!isBound(user)) throw new AppError('NOT_BOUND');
  return user;
};

export const requests = defineFunction(
  'requests',
  { input: RequestsInput, output: RequestsOutput },
  {
    async submit(ctx, input) {
      const user = requireApplicant(ctx);
      const item = await ctx.deps.catalogue.item(input.itemCode);
      if (!item) throw new AppError('ITEM_NOT_FOUND', { itemCode: 'ITEM_NOT_FOUND' });
      const check = { today: chinaCompactDateOf(nowIso(ctx)) };
      const form = parseOwnForm(ctx.deps.catalogue.baseFormSchema(item, check), item.formFields, ownPrefill(item.formFields, user), input.form, check);
      if (!form.success) throw new AppError('VALIDATION_FAILED', prefixed('form', zodFields(form.error)));
      const sealed = sealForm(item.formFields, form.data, { hash: (v) => idHashOf(ctx, v), seal: (v) => sealValue(ctx, v), own: user });
      const dir = await ctx.deps.catalogue.directory();
      const decision = unwrap(route(item, await applicantFor(ctx), dir));
      const submission = unwrap(submissionOf(item, decision, input.intakeCenterId, user, dir));
      const built = newRequest(
        {
          ...submission,
          form: sealed.form,
          formHashes: sealed.hashes,
          sealed: { form: sealed.sealed, ...(user.phoneSealed ? { applicantPhone: user.phoneSealed } : {}) },
          materials: input.materials,
          idempotencyKey: input.idempotencyKey,
          idempotencyHash: bodyHash(ctx, input),
        },
        nowIso(ctx),
        { id: ctx.deps.newId('req'), trackingNo: newTrackingNo(ctx) },
      );
      const notices = queuedNotices(ctx.deps.newId, submissionNotices(built.request), built.request.id, built.request.submittedAt);
      const saved = unwrap(await ctx.deps.requests.createRequest(built.request, built.audit, notices));
      return { request: requestView(saved.request, user) };
    },

    async mine(ctx, { page, pageSize, state }) {
      const user = requireRole(ctx, 'resident', 'company');
      const filter = user.role === 'company' ? { companyId: user.companyId ?? '-' } : { applicantUserId: user.id };
      const res = await ctx.deps.requests.listRequests({ ...filter, ...(state ? { state } : {}) }, { page, pageSize });
      await auditListRead(
        ctx,
        user,
        'list.requests.mine',
        { ...(state ? { state } : {}), page, pageSize },
        res.items.map((r) => r.id),
      );
      return { ...res, items: res.items.map(viewsFor(user)) };
    },

    async get(ctx, { id }) {
      return readWithTimeline(ctx, requireRole(ctx, 'resident', 'company', 'admin'), id);
    },

    async withdraw(ctx, { id, version, reason }) {
      const user = requireApplicant(ctx);
      const r = await applyEvent(ctx, user, { id, version }, { type: 'withdraw', ...(reason ? { reason } : {}) });
      return { request: requestView(r, user) };
    },

    async supplement(ctx, { id, version, materials, note }) {
      const user = requireApplicant(ctx);
      const r = await applyEvent(ctx, user, { id, version }, { type: 'supplement', materials, ...(note ? { note } : {}) });
      return { request: requestView(r, user) };
    },

    async rate(ctx, { id, version, level, comment, reasons }) {
      const user = requireApplicant(ctx);
      const r = await applyEvent(ctx, user, { id, version }, { type: 'rate', level, comment, reasons });
      return { request: requestView(r, user) };
    },
  },
);

/**
 * The keyed hash of what a submit asked for, without its key: a retry of the same body hashes
 * the same. Keyed, because the body holds phone numbers a plain hash would let anyone guess back.
 */
const bodyHash = (ctx: CtxWith<'secrets'>, { idempotencyKey: _key, ...body }: { idempotencyKey: string } & Record<string, unknown>) =>
  keyedHash(canonicalJson(body), ctx.deps.secrets.idHash);

const prefixed = (prefix: string, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
