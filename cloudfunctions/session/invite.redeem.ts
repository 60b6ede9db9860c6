/**
 * session.redeemInvite: a signed-in user turns an invitation code into the role it grants.
 * The spent invitation and the holder's record are written together (InviteStore.redeemInvite),
 * so two people racing with one code cannot both get the role.
 */
import { AppError } from '../../shared/errors';
import { applyGrant, redeemed } from '../../shared/invite.rules';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireSubject } from '../core/identity/caller';
import { inviteIdOf } from '../core/identity/invite.code';
import { nowIso, type CtxWith } from '../core/services/context';
import type { UserRecord } from '../core/stores/user.port';

/** Redeems a code for the caller; answers their record with the granted role. */
export const redeemInviteCode = async (ctx: CtxWith<'invites' | 'audit' | 'now' | 'secrets'>, code: string): Promise<UserRecord> => {
  const subject = requireSubject(ctx);
  const at = nowIso(ctx);
  const invite = await ctx.deps.invites.getInvite(inviteIdOf(code, ctx.deps.secrets.token));
  if (!invite) throw new AppError('INVITE_NOT_FOUND', { code: 'INVITE_NOT_FOUND' });
  const spent = unwrap(redeemed(invite, subject, at));
  const current = ctx.caller.user;
  // a company member keeps their company: an invitation to a role would silently cut them off from it
  if (current?.role === 'company') throw new AppError('FORBIDDEN');
  const base: UserRecord = current ?? { id: subject, version: 0, role: 'resident', createdAt: at, updatedAt: at };
  const holder = { ...applyGrant(base, invite.grant), version: base.version + 1, updatedAt: at };
  const written = await ctx.deps.invites.redeemInvite(spent, invite.version, holder, current ? current.version : undefined);
  // a lost race reads as what it is for the person: the code was used
  if (!written.ok && written.error.code === 'CONFLICT') throw new AppError('INVITE_USED', { code: 'INVITE_USED' });
  const { user } = unwrap(written);
  const centerId = invite.grant.role === 'clerk' ? { centerId: invite.grant.centerId } : {};
  await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'invite.redeem', ...centerId, note: `${invite.id} ${invite.grant.role}` });
  return user;
};
