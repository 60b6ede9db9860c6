/**
 * The shapes the administrator's actions answer with (invitations, people, the calendar, imports),
 * kept beside the API contract so that file stays readable; shared/api.schema.ts declares the actions.
 */
import { z } from 'zod';
import { RoleSchema } from './identity.schema';
import { InviteSchema } from './invite.schema';
import { ImportKindSchema, ImportReportSchema } from './import.report';

/** An invitation as the administrator lists it: never the code, only its last characters. */
export const InviteViewSchema = InviteSchema.extend({ centerName: z.string().optional(), expired: z.boolean() });
export type InviteView = z.infer<typeof InviteViewSchema>;
/** A person holding a role, as the administrator's list shows them (masked name only). */
export const PersonViewSchema = z.object({
  id: z.string(), version: z.number().int(), role: RoleSchema, nameMasked: z.string().optional(),
  centerId: z.string().optional(), centerName: z.string().optional(), updatedAt: z.string(),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** One year of the holiday calendar as the administrator sees it: where it comes from and its counts. */
export const CalendarYearViewSchema = z.object({
  year: z.number().int(),
  /** built into chinese-days, from the file seed, or entered by an administrator */
  source: z.enum(['library', 'seed', 'entered']),
  holidays: z.array(z.string()).optional(),
  workdays: z.array(z.string()).optional(),
  version: z.number().int().optional(),
  enteredAt: z.string().optional(),
});
/** How far the calendar reaches, and whether the administrator must enter the next year soon. */
export const CalendarCoverageSchema = z.object({ coveredUntil: z.string(), daysLeft: z.number().int(), warn: z.boolean() });

/** An uploaded list: its file name (the ending says CSV or XLSX) and its bytes in base64. */
export const ImportFile = z.object({ name: z.string().trim().min(1).max(120), dataBase64: z.string().min(4).max(4_000_000) });
/** An import: a dry run (the default) answers the report; applying needs the hash the dry run of this same file answered. */
export const ImportInput = z.object({ file: ImportFile, dryRun: z.boolean().default(true), confirmHash: z.string().regex(/^[0-9a-f]{64}$/).optional() });
/** The record of an applied import, as the administrator's list shows it. */
export const ImportRecordSchema = z.object({
  id: z.string(), kind: ImportKindSchema, fileName: z.string(), fileHash: z.string(), by: z.string(), at: z.string(),
  counts: z.object({ rows: z.number().int(), add: z.number().int(), change: z.number().int(), retire: z.number().int(), unchanged: z.number().int() }),
  state: z.enum(['applied', 'undone']), undoneBy: z.string().optional(), undoneAt: z.string().optional(),
});
export const ImportAnswer = z.object({ report: ImportReportSchema, fileHash: z.string(), applied: ImportRecordSchema.nullable() });

