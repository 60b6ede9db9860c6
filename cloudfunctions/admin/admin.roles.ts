/**
 * admin: the people holding roles, by center, and moving or taking away a role. The caller is
 * read from the store on every call and tokens carry no role, so a change applies at the
 * holder's next call.
 */
import { AppError } from '../../shared/errors';
import type { PersonView } from '../../shared/api.schema';
import { applyGrant, withoutRole } from '../../shared/invite.rules';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type CtxWith } from '../core/services/context';
import type { UserRecord } from '../core/stores/user.port';
import { requireGrantCenter } from './admin.invites';

/** A person for the administrator's list: role, center and masked name only. */
const personView = async (ctx: CtxWith<'catalogue'>, u: UserRecord): Promise<PersonView> => {
  const centerName = u.centerId ? (await ctx.deps.catalogue.directory()).byId.get(u.centerId)?.name : undefined;
  return {
    id: u.id,
    version: u.version,
    role: u.role,
    updatedAt: u.updatedAt,
    ...(u.nameMasked ? { nameMasked: u.nameMasked } : {}),
    ...(u.centerId ? { centerId: u.centerId } : {}),
    ...(centerName ? { centerName } : {}),
  };
};

/** The person an administrator changes: not themselves (no one locks the city out), at the version they saw. */
const targetOf = async (ctx: CtxWith<'users'>, adminId: string, userId: string, version: number): Promise<UserRecord> => {
  if (userId === adminId) throw new AppError('OWN_ROLE');
  const user = await ctx.deps.users.getUser(userId);
  if (!user) throw new AppError('NOT_FOUND', { userId: 'NOT_FOUND' });
  if (user.version !== version) throw new AppError('CONFLICT');
  return user;
};

type RoleActions = Pick<Handlers<'admin'>, 'listPeople' | 'moveRole' | 'revokeRole'>;

export const roleHandlers: RoleActions = {
  async listPeople(ctx, input) {
    requireRole(ctx, 'admin');
    const page = await ctx.deps.users.listUsers({ role: input.role, centerId: input.centerId }, { page: input.page, pageSize: input.pageSize });
    return { ...page, items: await Promise.all(page.items.map((u) => personView(ctx, u))) };
  },

  async moveRole(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const user = await targetOf(ctx, admin.id, input.userId, input.version);
    if (user.role !== 'clerk') throw new AppError('FORBIDDEN', { userId: '只能调动代办员的服务中心' });
    const grant = { role: 'clerk' as const, centerId: input.centerId };
    await requireGrantCenter(ctx, grant);
    const at = nowIso(ctx);
    const moved = unwrap(await ctx.deps.users.putUser({ ...applyGrant(user, grant), version: user.version + 1, updatedAt: at }, user.version));
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(admin),
      action: 'role.move',
      centerId: input.centerId,
      note: `${user.id} ${user.centerId ?? ''}→${input.centerId}`,
    });
    return { person: await personView(ctx, moved) };
  },

  async revokeRole(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const user = await targetOf(ctx, admin.id, input.userId, input.version);
    if (user.role !== 'clerk' && user.role !== 'admin') throw new AppError('FORBIDDEN', { userId: '这个人没有可撤销的角色' });
    const at = nowIso(ctx);
    const plain = unwrap(await ctx.deps.users.putUser({ ...withoutRole(user), version: user.version + 1, updatedAt: at }, user.version));
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(admin),
      action: 'role.revoke',
      ...(user.centerId ? { centerId: user.centerId } : {}),
      note: `${user.id} ${user.role}`,
    });
    return { person: await personView(ctx, plain) };
  },
};
