/**
 * Requests with their audit trail and the notices each step causes. Rules every adapter keeps:
 * - every state change of a request is a conditional write on its `version`
 *   (a stale version answers CONFLICT, never overwrites);
 * - a request (new or changed), its audit entries and its notices are written in one transaction;
 * - `createRequest` is idempotent on (applicant userId, idempotencyKey); the same key with another
 *   body (`idempotencyHash`) answers IDEMPOTENCY_KEY_REUSED and writes nothing.
 */
import type { AuditEntry, Request } from '../../../shared/request.schema';
import type { QueueName } from '../../../shared/api.schema';
import type { Result } from '../../../shared/errors';
import type { ScanRange } from '../../../shared/overdue.lines';
import type { OutboxRecord } from './outbox.port';
import type { Page, PageOf } from './store.page';

export type RequestFilter = { applicantUserId?: string; companyId?: string; throughCenterId?: string; state?: Request['state'] };

/** Where a walk over a scan range stopped: the last request's value on the range's column, and its id. */
export type ClockCursor = { at: string; id: string };

export interface RequestStore {
  getRequest(id: string): Promise<Request | null>;
  /**
   * Creates the request with its audit entries and notices; if (applicant, idempotencyKey) exists,
   * answers the existing one and queues nothing, or IDEMPOTENCY_KEY_REUSED when the stored body hash differs.
   */
  createRequest(request: Request, audit: AuditEntry[], outbox?: OutboxRecord[]): Promise<Result<{ request: Request; created: boolean }>>;
  /**
   * Writes `next` only if the stored version is `expectedVersion` (next.version must be expectedVersion + 1),
   * with its audit entries and the notices the step causes, all in one transaction.
   */
  updateRequest(next: Request, expectedVersion: number, audit: AuditEntry[], outbox?: OutboxRecord[]): Promise<Result<Request>>;
  listRequests(filter: RequestFilter, page: Page): Promise<PageOf<Request>>;
  /** Requests whose derived queue at `centerId` is `queue` (see shared queueOf); `rectify` holds bad reviews waiting for their return call at the deciding center. */
  listQueue(centerId: string, queue: QueueName, page: Page): Promise<PageOf<Request>>;
  countQueues(centerId: string): Promise<Record<QueueName, number>>;
  /** The request whose latest slip carries `code` (in transit, received or returned). */
  findRequestByHandoffCode(code: string): Promise<Request | null>;
  /** The requests whose materials carry an uploaded file (at most `limit`), to decide who may see it. */
  requestsWithFile(fileId: string, limit: number): Promise<Request[]>;
  /** Open requests and in-transit handoffs the overdue scan must look at. */
  listOpenRequests(afterId: string | null, limit: number): Promise<Request[]>;
  /**
   * Open requests whose scan column (store.columns `clockColumns`) lies in the range, ordered by
   * (that value, id), after the cursor; `next` is where to go on, null after the last page.
   */
  listByClock(range: ScanRange, after: ClockCursor | null, limit: number): Promise<{ requests: Request[]; next: ClockCursor | null }>;
  /** A request's audit entries, by time then write order. */
  timeline(requestId: string): Promise<AuditEntry[]>;
}
