/**
 * The repair pass of slot counters. On CloudBase a place is taken by one conditional update of the
 * slot's counter and the booking is written after it, so a process that dies in between leaves a
 * place taken with no booking (the slot answers 已约满 with a place free); one that dies between a
 * cancellation and giving its place back, a place not given back. Every write that changes a
 * counter stamps its `touchedAt`, so a counter left alone for longer than a function can run
 * (`slotQuietMinutes`, 5; a function has 60 s) has nothing in flight. The pass reads such counters
 * of slots not yet over (dated today or later, China time) with their place-holding bookings
 * counted, and where the two differ sets the counter to the count with a write conditional on the
 * `taken` and `touchedAt` it read: anyone who booked or cancelled since changed one of them, the
 * write does nothing and the next pass looks again. So it never sets a counter below the places
 * bookings hold, and never over the capacity a booking checked. Where counts agree it writes nothing.
 *
 * What it costs: a pass reads only the counters stamped since the quiet line of the last complete
 * pass (the window `[since, before)`), so a counter is counted about once per booking or
 * cancellation, not on every run; once a China day it reads every counter of the days not yet over
 * (a counter no write stamped, made before `touchedAt` existed, or one changed by hand on SQLite).
 * The counters are walked by (date, id) from today in pages; a run stopped by its time budget
 * keeps the pass, with its window and cursor, in the store (meta `slotRepair`) and the next run
 * resumes it.
 */
import { chinaDateOf } from '../../shared/china.time';
import { SYSTEM_ACTOR } from '../../shared/request.overdue';
import type { Deps } from '../core/services/context';
import type { QuietWindow, SlotCount, SlotCursor } from '../core/stores/booking.port';

/** The meta key of the pass's state. */
export const SLOT_REPAIR_KEY = 'slotRepair';
/** The audit action of one counter set right. */
export const SLOT_REPAIR_ACTION = 'booking.slotRepaired';
/** Counters a page reads. */
export const REPAIR_PAGE = 100;

/** One counter set right: its slot, the places it said were taken, and the places bookings hold. */
export type SlotRepair = { slotId: string; from: number; to: number };
/** What a run did: counters read, set right, left because someone wrote meanwhile; whether its pass is complete and read every counter. */
export type RepairReport = { scanned: number; repaired: SlotRepair[]; raced: number; complete: boolean; full: boolean };
/** How much a run may do before it stops and leaves the rest to the next one. */
export type RepairBudget = { ms?: number; pages?: number };

/** The stored state: the last complete pass (its China day and quiet line), and a pass a budget stopped. */
export type RepairState = { done?: { day: string; before: string }; running?: { day: string; window: QuietWindow; after: SlotCursor } };

type RepairDeps = Pick<Deps, 'bookings' | 'meta' | 'audit' | 'now' | 'slotQuietMinutes'>;

/** The stored state, or an empty one. */
export const readRepairState = async (deps: Pick<Deps, 'meta'>): Promise<RepairState> => {
  const text = await deps.meta.getMeta(SLOT_REPAIR_KEY);
  return text ? (JSON.parse(text) as RepairState) : {};
};

/** The window of a new pass: from the last complete pass's line on the same day, else every counter (the day's full pass). */
const windowOf = (state: RepairState, today: string, before: string): QuietWindow =>
  state.done && state.done.day === today && state.done.before <= before ? { since: state.done.before, before } : { since: null, before };

/** Sets one counter right if it is still as read; answers whether it did. */
const mend = async (deps: RepairDeps, seen: SlotCount, at: string, report: RepairReport): Promise<void> => {
  if (!(await deps.bookings.setSlotTaken(seen, at))) {
    report.raced += 1; // booked or cancelled since it was read: its new stamp puts it in a later window
    return;
  }
  report.repaired.push({ slotId: seen.slotId, from: seen.taken, to: seen.held });
  await deps.audit.appendAudit({
    at,
    actor: SYSTEM_ACTOR,
    action: SLOT_REPAIR_ACTION,
    centerId: seen.centerId,
    ids: [seen.slotId],
    note: `预约名额计数 ${seen.taken} → ${seen.held}`,
  });
};

/** Recounts the quiet counters of slots not yet over within the budget, resuming a stopped pass. */
export const repairSlotCounts = async (deps: RepairDeps, budget: RepairBudget = {}, pageSize = REPAIR_PAGE): Promise<RepairReport> => {
  const started = deps.now().getTime();
  const at = new Date(started).toISOString();
  const today = chinaDateOf(at)!;
  const state = await readRepairState(deps);
  // a pass stopped on an earlier day starts again: its days may be over, and today's full pass is due
  const resumed = state.running && state.running.day === today ? state.running : undefined;
  const window = resumed?.window ?? windowOf(state, today, new Date(started - deps.slotQuietMinutes * 60_000).toISOString());
  let after = resumed?.after;
  const report: RepairReport = { scanned: 0, repaired: [], raced: 0, complete: false, full: window.since === null };
  for (let pages = 0; ;) {
    const page = await deps.bookings.quietSlotCounts(today, window, pageSize, after);
    for (const seen of page) if (seen.taken !== seen.held) await mend(deps, seen, at, report);
    report.scanned += page.length;
    pages += 1;
    if (page.length < pageSize) break;
    after = { date: page[page.length - 1].date, slotId: page[page.length - 1].slotId };
    const spent = (budget.pages !== undefined && pages >= budget.pages) || (budget.ms !== undefined && deps.now().getTime() - started >= budget.ms);
    if (spent) {
      await deps.meta.putMeta(SLOT_REPAIR_KEY, JSON.stringify({ done: state.done, running: { day: today, window, after } } satisfies RepairState));
      return report;
    }
  }
  await deps.meta.putMeta(SLOT_REPAIR_KEY, JSON.stringify({ done: { day: today, before: window.before } } satisfies RepairState));
  return { ...report, complete: true };
};

/** The log words of a run: how many counters were set right and which (slot ids and counts only), at most `shown` listed. */
export const repairLogOf = (report: RepairReport, shown = 20): string => {
  const listed = report.repaired
    .slice(0, shown)
    .map((r) => `${r.slotId}:${r.from}->${r.to}`)
    .join(',');
  const more = report.repaired.length > shown ? `,+${report.repaired.length - shown}` : '';
  return `slotsRepaired=${report.repaired.length}${listed ? ` [${listed}${more}]` : ''} slotsRaced=${report.raced}`;
};
