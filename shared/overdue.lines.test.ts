/**
 * The overdue scan's lines agree with the request clock: a deadline is before the due-soon line
 * exactly when the clock calls it due soon, a handoff is before the handoff line exactly when the
 * clock flags it, and whatever the clock would change between two passes lies in a range the
 * second pass reads. Random instants over the covered years, holidays and make-up days included.
 */
import fc from 'fast-check';
import { createCalendar, workingDaysBetween, workingDaysLeft } from './calendar';
import { clockFlags, LIBRARY_CLOCK } from './request.clock';
import { scanMark, scanRanges, CHANGE_MARGIN_MS, type ScanRange } from './overdue.lines';
import { makeHandoff, makeRequest } from '../tests/support/request.fixture';

const DAY = 86_400_000;
const T_MIN = Date.parse('2005-01-01T00:00:00.000Z');
const T_MAX = Date.parse('2026-12-31T15:59:59.999Z');
const instant = (min = T_MIN, max = T_MAX) => fc.integer({ min, max }).map((t) => new Date(t).toISOString());
const later = (t: string, maxDays: number) => fc.integer({ min: 0, max: maxDays * DAY }).map((ms) => new Date(Date.parse(t) + ms).toISOString());
const earlier = (t: string, maxDays: number) => fc.integer({ min: 0, max: maxDays * DAY }).map((ms) => new Date(Date.parse(t) - ms).toISOString());

const inRanges = (ranges: ScanRange[], line: ScanRange['line'], value: string) =>
  ranges.some((r) => r.line === line && (r.from === null || value >= r.from) && (r.to === null || value < r.to));

describe('the due-soon line', () => {
  it('has before it exactly the deadlines with at most one working day left', () => {
    fc.assert(
      fc.property(
        instant().chain((now) => fc.tuple(fc.constant(now), later(now, 30))),
        ([now, deadline]) => {
          const left = workingDaysLeft(deadline, now);
          const before = deadline < scanMark(now, LIBRARY_CLOCK, 2).dueSoonBefore;
          expect(before).toBe(left.ok && left.value <= 1);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('stops where the calendar does: a deadline in an uncovered year is never taken as due soon', () => {
    const mark = scanMark('2026-12-30T02:00:00.000Z', LIBRARY_CLOCK, 2);
    expect(mark.dueSoonBefore).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('the handoff line', () => {
  it('has before it exactly the handoffs that waited more than the limit', () => {
    fc.assert(
      fc.property(
        instant().chain((now) => fc.tuple(fc.constant(now), earlier(now, 25), fc.integer({ min: 0, max: 6 }))),
        ([now, sentAt, limit]) => {
          const waited = workingDaysBetween(sentAt, now);
          const line = scanMark(now, LIBRARY_CLOCK, limit).handoffSentBefore;
          expect(line !== null && sentAt < line).toBe(waited.ok && waited.value > limit);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is absent where the calendar cannot count back from today, as no handoff can be judged then', () => {
    expect(scanMark('2027-01-05T02:00:00.000Z', LIBRARY_CLOCK, 2).handoffSentBefore).toBeNull();
    const extended = createCalendar({ years: [2027], holidays: ['2027-01-01'], workdays: [] });
    expect(scanMark('2027-01-05T02:00:00.000Z', extended, 2).handoffSentBefore).not.toBeNull();
  });
});

describe('the ranges a pass reads', () => {
  const mark = (now: string, limit = 2) => scanMark(now, LIBRARY_CLOCK, limit);

  it('are every open request for a first pass, after the clock went back, or when the calendar or the limit changed', () => {
    const last = mark('2026-11-16T02:00:00.000Z');
    expect(scanRanges(null, last)).toBeNull();
    expect(scanRanges(last, mark('2026-11-15T02:00:00.000Z'))).toBeNull();
    expect(scanRanges(last, mark('2026-11-17T02:00:00.000Z', 3))).toBeNull();
    expect(scanRanges(last, scanMark('2026-11-17T02:00:00.000Z', createCalendar({ years: [2027], holidays: [], workdays: [] }), 2))).toBeNull();
  });

  it('read what was written since shortly before the last pass, and nothing else when no line moved', () => {
    const last = mark('2026-11-16T02:00:00.000Z');
    const since = new Date(Date.parse(last.at) - CHANGE_MARGIN_MS).toISOString();
    expect(scanRanges(last, mark('2026-11-16T02:00:00.000Z'))).toEqual([{ line: 'changedAt', from: since, to: null }]);
  });

  it('hold every request whose clock flags change between two passes', () => {
    fc.assert(
      fc.property(
        instant(T_MIN, T_MAX - 20 * DAY).chain((t1) =>
          fc.tuple(fc.constant(t1), later(t1, 12), earlier(t1, 20), later(t1, 25), fc.integer({ min: 0, max: 4 })),
        ),
        ([t1, t2, sentAt, deadline, limit]) => {
          const ranges = scanRanges(mark(t1, limit), mark(t2, limit))!;
          // an accepted request and a request in transit, each with the flags the clock gave it at the first pass
          const accepted = makeRequest({ state: 'accepted', acceptedAt: t1, deadline });
          const inTransit = makeRequest({ state: 'in_transit', handoffs: [makeHandoff({ sentAt })] });
          for (const r of [accepted, inTransit]) {
            const first = clockFlags(r, t1, LIBRARY_CLOCK, limit);
            const seen = { ...r, ...first };
            const second = clockFlags(seen, t2, LIBRARY_CLOCK, limit);
            const changed = JSON.stringify(first) !== JSON.stringify(second);
            const unflagged = seen.handoffs.find((h) => h.state === 'in_transit' && !h.overdue);
            const read =
              (seen.state === 'accepted' && inRanges(ranges, 'deadline', deadline)) || (!!unflagged && inRanges(ranges, 'handoffSentAt', unflagged.sentAt));
            if (changed) expect(read).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
