/**
 * The scheduled work: flag overdue requests and handoffs, and send queued notices.
 * A timer trigger runs it in the cloud; in local mode the gateway runs it on an interval.
 *
 * The overdue scan reads only what can have changed since its last complete pass: the
 * requests whose deadline or handoff crossed a line, and the ones written since
 * (shared/overdue.lines.ts), each a range on an indexed column walked by cursor. Where it
 * stands is kept in the store (meta `overdueScan`), so a run stopped by its time budget (a
 * cloud function has 60 s) is resumed by the next one. With no pass behind it, after the
 * clock went back, or once the calendar or the handoff limit changed, a pass reads every open request.
 */
import { scanOverdue } from '../../shared/request.overdue';
import { overdueNotices } from '../../shared/notify.rules';
import { scanMark, scanRanges, type ScanMark, type ScanRange } from '../../shared/overdue.lines';
import type { Request } from '../../shared/request.schema';
import type { Deps } from '../core/services/context';
import type { OutboxRecord } from '../core/stores/outbox.port';
import { queuedNotices } from '../core/services/queued.notices';
import type { ClockCursor } from '../core/stores/request.port';

/** Delivers one notice; throws when the channel refuses it (the job retries later). */
export type MessageSender = { send(message: OutboxRecord): Promise<void> };

/** Local mode: the stored outbox is itself the in-app message list, so delivery only marks it sent. */
export const inAppSender: MessageSender = { send: async () => undefined };

/** What a run did: requests looked at, flagged, lost to a concurrent step; whether its pass is complete and read every open request. */
export type ScanReport = { scanned: number; flagged: number; conflicts: number; complete: boolean; full: boolean };
export type DeliveryReport = { sent: number; retried: number; failed: number; conflicts: number };

/** How much a run may do before it stops and leaves the rest to the next one. */
export type ScanBudget = { ms?: number; pages?: number };

/** The meta key of the scan's state. */
export const SCAN_STATE_KEY = 'overdueScan';

/** A pass under way: the lines it reads up to, its ranges (null: every open request), and where it stopped. */
type Pass = { mark: ScanMark; ranges: ScanRange[] | null; step: number; cursor: ClockCursor | null };
type ScanState = { done?: ScanMark; running?: Pass };

type ScanDeps = Pick<Deps, 'requests' | 'meta' | 'now' | 'newId' | 'handoffLimitDays' | 'calendar' | 'calendarSource'>;

const readState = async (deps: ScanDeps): Promise<ScanState> => {
  const text = await deps.meta.getMeta(SCAN_STATE_KEY);
  return text ? (JSON.parse(text) as ScanState) : {};
};

/** The pass a run works on: the one a budget stopped, else a new one from the last complete pass to now. */
const passOf = (state: ScanState, mark: ScanMark): Pass => state.running ?? { mark, ranges: scanRanges(state.done ?? null, mark), step: 0, cursor: null };

/** One page of the pass at its current step: open requests by id for a full pass, else the step's range. */
const pageOf = async (deps: ScanDeps, pass: Pass, size: number): Promise<{ requests: Request[]; next: ClockCursor | null }> => {
  if (!pass.ranges) {
    const requests = await deps.requests.listOpenRequests(pass.cursor?.id ?? null, size);
    return { requests, next: requests.length === size ? { at: '', id: requests[requests.length - 1].id } : null };
  }
  return deps.requests.listByClock(pass.ranges[pass.step], pass.cursor, size);
};

/** Flags what changed in one page, each request with its notices in its own conditional write. */
const flagPage = async (deps: ScanDeps, page: Request[], now: string, report: ScanReport): Promise<void> => {
  for (const r of page) {
    const step = scanOverdue(r, now, { handoffLimitDays: deps.handoffLimitDays, calendar: deps.calendar });
    if (!step.changed) continue;
    const notices = queuedNotices(deps.newId, overdueNotices(r, step.request), r.id, now);
    const saved = await deps.requests.updateRequest(step.request, r.version, step.audit, notices);
    if (saved.ok) report.flagged += 1;
    else report.conflicts += 1; // someone acted on it meanwhile; their write is in the next pass's range
  }
  report.scanned += page.length;
};

/** Flags overdue requests and handoffs that crossed a line since the last pass, within the budget. */
export const runOverdueScan = async (deps: ScanDeps, pageSize = 500, budget: ScanBudget = {}): Promise<ScanReport> => {
  // a year entered since the last run changes the covered years, so this pass reads every open request and fills in pending deadlines
  await deps.calendarSource.refresh();
  const now = deps.now().toISOString();
  const started = deps.now().getTime();
  const state = await readState(deps);
  const pass = passOf(state, scanMark(now, deps.calendar, deps.handoffLimitDays));
  const report: ScanReport = { scanned: 0, flagged: 0, conflicts: 0, complete: false, full: pass.ranges === null };
  const steps = pass.ranges?.length ?? 1;
  for (let pages = 0; pass.step < steps;) {
    const page = await pageOf(deps, pass, pageSize);
    await flagPage(deps, page.requests, now, report);
    pass.cursor = page.next;
    if (!page.next) pass.step += 1;
    pages += 1;
    const spent = (budget.pages !== undefined && pages >= budget.pages) || (budget.ms !== undefined && deps.now().getTime() - started >= budget.ms);
    if (spent && pass.step < steps) {
      await deps.meta.putMeta(SCAN_STATE_KEY, JSON.stringify({ done: state.done, running: pass } satisfies ScanState));
      return report;
    }
  }
  await deps.meta.putMeta(SCAN_STATE_KEY, JSON.stringify({ done: pass.mark } satisfies ScanState));
  return { ...report, complete: true };
};

/** Sends pending notices; a failure is recorded and retried, and marked failed after `maxAttempts`. */
export const deliverOutbox = async (deps: Pick<Deps, 'outbox' | 'now'>, sender: MessageSender, maxAttempts = 5, batch = 100): Promise<DeliveryReport> => {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, conflicts: 0 };
  for (const m of await deps.outbox.pendingOutbox(batch)) {
    const attempt = { ...m, version: m.version + 1, attempts: m.attempts + 1 };
    const next = await sender.send(m).then(
      (): OutboxRecord => ({ ...attempt, state: 'sent', sentAt: deps.now().toISOString() }),
      (e: unknown): OutboxRecord => ({
        ...attempt,
        state: attempt.attempts >= maxAttempts ? 'failed' : 'pending',
        lastError: String(e instanceof Error ? e.message : e).slice(0, 300),
      }),
    );
    const saved = await deps.outbox.updateOutbox(next, m.version);
    if (!saved.ok) report.conflicts += 1;
    else if (next.state === 'sent') report.sent += 1;
    else if (next.state === 'failed') report.failed += 1;
    else report.retried += 1;
  }
  return report;
};
