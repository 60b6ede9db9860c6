/**
 * Invitations to a role. Every change of an invitation is a conditional write on its
 * `version`; redeeming writes the used invitation and the holder's new role in one
 * transaction, so a code is spent exactly once and never without its role (or the reverse).
 */
import type { Result } from '../../../shared/errors';
import type { Invite, InviteState } from '../../../shared/invite.schema';
import type { UserRecord } from './user.port';
import type { CompanyMember } from '../../../shared/company.schema';
import type { Page, PageOf } from './store.page';

export type InviteFilter = { state?: InviteState };

export interface InviteStore {
  /** Stores a new invitation; DUPLICATE if its id (the code's hash) is taken. */
  createInvite(invite: Invite): Promise<Result<Invite>>;
  getInvite(id: string): Promise<Invite | null>;
  /** Invitations, newest first. */
  listInvites(filter: InviteFilter, page: Page): Promise<PageOf<Invite>>;
  /** Writes `next` only if the stored version is `expectedVersion` (CONFLICT if stale). */
  updateInvite(next: Invite, expectedVersion: number): Promise<Result<Invite>>;
  /**
   * Writes the redeemed invitation (conditional on `expectedVersion`) and the holder's record
   * (created when `expectedUserVersion` is undefined, else conditional on it) together, or neither;
   * an invitation to a company also writes the new membership (DUPLICATE if they belong already).
   */
  redeemInvite(
    next: Invite,
    expectedVersion: number,
    user: UserRecord,
    expectedUserVersion?: number,
    member?: CompanyMember,
  ): Promise<Result<{ invite: Invite; user: UserRecord }>>;
}
