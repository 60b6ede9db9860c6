/**
 * After submitting: which paper originals to bring, where, and by when. The date is the
 * submission plus PAPER_ORIGINALS_DAYS working days on the holiday calendar; where the calendar
 * does not cover it, no date is guessed. Pure: `now` is the submission time passed in.
 */
import type { MaterialSpec } from '@shared/catalogue.schema';
import { addWorkingDays } from '@shared/calendar';
import { chinaDateOf } from '@shared/china.time';
import { PAPER_ORIGINALS_DAYS } from '@shared/lifecycle.limits';

/** The originals to bring, each with its copies, and the date to bring them by (null when the calendar cannot tell). */
export type OriginalsNote = { items: string[]; by: string | null };

/** What the applicant brings to the counter after an online submission. */
export const originalsToBring = (materials: readonly MaterialSpec[], submittedAt: string): OriginalsNote => {
  const items = materials.filter((m) => m.paper).map((m) => (m.copies ? `${m.name}（原件，复印件${m.copies}份）` : `${m.name}（原件）`));
  const due = addWorkingDays(submittedAt, PAPER_ORIGINALS_DAYS);
  return { items, by: due.ok ? chinaDateOf(due.value) : null };
};
