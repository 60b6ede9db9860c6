/**
 * session: who am I, development login (local mode only), binding a resident, redeeming an
 * invitation. Companies are claimed through the `company` function and checked by a clerk.
 */
import { SessionInput, SessionOutput } from '../../shared/api.session.schema';
import { AppError, type ErrorCode, type Result } from '../../shared/errors';
import { validateIdNumber, validateMobile } from '../../shared/validators';
import { chinaCompactDateOf } from '../../shared/china.time';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { issueToken } from '../core/identity/token';
import { residentIdentity } from '../core/identity/personal.data';
import { requireSubject } from '../core/identity/caller';
import { userView } from '../core/identity/user.view';
import { nowIso, type CtxWith } from '../core/services/context';
import type { UserRecord } from '../core/stores/user.port';
import { devPersona } from './dev.personas';
import { redeemInviteCode } from './invite.redeem';

/** The caller's record, or a fresh unbound resident record for a first-time subject. */
const ownRecord = async (ctx: CtxWith<'now'>): Promise<{ user: UserRecord; expected?: number }> => {
  const subject = requireSubject(ctx);
  if (ctx.caller.user) return { user: ctx.caller.user, expected: ctx.caller.user.version };
  const at = nowIso(ctx);
  return { user: { id: subject, version: 0, role: 'resident', createdAt: at, updatedAt: at } };
};

/** Writes the caller's record with the next version, create or conditional update. */
const saveOwn = async (ctx: CtxWith<'users' | 'now'>, next: UserRecord, expected?: number) =>
  unwrap(await ctx.deps.users.putUser({ ...next, version: (expected ?? 0) + 1, updatedAt: nowIso(ctx) }, expected));

const companyOf = (ctx: CtxWith<'users'>, u: UserRecord) => (u.companyId ? ctx.deps.users.getCompany(u.companyId) : Promise.resolve(null));

export const session = defineFunction(
  'session',
  { input: SessionInput, output: SessionOutput },
  {
    async whoami(ctx) {
      const u = ctx.caller.user;
      return { user: u ? userView(u, await companyOf(ctx, u)) : null };
    },

    async devLogin(ctx, input) {
      if (ctx.deps.mode !== 'local') throw new AppError('LOCAL_MODE_ONLY');
      const user = await devPersona(ctx, input);
      const token = issueToken(user.id, ctx.deps.secrets.token, ctx.deps.now().getTime());
      return { token, user: userView(user, await companyOf(ctx, user)) };
    },

    async bindResident(ctx, input) {
      const { user, expected } = await ownRecord(ctx);
      if (user.role !== 'resident') throw new AppError('FORBIDDEN');
      const village = await ctx.deps.directory.getCenter(input.homeVillageId);
      refuseBadFields({
        idNumber: codeOf(validateIdNumber(input.idNumber, chinaCompactDateOf(nowIso(ctx)))),
        phone: codeOf(validateMobile(input.phone)),
        homeVillageId: village?.kind === 'village' ? null : 'CENTER_NOT_FOUND',
      });
      // the phone as validated: normalized to 11 digits before it is hashed, masked and sealed
      const saved = await saveOwn(ctx, { ...user, ...residentIdentity(ctx, input), homeVillageId: input.homeVillageId }, expected);
      return { user: userView(saved) };
    },

    async redeemInvite(ctx, input) {
      return { user: userView(await redeemInviteCode(ctx, input.code)) };
    },
  },
);

const codeOf = (r: Result<unknown>): ErrorCode | null => (r.ok ? null : r.error.code);

/** Throws for the fields whose check failed: one bad field answers its own code, several VALIDATION_FAILED. */
const refuseBadFields = (checks: Record<string, ErrorCode | null>) => {
  const fields = Object.fromEntries(Object.entries(checks).filter((e): e is [string, ErrorCode] => e[1] !== null));
  const codes = Object.values(fields);
  if (codes.length) throw new AppError(codes.length === 1 ? codes[0] : 'VALIDATION_FAILED', fields);
};
