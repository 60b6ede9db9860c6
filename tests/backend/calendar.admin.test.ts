/**
 * The administrator keeps the holiday calendar current: a year entered as a pasted list is
 * checked, stored, counted with by every function without a redeploy, and fills in the
 * deadlines left pending; the calendar's end is warned about 60 days ahead.
 *
 * TEST DATA: the 2027 schedule below is made up for these tests (测试数据，非官方安排).
 * It is not the State Council's schedule and is never shipped.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleItems } from '../../data/sample';
import { runOverdueScan } from '../../cloudfunctions/scheduler/scheduler.jobs';
import { queueCalendarNotices } from '../../cloudfunctions/scheduler/admin.notices';
import { createDeps } from '../../cloudfunctions/core/services/deps';
import { dispatch } from '../../cloudfunctions/core/edge/dispatch';
import { FUNCTIONS } from '../../cloudfunctions/core/edge/functions';
import type { Stores } from '../../cloudfunctions/core/stores/store.port';
import type { Deps } from '../../cloudfunctions/core/services/context';

const item = loadSampleItems().find((i) => i.level === 'township' && i.audience === 'person' && i.promisedDays >= 10 && !i.lists.includes('taiping'))!;

/** 测试数据，非官方安排: a made-up 2027 with a long New Year and a make-up Saturday. */
const MADE_UP_2027 = `# 测试数据，非官方安排
2027-01-01~2027-01-03 休 元旦（测试）
2027-1-9 班
2027-02-06~2027-02-12 休 春节（测试）`;

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the holiday calendar on the %s store', (kind) => {
  let h: Harness;
  let admin: string;
  /** a second function instance on the same store, as another cloud function would be */
  let other: Deps;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-12-01T02:00:00.000Z');
    admin = await h.login('admin');
    other = await createDeps({ store: h.deps.requests as unknown as Stores, mode: 'local', now: h.clock.now, checkOutput: true });
  });
  afterAll(() => h.close());

  const acceptLate = async (key: string) => {
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

  it('warns the administrator 60 days before the covered years end, and the scheduler tells each administrator once', async () => {
    const { coverage, years } = await h.ok('admin', 'calendar', {}, admin);
    expect(coverage).toEqual({ coveredUntil: '2026-12-31', daysLeft: 30, warn: true });
    expect(years.at(-1)).toEqual({ year: 2026, source: 'library' });
    expect(await queueCalendarNotices(h.deps)).toBe(1);
    expect(await queueCalendarNotices(h.deps)).toBe(0);
    const { items } = await h.ok('messages', 'list', {}, admin);
    expect(items[0]).toMatchObject({ kind: 'admin.calendar', title: '节假日日历即将到期' });
    expect(items[0].body).toContain('2026-12-31');
  });

  it('a pasted list with mistakes is refused line by line in Chinese, and nothing is stored', async () => {
    const answer = await h.call('admin', 'setCalendarYear', { year: 2027, text: '2027-01-01 休\n2027-13-01 休\n明天 放假\n2027-01-06 班' }, admin);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_INVALID', fields: { 'text.2': '第2行的日期不存在', 'text.3': expect.stringContaining('第3行看不懂') } },
    });
    const weekday = await h.call('admin', 'setCalendarYear', { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-06'] }, admin);
    expect(weekday).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_INVALID', fields: { 'workdays.0': '2027-01-06 是工作日，调休上班日应是周六或周日' } },
    });
    expect(await h.call('admin', 'setCalendarYear', { year: 2026, holidays: ['2026-01-01'] }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_YEAR_BUILT_IN' },
    });
    expect(await h.deps.calendarYears.listCalendarYears()).toEqual([]);
  });

  it('a dry run only checks; the saved year fills in pending deadlines at the next scan and counts for new matters at once', async () => {
    h.clock.set('2026-12-21T02:00:00.000Z'); // ten working days from here run into 2027
    const pending = await acceptLate('cal-admin-101');
    expect(pending).toMatchObject({ deadlinePending: true });
    const dry = await h.ok('admin', 'setCalendarYear', { year: 2027, text: MADE_UP_2027, dryRun: true }, admin);
    expect(dry).toMatchObject({
      saved: false,
      schedule: {
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03', ...['06', '07', '08', '09', '10', '11', '12'].map((d) => `2027-02-${d}`)],
        workdays: ['2027-01-09'],
      },
    });
    expect(await h.deps.calendarYears.listCalendarYears()).toEqual([]);

    const saved = await h.ok('admin', 'setCalendarYear', { year: 2027, text: MADE_UP_2027 }, admin);
    expect(saved).toMatchObject({ saved: true, coverage: { coveredUntil: '2027-12-31', warn: false } });
    const fresh = await acceptLate('cal-admin-102');
    expect(fresh.deadlinePending ?? false).toBe(false);

    await runOverdueScan(h.deps);
    expect(await h.deps.requests.getRequest(pending.id)).toMatchObject({ deadlinePending: false, deadline: fresh.deadline });
    expect(await queueCalendarNotices(h.deps)).toBe(0);
    const { years } = await h.ok('admin', 'calendar', {}, admin);
    expect(years.at(-1)).toMatchObject({ year: 2027, source: 'entered', version: 1, workdays: ['2027-01-09'] });
  });

  it('another function instance counts with the entered year once its calendar refreshes, without a redeploy', async () => {
    expect(other.calendarSource.years().at(-1)).toBe(2026);
    h.clock.advanceHours(2 / 60); // past the one-minute time-to-live of its loaded calendar
    const call = await dispatch(FUNCTIONS.admin, { action: 'calendar', data: {} }, other, admin);
    expect(call.envelope).toMatchObject({ ok: true, data: { coverage: { coveredUntil: '2027-12-31' } } });
    expect(other.calendarSource.years().at(-1)).toBe(2027);
  });

  it('a second entry of a year needs the version it replaces: a stale or missing one is a CONFLICT', async () => {
    expect(await h.call('admin', 'setCalendarYear', { year: 2027, text: MADE_UP_2027 }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const fixed = await h.ok('admin', 'setCalendarYear', { year: 2027, text: `${MADE_UP_2027}\n2027-02-14 班`, version: 1 }, admin);
    expect(fixed.schedule.workdays).toEqual(['2027-01-09', '2027-02-14']);
    expect(await h.call('admin', 'setCalendarYear', { year: 2027, text: MADE_UP_2027, version: 1 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('only an administrator may read or enter the calendar', async () => {
    const clerk = await h.login('clerk', { centerId: 'ts-106' });
    expect(await h.call('admin', 'setCalendarYear', { year: 2028, holidays: ['2028-01-01'] }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
