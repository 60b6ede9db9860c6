/**
 * admin: invitations to a role. The code is shown once, when it is made; only a keyed hash
 * of it is stored, and that hash is the invitation's id, so a redeemer finds it by the code.
 */
import { AppError } from '../../shared/errors';
import type { InviteView } from '../../shared/api.schema';
import { isExpired, newInvite, revoked } from '../../shared/invite.rules';
import type { Invite, RoleGrant } from '../../shared/invite.schema';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { inviteIdOf } from '../core/identity/invite.code';
import { nowIso, type CtxWith } from '../core/services/context';

/** The center a grant names must exist: an invitation to nowhere would make a clerk of nothing. */
export const requireGrantCenter = async (ctx: CtxWith<'directory'>, grant: RoleGrant): Promise<void> => {
  if (grant.role === 'clerk' && !(await ctx.deps.directory.getCenter(grant.centerId))) {
    throw new AppError('CENTER_NOT_FOUND', { 'grant.centerId': 'CENTER_NOT_FOUND' });
  }
};

/** An invitation for the wire: the center's name, and whether it has run out at `now`. */
const inviteView = async (ctx: CtxWith<'catalogue'>, invite: Invite, now: string): Promise<InviteView> => {
  const dir = await ctx.deps.catalogue.directory();
  const centerName = invite.grant.role === 'clerk' ? dir.byId.get(invite.grant.centerId)?.name : undefined;
  return { ...invite, ...(centerName ? { centerName } : {}), expired: invite.state === 'open' && isExpired(invite, now) };
};

type InviteActions = Pick<Handlers<'admin'>, 'createInvite' | 'listInvites' | 'revokeInvite'>;

export const inviteHandlers: InviteActions = {
  async createInvite(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    await requireGrantCenter(ctx, input.grant);
    const at = nowIso(ctx);
    const code = ctx.deps.newInviteCode();
    const invite = newInvite({
      id: inviteIdOf(code, ctx.deps.secrets.token),
      grant: input.grant,
      codeHint: code.slice(-2),
      createdBy: admin.id,
      now: at,
      note: input.note,
    });
    unwrap(await ctx.deps.invites.createInvite(invite));
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(admin),
      action: 'invite.create',
      ...grantCenter(input.grant),
      note: `${invite.id} ${input.grant.role}`,
    });
    return { invite: await inviteView(ctx, invite, at), code };
  },

  async listInvites(ctx, input) {
    requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const page = await ctx.deps.invites.listInvites({ state: input.state }, { page: input.page, pageSize: input.pageSize });
    return { ...page, items: await Promise.all(page.items.map((i) => inviteView(ctx, i, at))) };
  },

  async revokeInvite(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const invite = await ctx.deps.invites.getInvite(input.id);
    if (!invite) throw new AppError('INVITE_NOT_FOUND');
    if (invite.version !== input.version) throw new AppError('CONFLICT');
    const next = unwrap(revoked(invite, admin.id, at));
    unwrap(await ctx.deps.invites.updateInvite(next, invite.version));
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(admin), action: 'invite.revoke', ...grantCenter(invite.grant), note: invite.id });
    return { invite: await inviteView(ctx, next, at) };
  },
};

/** The center an audit entry of a grant belongs to, so a center's trail shows who was made its clerk. */
export const grantCenter = (grant: RoleGrant): { centerId?: string } => (grant.role === 'clerk' ? { centerId: grant.centerId } : {});
