import {
  CHINA_OFFSET_MS,
  addChinaDays,
  chinaCompactDateOf,
  chinaDateOf,
  chinaDateTimeOf,
  endOfChinaDay,
  instantOfChinaTime,
  isChinaDate,
  msBetween,
  startOfChinaDay,
  weekdayOf,
} from './china.time';

describe('China time', () => {
  it('puts an instant on its China date, not its UTC date', () => {
    expect(chinaDateOf('2026-11-27T16:30:00.000Z')).toBe('2026-11-28');
    expect(chinaDateOf('2026-11-28T01:00:00.000Z')).toBe('2026-11-28');
    expect(chinaDateOf('yesterday')).toBeNull();
  });

  it('ends a China day at 23:59:59.999 China time', () => {
    expect(endOfChinaDay('2026-10-12')).toBe('2026-10-12T15:59:59.999Z');
  });

  it('starts a China day at 00:00 China time, the evening before in UTC', () => {
    expect(startOfChinaDay('2026-11-27T16:30:00.000Z')).toBe('2026-11-27T16:00:00.000Z');
    expect(startOfChinaDay('2026-11-28T15:59:59.999Z')).toBe('2026-11-27T16:00:00.000Z');
    expect(startOfChinaDay('2026-11-28T16:00:00.000Z')).toBe('2026-11-28T16:00:00.000Z');
  });

  it('reads an instant as China wall-clock time to the minute and as a compact date', () => {
    expect(chinaDateTimeOf('2026-03-02T01:30:00.000Z')).toBe('2026-03-02 09:30');
    expect(chinaDateTimeOf('2026-03-01T16:05:00.000Z')).toBe('2026-03-02 00:05');
    expect(chinaCompactDateOf('2026-03-01T16:05:00.000Z')).toBe('20260302');
  });

  it('holds the offset once: eight hours, no daylight saving', () => {
    expect(CHINA_OFFSET_MS).toBe(8 * 60 * 60 * 1000);
  });

  it('treats a malformed instant made by the system itself as a bug', () => {
    expect(() => chinaDateTimeOf('yesterday')).toThrow();
    expect(() => chinaCompactDateOf('')).toThrow();
    expect(() => startOfChinaDay('2026-13-01')).toThrow();
  });

  it('counts calendar days across month and year ends, and knows the weekday', () => {
    expect(addChinaDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addChinaDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addChinaDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(weekdayOf('2026-11-30')).toBe(1);
  });

  it('tells real dates from look-alikes, and measures the time between instants', () => {
    expect(isChinaDate('2028-02-29')).toBe(true);
    expect(isChinaDate('2026-02-29')).toBe(false);
    expect(isChinaDate('2026-13-01')).toBe(false);
    expect(msBetween('2026-11-28T01:00:00.000Z', '2026-11-29T01:00:00.000Z')).toBe(86_400_000);
    expect(() => addChinaDays('2026-02-30', 1)).toThrow();
  });
});

describe('instantOfChinaTime', () => {
  it('reads a China date and time as the instant it names, and refuses a malformed one', () => {
    expect(instantOfChinaTime('2026-03-03', '01:05')).toBe('2026-03-02T17:05:00.000Z');
    expect(instantOfChinaTime('2026-03-03', '1:05')).toBeNull();
    expect(instantOfChinaTime('3/3/2026', '01:05')).toBeNull();
  });
});
