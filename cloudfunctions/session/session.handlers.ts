/**
 * session: who am I, development login (local mode only), binding a resident or a company.
 */
import { AppError, type ErrorCode, type Result } from '../../shared/errors';
import { validateCreditCode, validateIdNumber, validateMobile } from '../../shared/validators';
import { townshipByCode } from '../../shared/townships';
import { chinaCompactDateOf } from '../../shared/china.time';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { issueToken } from '../core/identity/token';
import { residentIdentity } from '../core/identity/personal.data';
import { requireSubject } from '../core/identity/caller';
import { userView } from '../core/identity/user.view';
import { nowIso, type CtxWith } from '../core/services/context';
import type { CompanyRecord, UserRecord } from '../core/stores/user.port';
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

export const session = defineFunction('session', {
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

  async bindCompany(ctx, input) {
    const { user, expected } = await ownRecord(ctx);
    if (user.role !== 'company' && (user.role !== 'resident' || user.idHash)) throw new AppError('FORBIDDEN');
    refuseBadFields({
      creditCode: codeOf(validateCreditCode(input.creditCode)),
      'location.townshipCode': input.location === 'zone' || townshipByCode(input.location.townshipCode) ? null : 'CENTER_NOT_FOUND',
    });
    // an account is a member of one company at a time: binding another leaves the first
    const company = await claimCompany(ctx, input, user.companyId);
    const saved = await saveOwn(ctx, { ...user, role: 'company', companyId: company.id }, expected);
    return { user: userView(saved, company) };
  },

  async redeemInvite(ctx, input) {
    return { user: userView(await redeemInviteCode(ctx, input.code)) };
  },
});

const codeOf = (r: Result<unknown>): ErrorCode | null => (r.ok ? null : r.error.code);

/** Throws for the fields whose check failed: one bad field answers its own code, several VALIDATION_FAILED. */
const refuseBadFields = (checks: Record<string, ErrorCode | null>) => {
  const fields = Object.fromEntries(Object.entries(checks).filter((e): e is [string, ErrorCode] => e[1] !== null));
  const codes = Object.values(fields);
  if (codes.length) throw new AppError(codes.length === 1 ? codes[0] : 'VALIDATION_FAILED', fields);
};

type CompanyClaim = { creditCode: string; name: string; location: CompanyRecord['location'] };

/**
 * The company a binder becomes a member of: their own again, a new one for the first binder,
 * or one that no member holds any more (its last member bound another), claimed afresh. A
 * credit code is public, so knowing it must not make anyone a member of a company that has
 * members: that needs an invitation (not built yet). Claims of a memberless company move its
 * version, so of two claimants at once only one wins.
 */
const claimCompany = async (ctx: CtxWith<'users' | 'newId' | 'now'>, input: CompanyClaim, ownCompanyId: string | undefined) => {
  const existing = await ctx.deps.users.findCompanyByCreditCode(input.creditCode);
  if (!existing) return createCompany(ctx, input);
  if (existing.id === ownCompanyId) return existing;
  if ((await ctx.deps.users.countCompanyMembers(existing.id)) > 0) throw companyTaken();
  const claimed = await ctx.deps.users.putCompany({ ...existing, version: existing.version + 1, name: input.name, location: input.location }, existing.version);
  if (!claimed.ok) throw claimed.error.code === 'CONFLICT' ? companyTaken() : AppError.of(claimed.error);
  return claimed.value;
};

const companyTaken = () => new AppError('COMPANY_ALREADY_BOUND', { creditCode: 'COMPANY_ALREADY_BOUND' });

/** Creates the company for its first binder. */
const createCompany = async (ctx: CtxWith<'users' | 'newId' | 'now'>, input: CompanyClaim) => {
  const company: CompanyRecord = {
    id: ctx.deps.newId('co'),
    version: 1,
    creditCode: input.creditCode,
    name: input.name,
    location: input.location,
    createdAt: nowIso(ctx),
  };
  const created = await ctx.deps.users.putCompany(company);
  if (!created.ok) throw created.error.code === 'DUPLICATE' ? companyTaken() : AppError.of(created.error);
  return created.value;
};
