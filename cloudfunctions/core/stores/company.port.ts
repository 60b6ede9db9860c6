/**
 * Claims on companies and the members of verified companies. A verified claim writes, in one
 * transaction: the claim, the other pending claims on its code (refused), the company (made
 * or updated) and the claimant's membership as administrator, or nothing at all.
 */
import type { Result } from '../../../shared/errors';
import type { ClaimState, CompanyClaim, CompanyMember } from '../../../shared/company.schema';
import type { CompanyRecord } from './user.port';
import type { OutboxRecord } from './outbox.port';
import type { Page, PageOf } from './store.page';

export type ClaimFilter = { centerId?: string; state?: ClaimState; creditCode?: string; claimantId?: string };

/** What verifying a claim writes together; versions are what the writes are conditional on. */
export type ClaimVerification = {
  claim: CompanyClaim;
  expectedVersion: number;
  /** the other pending claims on the code, now refused */
  refused: { claim: CompanyClaim; expectedVersion: number }[];
  company: CompanyRecord;
  /** undefined: the company is new */
  companyExpectedVersion?: number;
  admin: CompanyMember;
};

export interface CompanyStore {
  /**
   * Stores a pending claim. One person has at most one pending claim on a code: a second answers
   * CLAIM_PENDING, decided by the store (a unique index, a key document), so two at once cannot both pass.
   */
  createClaim(claim: CompanyClaim): Promise<Result<CompanyClaim>>;
  getClaim(id: string): Promise<CompanyClaim | null>;
  /** Claims, oldest first (a queue). */
  listClaims(filter: ClaimFilter, page: Page): Promise<PageOf<CompanyClaim>>;
  /** Refuses one claim, conditional on its version (CONFLICT if stale). */
  refuseClaim(next: CompanyClaim, expectedVersion: number): Promise<Result<CompanyClaim>>;
  /** Writes a verification whole, or nothing (CONFLICT when any version is stale). */
  verifyClaim(v: ClaimVerification): Promise<Result<CompanyClaim>>;
  /**
   * Changes a company with the notices the change causes (the 企业管家 named), in one write:
   * conditional on its version (CONFLICT if stale, NOT_FOUND if there is none), nothing written on failure.
   */
  updateCompany(company: CompanyRecord, expectedVersion: number, outbox: OutboxRecord[]): Promise<Result<CompanyRecord>>;
  /** The claims whose licence photo is this file (who may see the photo). */
  claimsWithFile(fileId: string, limit: number): Promise<CompanyClaim[]>;

  getMember(companyId: string, userId: string): Promise<CompanyMember | null>;
  /** A company's members, administrators first, then by joining time. */
  listMembers(companyId: string): Promise<CompanyMember[]>;
  /** The companies a person belongs to, by joining time. */
  listMemberships(userId: string): Promise<CompanyMember[]>;
  /** Creates (DUPLICATE if the person is a member already) or conditionally updates a membership. */
  putMember(member: CompanyMember, expectedVersion?: number): Promise<Result<CompanyMember>>;
  /** Ends a membership, conditional on its version. */
  removeMember(member: CompanyMember, expectedVersion: number): Promise<Result<true>>;
  /** Writes two memberships together (handing over the administrator role), or neither. */
  putMembers(pair: [CompanyMember, number][]): Promise<Result<CompanyMember[]>>;
}
