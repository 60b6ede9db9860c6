import { addMonths, passStep, recordFinding, type PassRules } from './certify.rules';
import type { Evidence, RosterEntry } from './certify.schema';

const AT = '2026-12-01T02:00:00.000Z';
const RULES: PassRules = { sources: ['medical', 'card'], dueDays: 30 };
const entry = (patch: Partial<RosterEntry> = {}): RosterEntry => ({
  id: 'pension~h1',
  version: 3,
  schemeCode: 'pension',
  idHash: 'h1',
  idMasked: '3708**********1234',
  nameMasked: '王*英',
  villageId: 'v-101-001',
  townshipCode: '101',
  periodStart: '2026-03-01',
  periodEnd: '2027-02-28',
  state: 'pending',
  importId: 'imp',
  updatedAt: AT,
  ...patch,
});
const ev = (date: string, source: Evidence['source'] = 'medical', idHash = 'h1'): Evidence => ({
  id: `ev-${date}-${source}`,
  idHash,
  source,
  date,
  importId: 'i',
});

describe('the re-certification rules', () => {
  it('adds months and keeps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('certifies silently on the newest evidence of a configured source inside the period, naming it', () => {
    const step = passStep(
      entry(),
      [ev('2026-02-28'), ev('2026-04-01'), ev('2026-09-30', 'card'), ev('2026-10-01', 'visit'), ev('2026-11-01', 'medical', 'h2')],
      RULES,
      '2026-12-01',
      AT,
    );
    expect(step.events).toEqual(['silent']);
    expect(step.entry).toMatchObject({
      version: 4,
      state: 'certified',
      certification: { on: '2026-09-30', method: 'silent', evidence: { id: 'ev-2026-09-30-card' } },
    });
    expect(step.note).toMatch(/社保卡用卡.*2026-09-30.*ev-2026-09-30-card/);
  });

  it('does not certify on evidence before the period, after today, or of a source outside the list', () => {
    const step = passStep(entry(), [ev('2026-02-28'), ev('2026-12-02'), ev('2026-05-05', 'visit')], RULES, '2026-12-01', AT);
    expect(step).toEqual({ events: [] });
  });

  it('queues a person once when the period ends within the notice days, and flags them lapsed after it', () => {
    const due = passStep(entry(), [], RULES, '2027-01-29', AT);
    expect(due.events).toEqual(['queued']);
    expect(passStep(due.entry!, [], RULES, '2027-01-30', AT)).toEqual({ events: [] });
    const lapsed = passStep(due.entry!, [], RULES, '2027-03-01', AT);
    expect(lapsed.entry).toMatchObject({ state: 'lapsed' });
    // late evidence dated inside the period still certifies a lapsed person
    expect(passStep(lapsed.entry!, [ev('2027-02-27')], RULES, '2027-03-05', AT).entry).toMatchObject({ state: 'certified' });
  });

  it('keeps a certification until the next period falls due, then opens it from the day after', () => {
    const certified = entry({ state: 'certified', certification: { on: '2026-05-10', method: 'visit', at: AT } });
    expect(passStep(certified, [], RULES, '2027-04-09', AT)).toEqual({ events: [] });
    const step = passStep(certified, [ev('2026-05-10'), ev('2026-12-24', 'card')], RULES, '2027-04-10', AT);
    expect(step.events).toEqual(['rolled', 'silent']);
    expect(step.entry).toMatchObject({
      periodStart: '2026-05-11',
      periodEnd: '2027-05-10',
      previous: { method: 'visit' },
      certification: { on: '2026-12-24' },
    });
  });

  it("never undoes a clerk's finding of not eligible", () => {
    const gone = entry({ state: 'ineligible', ineligible: { reason: 'deceased', on: '2026-11-01', at: AT, by: { userId: 'c' } } });
    expect(passStep(gone, [ev('2026-10-01')], RULES, '2026-12-01', AT)).toEqual({ events: [] });
  });

  it("takes a clerk's finding only from the person's own village, with a photo where the scheme needs one", () => {
    const clerk = { userId: 'c1', centerId: 'v-101-001' };
    expect(recordFinding(entry(), { result: 'certified', way: 'visit' }, { ...clerk, centerId: 'v-101-002' }, '2026-12-01', AT)).toMatchObject({
      ok: false,
      error: { code: 'NOT_HOLDER' },
    });
    expect(recordFinding(entry(), { result: 'certified', way: 'visit' }, clerk, '2026-12-01', AT)).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_REQUIRED' },
    });
    expect(recordFinding(entry({ schemeCode: 'disability' }), { result: 'certified', way: 'counter' }, clerk, '2026-12-01', AT)).toMatchObject({
      ok: true,
      value: { state: 'certified', certification: { method: 'counter' } },
    });
    expect(recordFinding(entry({ state: 'certified' }), { result: 'ineligible', reason: 'moved' }, clerk, '2026-12-01', AT)).toMatchObject({
      ok: false,
      error: { code: 'CERTIFY_CLOSED' },
    });
  });
});
