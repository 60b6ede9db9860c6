/**
 * The columns both Store adapters derive from a request so that a clerk's queue, the
 * overdue list and a handoff slip are each one indexed lookup. One derivation, two adapters:
 * the SQLite and the CloudBase store must agree on what "overdue at a center" means.
 */
import type { Request } from '../../../shared/request.schema';
import type { QueueName } from '../../../shared/api.schema';
import { OPEN_STATES, queueOf } from '../../../shared/queue';
import type { Page } from './store.page';
import { fail, ok, type Result } from '../../../shared/errors';

export type RequestColumns = {
  queue: Exclude<QueueName, 'overdue'> | null;
  overdue: boolean;
  handoffCode: string | null;
  pathCenters: string[];
  applicantUserId: string;
  companyId: string | null;
};

/** The queue names a clerk sees, in display order; every count answer carries all of them. */
export const QUEUE_NAMES: readonly QueueName[] = ['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue'];

/**
 * The code of the request's latest slip, in transit or already signed: a code typed a second
 * time must still find its request, so the clerk hears the slip was signed, not that the code is wrong.
 */
export const latestHandoffCode = (r: Pick<Request, 'handoffs'>): string | null => r.handoffs[r.handoffs.length - 1]?.code ?? null;

/** Overdue counts only while the request is open: a late but closed matter needs no work. */
export const isOverdue = (r: Pick<Request, 'state' | 'overdue' | 'handoffs'>): boolean =>
  OPEN_STATES.includes(r.state) && (r.overdue || r.handoffs.some((h) => h.state === 'in_transit' && h.overdue));

/** Every center that may see the request: its path plus the holder (who is on the path in practice). */
export const centersOf = (r: Pick<Request, 'path' | 'holderCenterId'>): string[] => [...new Set([...r.path, r.holderCenterId])];

/** Derives the indexed columns of a request. */
export const requestColumns = (r: Request): RequestColumns => ({
  queue: queueOf(r),
  overdue: isOverdue(r),
  handoffCode: latestHandoffCode(r),
  pathCenters: centersOf(r),
  applicantUserId: r.applicant.userId,
  companyId: r.applicant.companyId ?? null,
});

/**
 * The answer to a create whose (applicant, key) is taken: the stored request when the body is
 * the same (a tap twice, a retry), IDEMPOTENCY_KEY_REUSED when another body reuses the key.
 * A record written before body hashes existed cannot be compared and counts as the same.
 */
export const repeatedCreate = (stored: Request, storedHash: string | undefined, incoming: Request): Result<{ request: Request; created: false }> =>
  storedHash && incoming.idempotencyHash && storedHash !== incoming.idempotencyHash
    ? fail('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: 'IDEMPOTENCY_KEY_REUSED' }, `request ${stored.id}`)
    : ok({ request: stored, created: false });

/** A zero count for every queue, so answers always carry all seven keys. */
export const emptyCounts = (): Record<QueueName, number> =>
  Object.fromEntries(QUEUE_NAMES.map((q) => [q, 0])) as Record<QueueName, number>;

/** Rows to skip for a 1-based page. */
export const offsetOf = (page: Page): number => (page.page - 1) * page.pageSize;

/** A bug guard shared by both adapters: a conditional write must move the version by exactly one. */
export const assertNextVersion = (kind: string, nextVersion: number, expectedVersion: number): void => {
  if (nextVersion !== expectedVersion + 1) {
    throw new Error(`${kind}: next.version ${nextVersion} must be expectedVersion ${expectedVersion} + 1`);
  }
};
