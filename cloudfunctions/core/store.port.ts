/**
 * The one Store port. Two adapters implement it (SQLite, CloudBase) and run the same
 * contract suite (tests/store.contract.ts). Handlers only ever talk to this interface.
 *
 * Rules every adapter keeps:
 * - every state change of a request is a conditional write on its `version`
 *   (a stale version answers CONFLICT, never overwrites);
 * - a request change and its audit entries are written in one transaction;
 * - `createRequest` is idempotent on (applicant userId, idempotencyKey).
 */
import type { Center, CenterKind } from '../../shared/directory.schema';
import type { Item, ItemLevel, Audience, LifeEvent } from '../../shared/catalogue.schema';
import type { AuditEntry, Request } from '../../shared/request.schema';
import type { QueueName } from '../../shared/api.schema';
import type { Result } from '../../shared/errors';
import type { CompanyLocation, Role } from '../../shared/identity.schema';

export type Page = { page: number; pageSize: number };
export type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };

/** A user record. Roles are data. The ID number is kept only as a keyed hash plus its masked form. */
export type UserRecord = {
  id: string; // OPENID in production, persona id in local mode
  version: number;
  role: Role;
  name?: string;
  nameMasked?: string;
  idHash?: string; // HMAC-SHA256 of the ID number under the server's secret
  idMasked?: string;
  phoneMasked?: string;
  phoneHash?: string;
  homeVillageId?: string;
  centerId?: string; // clerk
  companyId?: string; // company member
  createdAt: string;
  updatedAt: string;
};

export type CompanyRecord = {
  id: string;
  version: number;
  creditCode: string; // public register data, not personal
  name: string;
  location: CompanyLocation;
  createdAt: string;
};

/** A queued notification (outbox). */
export type OutboxRecord = {
  id: string;
  version: number;
  to: { userId?: string; centerId?: string };
  kind: string;
  requestId?: string;
  title: string;
  body: string;
  createdAt: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError?: string;
  sentAt?: string;
};

export type CenterFilter = { townshipCode?: string; kind?: CenterKind; q?: string };
export type ItemFilter = { q?: string; audience?: Audience; level?: ItemLevel; lifeEvent?: LifeEvent; codes?: string[] };
export type RequestFilter = { applicantUserId?: string; companyId?: string; throughCenterId?: string; state?: Request['state'] };

export interface Store {
  // directory and catalogue
  getCenter(id: string): Promise<Center | null>;
  listCenters(filter: CenterFilter, page: Page): Promise<PageOf<Center>>;
  allCenters(): Promise<Center[]>;
  upsertCenters(centers: Center[]): Promise<void>;
  getItem(code: string): Promise<Item | null>;
  searchItems(filter: ItemFilter, page: Page): Promise<PageOf<Item>>;
  allItems(): Promise<Item[]>;
  upsertItems(items: Item[]): Promise<void>;

  // users and companies; `expectedVersion` undefined means create (DUPLICATE if it exists)
  getUser(id: string): Promise<UserRecord | null>;
  putUser(user: UserRecord, expectedVersion?: number): Promise<Result<UserRecord>>;
  getCompany(id: string): Promise<CompanyRecord | null>;
  findCompanyByCreditCode(creditCode: string): Promise<CompanyRecord | null>;
  putCompany(company: CompanyRecord, expectedVersion?: number): Promise<Result<CompanyRecord>>;

  // requests
  getRequest(id: string): Promise<Request | null>;
  /** Creates the request with its audit entries; if (applicant, idempotencyKey) exists, answers the existing one. */
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
  findRequestByHandoffCode(code: string): Promise<Request | null>;
  /** Open requests and in-transit handoffs the overdue scan must look at. */
  listOpenRequests(afterId: string | null, limit: number): Promise<Request[]>;
  timeline(requestId: string): Promise<AuditEntry[]>;

  // audit of reads and other actions not tied to a request change
  appendAudit(entry: AuditEntry): Promise<void>;
  /** How many audit entries of each action a center recorded since an instant (a center's figures of the day). */
  countActionsSince(centerId: string, sinceIso: string, actions: string[]): Promise<Record<string, number>>;

  // notifications outbox
  enqueue(message: OutboxRecord): Promise<void>;
  listOutbox(to: { userId?: string; centerId?: string }, page: Page): Promise<PageOf<OutboxRecord>>;
  pendingOutbox(limit: number): Promise<OutboxRecord[]>;
  updateOutbox(message: OutboxRecord, expectedVersion: number): Promise<Result<OutboxRecord>>;

  // small settings: the HMAC secret, the seed marker
  getMeta(key: string): Promise<string | null>;
  setMetaIfAbsent(key: string, value: string): Promise<string>;

  close(): Promise<void>;
}
