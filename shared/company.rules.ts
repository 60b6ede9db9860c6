/**
 * The rules of the company side, as pure functions: where a company's claims are checked, a
 * claim's decision, and what a company administrator may do to members. Callers pass `now` and ids.
 */
import { fail, ok, type Result } from './errors';
import type { Center } from './directory.schema';
import type { CompanyLocation } from './identity.schema';
import type { CompanyClaim, CompanyMember } from './company.schema';

/** The center of a company's location: the zone branch for the zone, else the township's own center. */
export const homeCenterOf = (location: CompanyLocation, centers: Iterable<Center>): Center | null => {
  for (const c of centers) {
    if (location === 'zone' ? c.kind === 'zone' : c.kind === 'township' && c.townshipCode === location.townshipCode) return c;
  }
  return null;
};

/** The location whose companies a center serves as their home: the zone for the zone branch, a township for its own center; none for the others. */
export const servedLocationOf = (center: Center): CompanyLocation | null => {
  if (center.kind === 'zone') return 'zone';
  if (center.kind === 'township' && center.townshipCode) return { townshipCode: center.townshipCode };
  return null;
};

/** A fresh pending claim. */
export const newClaim = (p: Omit<CompanyClaim, 'version' | 'state' | 'createdAt'> & { now: string }): CompanyClaim => {
  const { now, ...rest } = p;
  return { ...rest, version: 1, state: 'pending', createdAt: now };
};

/** A pending claim decided by a clerk; a claim decided already cannot be decided again. */
const decided = (claim: CompanyClaim, state: 'verified' | 'refused', by: string, now: string, extra: Partial<CompanyClaim>): Result<CompanyClaim> =>
  claim.state !== 'pending' ? fail('CLAIM_NOT_PENDING') : ok({ ...claim, ...extra, version: claim.version + 1, state, decidedBy: by, decidedAt: now });

/** The claim verified: its claimant becomes the company's administrator. */
export const verifiedClaim = (claim: CompanyClaim, companyId: string, by: string, now: string): Result<CompanyClaim> =>
  decided(claim, 'verified', by, now, { companyId });

/** The claim refused with a reason. */
export const refusedClaim = (claim: CompanyClaim, reason: string, by: string, now: string): Result<CompanyClaim> =>
  decided(claim, 'refused', by, now, { reason });

/** The Chinese reason the other pending claims on a code carry when one is verified. */
export const OTHER_CLAIM_VERIFIED_ZH_CN = '同一企业的另一份认领已通过核验';

/** Whether a member may manage the company's members, officer and invitations. */
export const isCompanyAdmin = (m: CompanyMember | null): boolean => m?.role === 'admin';

/**
 * A member removed by the administrator. The administrator cannot remove themselves: the
 * company would be left with nobody to manage it (transfer the role first).
 */
export const canRemove = (actor: CompanyMember, target: CompanyMember): Result<true> => {
  if (!isCompanyAdmin(actor)) return fail('FORBIDDEN');
  if (target.userId === actor.userId) return fail('OWN_ROLE');
  return ok(true);
};

/** The two memberships after the administrator hands the role to another member. */
export const transferredAdmin = (from: CompanyMember, to: CompanyMember): Result<{ from: CompanyMember; to: CompanyMember }> => {
  if (!isCompanyAdmin(from)) return fail('FORBIDDEN');
  if (from.companyId !== to.companyId) return fail('MEMBER_NOT_FOUND');
  if (to.userId === from.userId) return fail('OWN_ROLE');
  return ok({ from: { ...from, version: from.version + 1, role: 'staff' }, to: { ...to, version: to.version + 1, role: 'admin' } });
};
