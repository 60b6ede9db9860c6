/**
 * An administrator's addition to the holiday calendar: the official schedule of years the
 * library does not know yet (data/calendar/schedule.extra.json), as the backend parses it.
 */
import * as z from 'zod';

/** The official schedule of years the library does not know yet: every holiday and make-up working day. */
export const CalendarExtraSchema = z.object({
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  workdays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  years: z.array(z.number().int().min(2000).max(2100)),
});
export type CalendarExtra = z.infer<typeof CalendarExtraSchema>;
