/**
 * 查看/拨打: a clerk on the request's path reads one full phone number, the applicant's or a form
 * field's. Lists and the detail view show phones masked; this is the one way to the full number,
 * and it is audited before the number is opened.
 */
import { AppError } from '../../shared/errors';
import { actorOf } from '../core/identity/caller';
import { openValue } from '../core/identity/personal.data';
import { nowIso, type CtxWith } from '../core/services/context';
import { loadVisible } from '../core/services/request.ops';
import type { UserRecord } from '../core/stores/user.port';

/** Answers the full phone of a request's applicant (no `field`) or of a phone field of its form. */
export const revealPhone = async (ctx: CtxWith<'requests' | 'audit' | 'now' | 'secrets'>, clerk: UserRecord, input: { id: string; field?: string }) => {
  const r = await loadVisible(ctx, clerk, input.id);
  const form = r.sealed?.form ?? {};
  // own keys only: a field named like an Object member ("constructor") is no field of the form
  const sealed = input.field ? (Object.hasOwn(form, input.field) ? form[input.field] : undefined) : r.sealed?.applicantPhone;
  if (typeof sealed !== 'string' || !sealed) throw new AppError('NOT_FOUND', { [input.field ? 'field' : 'id']: 'NOT_FOUND' });
  await ctx.deps.audit.appendAudit({
    requestId: r.id,
    at: nowIso(ctx),
    actor: actorOf(clerk),
    action: 'revealPhone',
    ...(clerk.centerId ? { centerId: clerk.centerId } : {}),
    note: input.field ? `查看申请表“${input.field}”的完整号码` : '查看申请人的完整手机号',
    ids: [r.id],
  });
  return { phone: openValue(ctx, sealed) };
};
