// TEST DATA: every date below is made up (测试数据，非官方安排), in years far from any published schedule.
import { checkSchedule, coverageOf, mergeCalendarYears, scheduleFromText } from './calendar.entry';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

it('a pasted list reads ranges, loose dates and the words 休/放假/班/上班, and skips blank and comment lines', () => {
  const r = scheduleFromText(2090, '# 测试\n\n2090-1-1 休\n2090-02-03~2090-02-05 放假 春节\n2090-02-11 上班\n');
  expect(r).toEqual({ ok: true, value: { year: 2090, holidays: ['2090-01-01', '2090-02-03', '2090-02-04', '2090-02-05'], workdays: ['2090-02-11'] } });
});

it('a range backwards or longer than fifteen days is refused on its line', () => {
  const r = scheduleFromText(2090, '2090-01-01 休\n2090-02-10~2090-02-01 休\n2090-03-01~2090-04-01 休');
  expect(r.ok ? {} : r.error.fields).toEqual({
    'text.2': expect.stringContaining('第2行的起止日期不对'),
    'text.3': expect.stringContaining('第3行的起止日期不对'),
  });
});

it('a schedule needs its dates in its year, a holiday, and make-up days on weekends that are not also holidays', () => {
  expect(codeOf(checkSchedule({ year: 2090, holidays: [], workdays: [] }))).toBe('CALENDAR_INVALID');
  const r = checkSchedule({ year: 2090, holidays: ['2091-01-01', '2090-02-11'], workdays: ['2090-02-11', '2090-02-30'] });
  expect(r.ok ? {} : r.error.fields).toEqual({
    'holidays.1': '2091-01-01 不在2090年',
    'workdays.0': '2090-02-11 不能既放假又上班',
    'workdays.1': '2090-02-30 不是有效日期',
  });
});

it('an entered year takes the place of the file seed entry for that year, and other seed years stay', () => {
  const seed = { years: [2090, 2091], holidays: ['2090-01-01', '2091-01-01'], workdays: ['2090-01-07'] };
  expect(mergeCalendarYears(seed, [{ year: 2090, holidays: ['2090-01-02'], workdays: [] }])).toEqual({
    years: [2090, 2091],
    holidays: ['2091-01-01', '2090-01-02'],
    workdays: [],
  });
  expect(mergeCalendarYears(undefined, [])).toBeUndefined();
});

it('the warning starts sixty days before the last covered day', () => {
  expect(coverageOf([2089, 2090], '2090-11-01')).toEqual({ coveredUntil: '2090-12-31', daysLeft: 60, warn: true });
  expect(coverageOf([2090], '2090-10-31')).toMatchObject({ daysLeft: 61, warn: false });
});
