/**
 * The caller's identity and role. The subject comes only from the platform context
 * (OPENID) or a verified dev token: never from the call's `data`.
 */
import { AppError } from '../../../shared/errors';
import type { Viewer } from '../../../shared/access.rules';
import type { Caller, Ctx, Deps } from '../services/context';
import type { UserRecord } from '../stores/user.port';

/**
 * Loads the caller's record for a subject. A company member acts for their company only while
 * the membership stands: one removed by the company's administrator is a plain resident again
 * from their next call, whatever their record still names.
 */
export const resolveCaller = async (deps: Pick<Deps, 'users' | 'companies'>, subject: string | null): Promise<Caller> => {
  const user = subject ? await deps.users.getUser(subject) : null;
  if (user?.role !== 'company' || !user.companyId) return { subject, user };
  if (await deps.companies.getMember(user.companyId, user.id)) return { subject, user };
  const { companyId: _gone, ...rest } = user;
  return { subject, user: { ...rest, role: 'resident' } };
};

/** The caller's subject, or UNAUTHENTICATED. */
export const requireSubject = (ctx: Pick<Ctx, 'caller'>): string => {
  if (!ctx.caller.subject) throw new AppError('UNAUTHENTICATED');
  return ctx.caller.subject;
};

/** The caller's record with one of the roles, or UNAUTHENTICATED / FORBIDDEN. */
export const requireRole = (ctx: Pick<Ctx, 'caller'>, ...roles: UserRecord['role'][]): UserRecord => {
  requireSubject(ctx);
  const user = ctx.caller.user;
  if (!user) throw new AppError(roles.includes('resident') ? 'NOT_BOUND' : 'FORBIDDEN');
  if (!roles.includes(user.role)) throw new AppError('FORBIDDEN');
  return user;
};

/** The caller as the access rules see them. */
export const viewerOf = (user: UserRecord): Viewer => ({ id: user.id, role: user.role, centerId: user.centerId, companyId: user.companyId });

/** The caller as the lifecycle sees them. */
export const actorOf = (user: UserRecord) => ({
  userId: user.id,
  role: user.role === 'company' ? ('company' as const) : user.role,
  centerId: user.centerId,
  companyId: user.companyId,
  name: user.nameMasked,
});
