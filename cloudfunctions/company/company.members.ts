/**
 * company: the members of a verified company. Its administrator (企业管理员) invites staff
 * (经办人) through the same invitations as the city administrator's (a `company` role grant,
 * redeemed with session.redeemInvite), removes them and hands the role over; every member sees
 * the company's requests and demands, and a person who belongs to several companies switches.
 * The 企业管家 is chosen in company.officer.ts.
 */
import { AppError } from '../../shared/errors';
import type { MembershipView } from '../../shared/api.schema';
import { canRemove, transferredAdmin } from '../../shared/company.rules';
import { newInvite } from '../../shared/invite.rules';
import { OPEN_DEMAND_STATES } from '../../shared/demand.schema';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { inviteIdOf } from '../core/identity/invite.code';
import { nowIso, type CtxWith } from '../core/services/context';
import type { UserRecord } from '../core/stores/user.port';
import { companyView, noticeTo, requireCompanyAdmin, requireMember } from '../core/services/company.view';

type MemberActions = Pick<Handlers<'company'>, 'mine' | 'switch' | 'home' | 'members' | 'invite' | 'removeMember' | 'transferAdmin'>;

/** Writes the caller's own record with the acting company (or none), conditional on its version. */
const actAs = async (ctx: CtxWith<'users' | 'now'>, user: UserRecord, companyId: string | null) => {
  const { companyId: _old, ...rest } = user;
  const next: UserRecord = {
    ...rest,
    role: companyId ? 'company' : 'resident',
    ...(companyId ? { companyId } : {}),
    version: user.version + 1,
    updatedAt: nowIso(ctx),
  };
  return unwrap(await ctx.deps.users.putUser(next, user.version));
};

export const memberHandlers: MemberActions = {
  async mine(ctx) {
    const user = requireRole(ctx, 'resident', 'company');
    const items: MembershipView[] = [];
    for (const m of await ctx.deps.companies.listMemberships(user.id)) {
      const company = await ctx.deps.users.getCompany(m.companyId);
      if (company) items.push({ company: await companyView(ctx, company), role: m.role, acting: user.role === 'company' && user.companyId === m.companyId });
    }
    return { items };
  },

  async switch(ctx, input) {
    const user = requireRole(ctx, 'resident', 'company');
    if (input.companyId && !(await ctx.deps.companies.getMember(input.companyId, user.id))) throw new AppError('MEMBER_NOT_FOUND');
    const saved = await actAs(ctx, user, input.companyId);
    await ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(saved), action: 'company.switch', note: input.companyId ?? 'personal' });
    return { companyId: input.companyId };
  },

  async home(ctx) {
    const { member, company } = await requireMember(ctx);
    const [openDemands, overdueDemands] = await Promise.all([
      ctx.deps.demands.countDemands({ companyId: company.id, states: OPEN_DEMAND_STATES }),
      ctx.deps.demands.countDemands({ companyId: company.id, overdueAt: nowIso(ctx) }),
    ]);
    return { company: await companyView(ctx, company), role: member.role, openDemands, overdueDemands };
  },

  async members(ctx) {
    const { user, company } = await requireMember(ctx);
    const items = await ctx.deps.companies.listMembers(company.id);
    await ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(user), action: 'read.members', ids: items.map((m) => m.userId), note: company.id });
    return { items };
  },

  async invite(ctx, input) {
    const { user, company } = await requireCompanyAdmin(ctx);
    const at = nowIso(ctx);
    const code = ctx.deps.newInviteCode();
    const invite = newInvite({
      id: inviteIdOf(code, ctx.deps.secrets.token),
      grant: { role: 'company', companyId: company.id, member: 'staff' },
      codeHint: code.slice(-2),
      createdBy: user.id,
      now: at,
      note: input.note,
    });
    unwrap(await ctx.deps.invites.createInvite(invite));
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'invite.create', note: `${invite.id} company ${company.id}` });
    return { code, expiresAt: invite.expiresAt };
  },

  async removeMember(ctx, input) {
    const { user, member, company } = await requireCompanyAdmin(ctx);
    const target = await ctx.deps.companies.getMember(company.id, input.userId);
    if (!target) throw new AppError('MEMBER_NOT_FOUND');
    unwrap(canRemove(member, target));
    unwrap(await ctx.deps.companies.removeMember(target, target.version));
    await ctx.deps.outbox.addOutbox(
      noticeTo(ctx, { userId: target.userId }, { kind: 'demand', title: '您已不是企业成员', body: `${company.name}的管理员已将您移出企业` }),
    );
    await ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(user), action: 'company.removeMember', note: `${company.id} ${target.userId}` });
    return { removed: target.userId };
  },

  async transferAdmin(ctx, input) {
    const { user, member, company } = await requireCompanyAdmin(ctx);
    const target = await ctx.deps.companies.getMember(company.id, input.userId);
    if (!target) throw new AppError('MEMBER_NOT_FOUND');
    const { from, to } = unwrap(transferredAdmin(member, target));
    unwrap(
      await ctx.deps.companies.putMembers([
        [from, member.version],
        [to, target.version],
      ]),
    );
    await ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(user), action: 'company.transferAdmin', note: `${company.id} ${target.userId}` });
    return { items: await ctx.deps.companies.listMembers(company.id) };
  },
};
