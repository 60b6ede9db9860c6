/**
 * Requests with their audit trail and the notices each step causes. Rules every adapter keeps:
 * - every state change of a request is a conditional write on its `version`
 *   (a stale version answers CONFLICT, never overwrites);
 * - a request change, its audit entries and its notices are written in one transaction;
 * - `createRequest` is idempotent on (applicant userId, idempotencyKey); the same key with another
 *   body (`idempotencyHash`) answers IDEMPOTENCY_KEY_REUSED and writes nothing.
 */
import type { AuditEntry, Request } from '../../../shared/request.schema';
import type { QueueName } from '../../../shared/api.schema';
import type { Result } from '../../../shared/errors';
import type { OutboxRecord } from './outbox.port';
import type { Page, PageOf } from './store.page';

export type RequestFilter = { applicantUserId?: string; companyId?: string; throughCenterId?: string; state?: Request['state'] };

export interface RequestStore {
  getRequest(id: string): Promise<Request | null>;
  /**
   * Creates the request with its audit entries; if (applicant, idempotencyKey) exists, answers the existing one,
   * or IDEMPOTENCY_KEY_REUSED when the stored body hash differs.
   */
  createRequest(request: Request, audit: AuditEntry[]): Promise<Result<{ request: Request; created: boolean }>>;
  /**
   * Writes `next` only if the stored version is `expectedVersion` (next.version must be expectedVersion + 1),
   * with its audit entries and the notices the step causes, all in one transaction.
   */
  updateRequest(next: Request, expectedVersion: number, audit: AuditEntry[], outbox?: OutboxRecord[]): Promise<Result<Request>>;
  listRequests(filter: RequestFilter, page: Page): Promise<PageOf<Request>>;
  /** Requests whose derived queue at `centerId` is `queue` (see shared queueOf). */
  listQueue(centerId: string, queue: QueueName, page: Page): Promise<PageOf<Request>>;
  countQueues(centerId: string): Promise<Record<QueueName, number>>;
  /** The request whose latest slip carries `code` (in transit, received or returned). */
  findRequestByHandoffCode(code: string): Promise<Request | null>;
  /** Open requests and in-transit handoffs the overdue scan must look at. */
  listOpenRequests(afterId: string | null, limit: number): Promise<Request[]>;
  /** A request's audit entries, by time then write order. */
  timeline(requestId: string): Promise<AuditEntry[]>;
}
