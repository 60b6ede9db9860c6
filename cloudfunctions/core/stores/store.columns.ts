/**
 * The columns both Store adapters derive from a request so that a clerk's queue, the
 * overdue list and a handoff slip are each one indexed lookup. One derivation, two adapters:
 * the SQLite and the CloudBase store must agree on what "overdue at a center" means.
 */
import type { Request } from '../../../shared/request.schema';
import type { QueueName } from '../../../shared/api.schema';
import { OPEN_STATES, queueOf } from '../../../shared/queue';
import type { Page } from './store.page';

export type RequestColumns = {
  queue: Exclude<QueueName, 'overdue' | 'rectify'> | null;
  /** the deciding center while a bad review waits for its return call (the 整改 queue) */
  rectifyCenterId: string | null;
  overdue: boolean;
  handoffCode: string | null;
  pathCenters: string[];
  applicantUserId: string;
  companyId: string | null;
};

/** The queue names a clerk sees, in display order; every count answer carries all of them. */
export const QUEUE_NAMES: readonly QueueName[] = ['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue', 'rectify'];

/** The slip code of the handoff still waiting for its receiving clerk, if any. */
export const pendingHandoffCode = (r: Pick<Request, 'handoffs'>): string | null => {
  const pending = r.handoffs.filter((h) => h.state === 'in_transit');
  return pending.length ? pending[pending.length - 1].code : null;
};

/** Overdue counts only while the request is open: a late but closed matter needs no work. */
export const isOverdue = (r: Pick<Request, 'state' | 'overdue' | 'handoffs'>): boolean =>
  OPEN_STATES.includes(r.state) && (r.overdue || r.handoffs.some((h) => h.state === 'in_transit' && h.overdue));

/** Every center that may see the request: its path plus the holder (who is on the path in practice). */
export const centersOf = (r: Pick<Request, 'path' | 'holderCenterId'>): string[] => [...new Set([...r.path, r.holderCenterId])];

/** Derives the indexed columns of a request. */
export const requestColumns = (r: Request): RequestColumns => ({
  queue: queueOf(r),
  rectifyCenterId: r.rectification?.state === 'open' ? r.deciderId : null,
  overdue: isOverdue(r),
  handoffCode: pendingHandoffCode(r),
  pathCenters: centersOf(r),
  applicantUserId: r.applicant.userId,
  companyId: r.applicant.companyId ?? null,
});

/** A zero count for every queue, so answers always carry every key. */
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
