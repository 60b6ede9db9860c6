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
 * write does nothing and the next pass looks again. So it only ever gives back places nobody holds,
 * never one a booking holds. Where counts agree it writes nothing.
 *
 * The counters are walked by (date, id) from today in pages; a run stopped by its time budget
 * keeps its cursor in the store (meta `slotRepair`) and the next run resumes there.
 */
import { chinaDateOf } from '../../shared/china.time';
import { SYSTEM_ACTOR } from '../../shared/request.overdue';
import type { Deps } from '../core/services/context';
import type { SlotCursor } from '../core/stores/booking.port';

/** The meta key of a pass a budget stopped. */
export const SLOT_REPAIR_KEY = 'slotRepair';
/** The audit action of one counter set right. */
export const SLOT_REPAIR_ACTION = 'booking.slotRepaired';
/** Counters a page reads. */
export const REPAIR_PAGE = 100;

/** One counter set right: its slot, the places it said were taken, and the places bookings hold. */
export type SlotRepair = { slotId: string; from: number; to: number };
/** What a run did: counters read, set right, left because someone wrote meanwhile; whether it reached the end. */
export type RepairReport = { scanned: number; repaired: SlotRepair[]; raced: number; complete: boolean };
/** How much a run may do before it stops and leaves the rest to the next one. */
export type RepairBudget = { ms?: number; pages?: number };

type RepairDeps = Pick<Deps, 'bookings' | 'meta' | 'audit' | 'now' | 'slotQuietMinutes'>;

/** Recounts the quiet counters of slots not yet over within the budget, resuming a stopped pass. */
export const repairSlotCounts = async (deps: RepairDeps, budget: RepairBudget = {}, pageSize = REPAIR_PAGE): Promise<RepairReport> => {
  const started = deps.now().getTime();
  const at = new Date(started).toISOString();
  const today = chinaDateOf(at)!;
  const quietBefore = new Date(started - deps.slotQuietMinutes * 60_000).toISOString();
  const saved = await deps.meta.getMeta(SLOT_REPAIR_KEY);
  // a cursor of a day gone by is ignored by the store: the walk starts at today
  let after = saved ? (JSON.parse(saved) as { after: SlotCursor }).after : undefined;
  const report: RepairReport = { scanned: 0, repaired: [], raced: 0, complete: false };
  for (let pages = 0; ;) {
    const page = await deps.bookings.quietSlotCounts(today, quietBefore, pageSize, after);
    for (const seen of page) {
      if (seen.taken === seen.held) continue;
      if (!(await deps.bookings.setSlotTaken(seen, at))) {
        report.raced += 1; // booked or cancelled since it was read: the next pass looks again
        continue;
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
    }
    report.scanned += page.length;
    pages += 1;
    if (page.length < pageSize) break;
    after = { date: page[page.length - 1].date, slotId: page[page.length - 1].slotId };
    const spent = (budget.pages !== undefined && pages >= budget.pages) || (budget.ms !== undefined && deps.now().getTime() - started >= budget.ms);
    if (spent) {
      await deps.meta.putMeta(SLOT_REPAIR_KEY, JSON.stringify({ after }));
      return report;
    }
  }
  if (saved) await deps.meta.deleteMeta(SLOT_REPAIR_KEY);
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
