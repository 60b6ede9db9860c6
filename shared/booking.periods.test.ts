/** The typed form of a schedule reads back into periods and exceptions, with problems by line. */
import { exceptionsFromText, exceptionsToText, periodsFromText, periodsToText } from './booking.periods';

describe('a schedule as people type it', () => {
  it('reads periods, forgiving a single-digit hour, a full-width colon and 至', () => {
    expect(periodsFromText('9:00-12:00 20\n\n13：30至17:00 15人')).toEqual({
      ok: true,
      value: [
        { start: '09:00', end: '12:00', capacity: 20 },
        { start: '13:30', end: '17:00', capacity: 15 },
      ],
    });
  });

  it('names each bad line', () => {
    expect(periodsFromText('09:00-12:00\n09:00-10:00 0')).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { text: '第1行：应写成“09:00-12:00 20”（开始-结束 名额）；第2行：名额应在1到500之间' } },
    });
    expect(exceptionsFromText('2026-02-30 休\n国庆 休')).toMatchObject({ ok: false, error: { fields: { text: expect.stringContaining('第2行') } } });
  });

  it('reads closed days and days with other periods, and writes them back the same way', () => {
    const text = '2026-10-09 09:00-10:00 5\n2026-09-29 休\n2026-10-09 10:00-11:00 5';
    const r = exceptionsFromText(text);
    expect(r).toEqual({
      ok: true,
      value: [
        { date: '2026-09-29', periods: [] },
        {
          date: '2026-10-09',
          periods: [
            { start: '09:00', end: '10:00', capacity: 5 },
            { start: '10:00', end: '11:00', capacity: 5 },
          ],
        },
      ],
    });
    expect(r.ok && exceptionsToText(r.value)).toBe('2026-09-29 休\n2026-10-09 09:00-10:00 5\n2026-10-09 10:00-11:00 5');
    expect(periodsToText([{ start: '09:00', end: '12:00', capacity: 20 }])).toBe('09:00-12:00 20');
  });
});
