/**
 * The audit trail of reads and other actions not tied to a request change. Entries of a
 * request change are written by RequestStore in the same transaction as the change.
 */
import type { AuditEntry } from '../../../shared/request.schema';
import type { Page, PageOf } from './store.page';

/** What the administrator searches the trail by: the person who acted, the center, the request, and instants from and to (inclusive). */
export type AuditFilter = { actorId?: string; centerId?: string; requestId?: string; from?: string; to?: string };

export interface AuditStore {
  /** Entries matching every given condition, newest first. */
  searchAudit(filter: AuditFilter, page: Page): Promise<PageOf<AuditEntry>>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /** How many audit entries of each action a center recorded since an instant (a center's figures of the day). */
  countActionsSince(centerId: string, sinceIso: string, actions: string[]): Promise<Record<string, number>>;
  /** What one user did and read, newest first (the trail of a person's reads of personal data). */
  auditByActor(userId: string, page: Page): Promise<PageOf<AuditEntry>>;
}
