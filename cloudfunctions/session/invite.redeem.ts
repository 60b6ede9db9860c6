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
import { memberIdOf, type CompanyMember } from '../../shared/company.schema';

/** Redeems a code for the caller; answers their record with the granted role. */
export const redeemInviteCode = async (ctx: CtxWith<'invites' | 'audit' | 'now' | 'secrets' | 'users' | 'companies'>, code: string): Promise<UserRecord> => {
  const subject = requireSubject(ctx);
  const at = nowIso(ctx);
  const invite = await ctx.deps.invites.getInvite(inviteIdOf(code, ctx.deps.secrets.token));
  if (!invite) throw new AppError('INVITE_NOT_FOUND', { code: 'INVITE_NOT_FOUND' });
  const spent = unwrap(redeemed(invite, subject, at));
  const current = ctx.caller.user;
  const grant = invite.grant;
  const member = grant.role === 'company' ? await companyMembership(ctx, current, grant.companyId, at) : undefined;
  // a company member keeps their company: an invitation to a clerk's or an administrator's role would silently cut them off from it
  if (current?.role === 'company' && grant.role !== 'company') throw new AppError('FORBIDDEN');
  const base: UserRecord = current ?? { id: subject, version: 0, role: 'resident', createdAt: at, updatedAt: at };
  const holder = { ...applyGrant(base, grant), version: base.version + 1, updatedAt: at };
  const written = await ctx.deps.invites.redeemInvite(spent, invite.version, holder, current ? current.version : undefined, member);
  if (!written.ok && written.error.code === 'DUPLICATE' && member) throw new AppError('DUPLICATE', { code: 'DUPLICATE' });
  // a lost race reads as what it is for the person: the code was used
  if (!written.ok && written.error.code === 'CONFLICT') throw new AppError('INVITE_USED', { code: 'INVITE_USED' });
  const { user } = unwrap(written);
  const centerId = grant.role === 'clerk' ? { centerId: grant.centerId } : {};
  await ctx.deps.audit.appendAudit({
    at,
    actor: actorOf(user),
    action: 'invite.redeem',
    ...centerId,
    note: `${invite.id} ${grant.role}${grant.role === 'company' ? ` ${grant.companyId}` : ''}`,
  });
  return user;
};

/**
 * The membership a company invitation makes: only for a person with a bound identity (a resident,
 * or a member of another company), never a clerk or an administrator, and only once per company.
 */
const companyMembership = async (ctx: CtxWith<'users' | 'companies'>, user: UserRecord | null, companyId: string, at: string): Promise<CompanyMember> => {
  if (!user?.idHash) throw new AppError('NOT_BOUND');
  if (user.role !== 'resident' && user.role !== 'company') throw new AppError('FORBIDDEN');
  if (!(await ctx.deps.users.getCompany(companyId))) throw new AppError('NOT_FOUND');
  if (await ctx.deps.companies.getMember(companyId, user.id)) throw new AppError('DUPLICATE', { code: 'DUPLICATE' });
  return {
    id: memberIdOf(companyId, user.id),
    version: 1,
    companyId,
    userId: user.id,
    role: 'staff',
    joinedAt: at,
    via: 'invite',
    ...(user.nameMasked ? { nameMasked: user.nameMasked } : {}),
  };
};
