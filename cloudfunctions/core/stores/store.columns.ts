/**
 * The columns both Store adapters derive from a request so that a clerk's queue, the
 * overdue list, a handoff slip and each line of the overdue scan are each one indexed lookup.
 * One derivation, two adapters: the SQLite and the CloudBase store must agree on what
 * "overdue at a center" means and on which requests a scan range holds.
 */
import type { Request } from '../../../shared/request.schema';
import type { CompanyLocation } from '../../../shared/identity.schema';
import type { QueueName } from '../../../shared/api.schema';
import { OPEN_STATES, queueOf } from '../../../shared/queue';
import type { Page } from './store.page';
import { fail, ok, type Result } from '../../../shared/errors';

export type RequestColumns = {
  queue: Exclude<QueueName, 'overdue' | 'rectify'> | null;
  /** the deciding center while a bad review waits for its return call (the 整改 queue) */
  rectifyCenterId: string | null;
  overdue: boolean;
  handoffCode: string | null;
  pathCenters: string[];
  applicantUserId: string;
  companyId: string | null;
  /** the deadline of its rectification case while the case is open (the administrator's list of cases, the late ones) */
  rectDeadline: string | null;
  /** the uploaded files its materials carry: who may see a file is decided by the requests that carry it */
  fileIds: string[];
} & ClockColumns;

/** The values the overdue scan's ranges are drawn on (shared/overdue.lines.ts); null where none applies. */
export type ClockColumns = {
  /** the deadline while the request is accepted (its clock runs) */
  deadline: string | null;
  /** the earliest send time of a handoff still in transit and not yet flagged, while the request is open */
  handoffSentAt: string | null;
  /** the last write, while the request is open */
  changedAt: string | null;
};

/** An instant in the one spelling the columns compare as text (toISOString: milliseconds and Z). */
export const instantKey = (instant: string): string => new Date(Date.parse(instant)).toISOString();

/**
 * The columns a company is listed by: the key of the home its location gives (`zone`, or the
 * township code: the home center's clerks list it) and when its claim was verified (null: never).
 */
export type CompanyColumns = { homeKey: string; verifiedAt: string | null };

/** The home key of a company location: what a home center's listing asks for. */
export const homeKeyOf = (location: CompanyLocation): string => (location === 'zone' ? 'zone' : location.townshipCode);

/** The listing columns of a company record. */
export const companyColumns = (c: { location: CompanyLocation; verifiedAt?: string }): CompanyColumns => ({
  homeKey: homeKeyOf(c.location),
  verifiedAt: c.verifiedAt ? instantKey(c.verifiedAt) : null,
});

/** The scan columns of a request. */
export const clockColumns = (r: Pick<Request, 'state' | 'deadline' | 'handoffs' | 'updatedAt'>): ClockColumns => {
  const open = OPEN_STATES.includes(r.state);
  const waiting = open
    ? r.handoffs
        .filter((h) => h.state === 'in_transit' && !h.overdue)
        .map((h) => instantKey(h.sentAt))
        .sort()
    : [];
  return {
    deadline: r.state === 'accepted' && r.deadline ? instantKey(r.deadline) : null,
    handoffSentAt: waiting[0] ?? null,
    changedAt: open ? instantKey(r.updatedAt) : null,
  };
};

/** The queue names a clerk sees, in display order; every count answer carries all of them. */
export const QUEUE_NAMES: readonly QueueName[] = ['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue', 'rectify'];

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
  rectifyCenterId: r.rectification?.state === 'open' ? r.deciderId : null,
  overdue: isOverdue(r),
  handoffCode: latestHandoffCode(r),
  pathCenters: centersOf(r),
  applicantUserId: r.applicant.userId,
  companyId: r.applicant.companyId ?? null,
  ...clockColumns(r),
  rectDeadline: r.rectification?.state === 'open' ? instantKey(r.rectification.deadline) : null,
  fileIds: [...new Set(r.materials.flatMap((m) => (m.fileId ? [m.fileId] : [])))],
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

/** A zero count for every queue, so answers always carry every key. */
export const emptyCounts = (): Record<QueueName, number> => Object.fromEntries(QUEUE_NAMES.map((q) => [q, 0])) as Record<QueueName, number>;

/** Rows to skip for a 1-based page. */
export const offsetOf = (page: Page): number => (page.page - 1) * page.pageSize;

/** A bug guard shared by both adapters: a conditional write must move the version by exactly one. */
export const assertNextVersion = (kind: string, nextVersion: number, expectedVersion: number): void => {
  if (nextVersion !== expectedVersion + 1) {
    throw new Error(`${kind}: next.version ${nextVersion} must be expectedVersion ${expectedVersion} + 1`);
  }
};
