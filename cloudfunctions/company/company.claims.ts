/**
 * company: claims on a company and their check. A credit code is public, so a claim makes
 * nobody a member: a clerk of the company's home center looks at the licence photo and verifies
 * one claim (refusing the others) or refuses it. The check sits behind the CompanyRegistry port
 * (core/services/company.registry.ts): a registry adapter's verdict is applied the same way.
 */
import { AppError } from '../../shared/errors';
import type { ClaimView } from '../../shared/api.schema';
import { OTHER_CLAIM_VERIFIED_ZH_CN, newClaim, refusedClaim, verifiedClaim } from '../../shared/company.rules';
import { memberIdOf, type CompanyClaim } from '../../shared/company.schema';
import { validateCreditCode } from '../../shared/validators';
import { townshipByCode } from '../../shared/townships';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole, requireSubject } from '../core/identity/caller';
import { nowIso, type CtxWith } from '../core/services/context';
import type { CompanyRecord, UserRecord } from '../core/stores/user.port';
import type { AuditEntry } from '../../shared/request.schema';

type Actor = AuditEntry['actor'];
import { companyView, homeCenter, noticeTo } from '../core/services/company.view';

type ClaimActions = Pick<Handlers<'company'>, 'claim' | 'myClaims' | 'claims' | 'verify' | 'refuse'>;

const claimView = async (ctx: CtxWith<'catalogue'>, c: CompanyClaim): Promise<ClaimView> => {
  const name = (await ctx.deps.catalogue.directory()).byId.get(c.centerId)?.name;
  return { ...c, ...(name ? { centerName: name } : {}) };
};

/** The claim a clerk decides: it must exist, be checked at their center, and be the version they saw. */
const claimToDecide = async (ctx: CtxWith<'companies'>, clerk: UserRecord, id: string, version: number): Promise<CompanyClaim> => {
  const claim = await ctx.deps.companies.getClaim(id);
  if (!claim) throw new AppError('NOT_FOUND');
  if (claim.centerId !== clerk.centerId) throw new AppError('FORBIDDEN');
  if (claim.state !== 'pending') throw new AppError('CLAIM_NOT_PENDING');
  if (claim.version !== version) throw new AppError('CONFLICT');
  return claim;
};

/** Tells a claimant what became of their claim (their message list; a subscribe message on WeChat). */
const tellClaimant = (ctx: CtxWith<'outbox' | 'newId' | 'now'>, c: CompanyClaim) =>
  ctx.deps.outbox.addOutbox(
    noticeTo(
      ctx,
      { userId: c.claimantId },
      {
        kind: 'demand',
        title: c.state === 'verified' ? '企业认领已通过' : '企业认领未通过',
        body: c.state === 'verified' ? `${c.name}已核验，您是企业管理员，可以邀请经办人` : `${c.name}：${c.reason ?? ''}`,
      },
    ),
  );

/** Who decides a claim: a clerk of its center (the first 企业管家), or a registry adapter (no officer yet). */
type Decider = { id: string; clerk?: UserRecord };

/** The company a verified claim makes, or the memberless one of the same code it takes over. */
const companyFor = async (ctx: CtxWith<'users' | 'companies' | 'newId'>, claim: CompanyClaim, by: Decider, at: string) => {
  const existing = await ctx.deps.users.findCompanyByCreditCode(claim.creditCode);
  if (existing && (await ctx.deps.companies.listMembers(existing.id)).length) throw new AppError('COMPANY_ALREADY_BOUND');
  const c = by.clerk;
  const officer = c
    ? { userId: c.id, centerId: c.centerId!, ...(c.nameMasked ? { nameMasked: c.nameMasked } : {}), assignedBy: c.id, assignedAt: at }
    : undefined;
  const kept = existing?.officer ?? officer;
  const base = { creditCode: claim.creditCode, name: claim.name, location: claim.location, verifiedAt: at, ...(kept ? { officer: kept } : {}) };
  if (existing) return { company: { ...existing, ...base, version: existing.version + 1 } as CompanyRecord, expected: existing.version };
  return { company: { id: ctx.deps.newId('co'), version: 1, createdAt: at, ...base } as CompanyRecord, expected: undefined };
};

/**
 * Verifies a claim: the claim, the refusal of every other pending claim on its code, the company
 * and its administrator are written together; then each claimant is told.
 */
const verifyClaim = async (ctx: Parameters<ClaimActions['verify']>[0], claim: CompanyClaim, by: Decider) => {
  const at = nowIso(ctx);
  const { company, expected } = await companyFor(ctx, claim, by, at);
  const verified = unwrap(verifiedClaim(claim, company.id, by.id, at));
  const pending = await ctx.deps.companies.listClaims({ creditCode: claim.creditCode, state: 'pending' }, { page: 1, pageSize: 100 });
  const refused = pending.items
    .filter((c) => c.id !== claim.id)
    .map((c) => ({ claim: unwrap(refusedClaim(c, OTHER_CLAIM_VERIFIED_ZH_CN, by.id, at)), expectedVersion: c.version }));
  const admin = {
    id: memberIdOf(company.id, claim.claimantId),
    version: 1,
    companyId: company.id,
    userId: claim.claimantId,
    role: 'admin' as const,
    joinedAt: at,
    via: 'claim' as const,
    ...(claim.claimantNameMasked ? { nameMasked: claim.claimantNameMasked } : {}),
  };
  unwrap(await ctx.deps.companies.verifyClaim({ claim: verified, expectedVersion: claim.version, refused, company, companyExpectedVersion: expected, admin }));
  for (const c of [verified, ...refused.map((r) => r.claim)]) await tellClaimant(ctx, c);
  const actor = by.clerk ? actorOf(by.clerk) : { userId: by.id, role: 'system' as const };
  await ctx.deps.audit.appendAudit({
    at,
    actor,
    action: 'company.verify',
    centerId: claim.centerId,
    note: `${claim.id} ${company.id} refused ${refused.length}`,
  });
  return { claim: await claimView(ctx, verified), company: await companyView(ctx, company) };
};

export const claimHandlers: ClaimActions = {
  async claim(ctx, input) {
    const user = requireRole(ctx, 'resident', 'company');
    if (!user.idHash) throw new AppError('NOT_BOUND');
    const code = validateCreditCode(input.creditCode);
    if (!code.ok) throw new AppError('INVALID_CREDIT_CODE', { creditCode: 'INVALID_CREDIT_CODE' });
    if (input.location !== 'zone' && !townshipByCode(input.location.townshipCode))
      throw new AppError('CENTER_NOT_FOUND', { 'location.townshipCode': 'CENTER_NOT_FOUND' });
    // the photo must be the claimant's own upload (locally the store of uploads knows; on WeChat the file is in their private storage)
    if (ctx.deps.files && ctx.deps.files.uploaderOf(input.licenceFileId) !== requireSubject(ctx))
      throw new AppError('VALIDATION_FAILED', { licenceFileId: '请上传营业执照照片' });
    const existing = await ctx.deps.users.findCompanyByCreditCode(code.value);
    if (existing && (await ctx.deps.companies.listMembers(existing.id)).length)
      throw new AppError('COMPANY_ALREADY_BOUND', { creditCode: 'COMPANY_ALREADY_BOUND' });
    const center = await homeCenter(ctx, input.location);
    const at = nowIso(ctx);
    const claim = newClaim({
      id: ctx.deps.newId('cl'),
      creditCode: code.value,
      name: input.name,
      location: input.location,
      centerId: center.id,
      licenceFileId: input.licenceFileId,
      claimantId: user.id,
      ...(user.nameMasked ? { claimantNameMasked: user.nameMasked } : {}),
      ...(user.idMasked ? { claimantIdMasked: user.idMasked } : {}),
      now: at,
    });
    unwrap(await ctx.deps.companies.createClaim(claim));
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'company.claim', centerId: center.id, note: `${claim.id} ${claim.creditCode}` });
    const verdict = await ctx.deps.registry.check(claim);
    if (verdict.kind === 'verified') return { claim: (await verifyClaim(ctx, claim, { id: ctx.deps.registry.name })).claim };
    if (verdict.kind === 'refused') return { claim: await refuseClaim(ctx, claim, verdict.reason, { userId: ctx.deps.registry.name, role: 'system' }) };
    return { claim: await claimView(ctx, claim) };
  },

  async myClaims(ctx) {
    const user = requireRole(ctx, 'resident', 'company');
    const page = await ctx.deps.companies.listClaims({ claimantId: user.id }, { page: 1, pageSize: 50 });
    return { items: await Promise.all(page.items.reverse().map((c) => claimView(ctx, c))) };
  },

  async claims(ctx, input) {
    const clerk = requireRole(ctx, 'clerk');
    const page = await ctx.deps.companies.listClaims({ centerId: clerk.centerId, state: input.state }, input);
    await ctx.deps.audit.appendAudit({
      at: nowIso(ctx),
      actor: actorOf(clerk),
      action: 'read.claims',
      centerId: clerk.centerId,
      ids: page.items.map((c) => c.id),
    });
    return { ...page, items: await Promise.all(page.items.map((c) => claimView(ctx, c))) };
  },

  async verify(ctx, input) {
    const clerk = requireRole(ctx, 'clerk');
    const claim = await claimToDecide(ctx, clerk, input.id, input.version);
    return verifyClaim(ctx, claim, { id: clerk.id, clerk });
  },

  async refuse(ctx, input) {
    const clerk = requireRole(ctx, 'clerk');
    const claim = await claimToDecide(ctx, clerk, input.id, input.version);
    return { claim: await refuseClaim(ctx, claim, input.reason, actorOf(clerk)) };
  },
};

/** Refuses a claim with a reason and tells its claimant. */
const refuseClaim = async (
  ctx: CtxWith<'companies' | 'outbox' | 'audit' | 'catalogue' | 'newId' | 'now'>,
  claim: CompanyClaim,
  reason: string,
  actor: Actor,
) => {
  const at = nowIso(ctx);
  const refused = unwrap(refusedClaim(claim, reason, actor.userId, at));
  unwrap(await ctx.deps.companies.refuseClaim(refused, claim.version));
  await tellClaimant(ctx, refused);
  await ctx.deps.audit.appendAudit({ at, actor, action: 'company.refuse', centerId: claim.centerId, note: `${claim.id} ${reason}` });
  return claimView(ctx, refused);
};
