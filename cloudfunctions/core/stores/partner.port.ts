/**
 * Partner systems that call the Open311 API, and the filings they made that wait for intake.
 * A key is kept only as its SHA-256 hash (it is random and long, so no salt is needed) plus its
 * first characters for the administrator's list. Writes follow the versioned-record rule:
 * `expectedVersion` undefined creates (DUPLICATE if the id exists), given it is conditional (CONFLICT if stale).
 */
import type { ErrorCode, Result } from '../../../shared/errors';
import type { Open311Filing, PartnerIntake } from '../../../shared/open311.schema';
import type { Page, PageOf } from './store.page';

/** A partner system with its hashed key. */
export type PartnerRecord = {
  id: string;
  version: number;
  name: string;
  keyHash: string;
  keyPrefix: string;
  intake: PartnerIntake;
  ratePerMinute: number;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
};

/** A deferred filing: validated when posted, filed as a request by the intake job; `id` is the token. */
export type IntakeRecord = {
  id: string;
  version: number;
  partnerId: string;
  state: 'pending' | 'filed' | 'failed';
  filing: Open311Filing;
  requestId?: string;
  /** why intake failed, as a code the token answer words */
  error?: ErrorCode;
  createdAt: string;
  updatedAt: string;
};

export interface PartnerStore {
  getPartner(id: string): Promise<PartnerRecord | null>;
  /** The partner holding a key, by the key's hash, revoked or not. */
  findPartnerByKeyHash(keyHash: string): Promise<PartnerRecord | null>;
  /** Partners by creation time, oldest first. */
  listPartners(page: Page): Promise<PageOf<PartnerRecord>>;
  putPartner(partner: PartnerRecord, expectedVersion?: number): Promise<Result<PartnerRecord>>;
  getIntake(token: string): Promise<IntakeRecord | null>;
  putIntake(intake: IntakeRecord, expectedVersion?: number): Promise<Result<IntakeRecord>>;
  /** Pending filings, oldest first. */
  pendingIntakes(limit: number): Promise<IntakeRecord[]>;
}
