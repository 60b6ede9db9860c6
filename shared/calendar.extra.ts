/**
 * An administrator's addition to the holiday calendar: the official schedule of years the
 * library does not know yet (data/calendar/schedule.extra.json), as the backend parses it.
 */
import * as z from 'zod/mini';

/** The official schedule of years the library does not know yet: every holiday and make-up working day. */
export const CalendarExtraSchema = z.object({
  holidays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  workdays: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  years: z.array(z.int().check(z.gte(2000)).check(z.lte(2100))),
});
export type CalendarExtra = z.infer<typeof CalendarExtraSchema>;
