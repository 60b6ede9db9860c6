/**
 * The handoff checklist the sending clerk ticks: one row per material of the item, with how
 * it travels (paper original, copy, or the uploaded file) and how many. Pure.
 */
import type { MaterialSpec } from '@shared/catalogue.schema';
import type { ChecklistEntry, Material } from '@shared/request.schema';

/** One row as the clerk edits it. */
export type ChecklistRow = ChecklistEntry & { ticked: boolean; uploaded: boolean };

/** The rows to start from: what the guide asks for, ticked when required or uploaded. */
export const initialChecklist = (specs: readonly MaterialSpec[], given: readonly Pick<Material, 'name' | 'fileId'>[]): ChecklistRow[] => {
  const specRows = specs.map((m): ChecklistRow => {
    const uploaded = given.some((g) => g.name === m.name && !!g.fileId);
    const form: ChecklistEntry['form'] = m.paper ? 'paper_original' : uploaded ? 'file' : 'paper_copy';
    return { name: m.name, form, count: form === 'paper_copy' ? Math.max(1, m.copies) : 1, ticked: m.required || uploaded, uploaded };
  });
  // materials the applicant added beyond the guide (e.g. a 补正) travel as files too
  const extra = [...new Set(given.filter((g) => g.fileId && !specs.some((s) => s.name === g.name)).map((g) => g.name))];
  return [...specRows, ...extra.map((name): ChecklistRow => ({ name, form: 'file', count: 1, ticked: true, uploaded: true }))];
};

/** The entries to send: the ticked rows only. */
export const checklistToSend = (rows: readonly ChecklistRow[]): ChecklistEntry[] =>
  rows.filter((r) => r.ticked).map(({ name, form, count }) => ({ name, form, count }));
