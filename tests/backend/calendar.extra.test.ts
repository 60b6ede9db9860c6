/**
 * Deadlines that fall in a year chinese-days does not cover (2027 as of this writing): pending
 * until the official schedule is loaded, then counted on it, never guessed from weekdays.
 */
import { makeHarness, type Harness } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleItems } from '../../data/sample';
import { backendCalendar, loadCalendarExtra } from '../../data/calendar';
import { runOverdueScan } from '../../cloudfunctions/scheduler/scheduler.jobs';
import type { CalendarExtra } from '../../shared/calendar';

const item = loadSampleItems().find((i) => i.level === 'township' && i.audience === 'person' && i.promisedDays >= 10 && !i.lists.includes('taiping'))!;

// A made-up schedule for the test only: New Year 2027 on Jan 1-3 and a make-up working Saturday.
const FICTIONAL_2027: CalendarExtra = { years: [2027], holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] };

const acceptLateInDecember = async (h: Harness, key: string) => {
  const resident = await h.login('resident', { villageId: 'v-106-001' });
  await h.ok(
    'session',
    'bindResident',
    { name: '冯十二', idNumber: validIdNumber('19900909', key.slice(-3)), phone: '13805371212', homeVillageId: 'v-106-001' },
    resident,
  );
  const clerk = await h.login('clerk', { centerId: 'ts-106' });
  const { request } = await h.ok(
    'requests',
    'submit',
    { itemCode: item.code, intakeCenterId: 'ts-106', form: filledForm(item), materials: [], idempotencyKey: key },
    resident,
  );
  return (await h.ok('clerk', 'accept', { id: request.id, version: request.version }, clerk)).request;
};

it('ships no made-up schedule: the committed extra file adds no year until an official one is entered', () => {
  expect(loadCalendarExtra()).toBeUndefined();
});

it('accepts a matter whose deadline falls in an uncovered year and marks the deadline pending', async () => {
  const h = await makeHarness('sqlite', '2026-12-21T02:00:00.000Z');
  const r = await acceptLateInDecember(h, 'pending-2027-101');
  expect(r).toMatchObject({ state: 'accepted', deadlinePending: true });
  expect(r.deadline).toBeUndefined();
  await h.close();
});

it('counts the deadline on the loaded schedule once the year is known, and the scan fills in pending ones', async () => {
  const h = await makeHarness('sqlite', '2026-12-21T02:00:00.000Z', { calendarExtra: FICTIONAL_2027 });
  const r = await acceptLateInDecember(h, 'known-2027-102');
  expect(r.deadlinePending ?? false).toBe(false);
  expect(r.deadline! > '2027-01-01').toBe(true);
  await h.close();

  const before = await makeHarness('sqlite', '2026-12-21T02:00:00.000Z');
  const pending = await acceptLateInDecember(before, 'fill-2027-103');
  await runOverdueScan({ ...before.deps, calendar: backendCalendar(FICTIONAL_2027) });
  const filled = await before.deps.requests.getRequest(pending.id);
  expect(filled).toMatchObject({ deadlinePending: false, deadline: r.deadline });
  await before.close();
});
