/**
 * The `certify` function (静默认证): the administrator's roster and evidence imports, the
 * indicators and the department's list; the village clerk's 待认证 queue and findings; a
 * resident's own schemes. Re-exported by shared/api.schema.ts.
 */
import { z } from 'zod';
import { CertifyMethodSchema, CertifyDate, IneligibleReasonSchema, RosterEntrySchema, SchemeCodeSchema } from './certify.schema';
import { ImportIssueSchema } from './import.report';
import { ImportInput } from './api.admin.schema';
import { Id, Page, Version, listOf } from './api.common';
import { text } from './text.bounds';

/** The report of a roster or evidence file: the same shape as the catalogue imports' report. */
export const CertifyImportReportSchema = z.object({
  kind: z.enum(['roster', 'evidence']),
  rowsRead: z.number().int(),
  counts: z.object({ add: z.number().int(), change: z.number().int(), retire: z.number().int(), unchanged: z.number().int() }),
  /** masked IDs of what is added (roster) or the evidence ids */
  add: z.array(text('line')),
  change: z.array(z.object({ id: text('line'), fields: z.array(z.object({ field: text('name'), from: text('line'), to: text('line') })) })),
  retire: z.array(text('line')),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
});
export type CertifyImportReport = z.infer<typeof CertifyImportReportSchema>;

/** An entry as the clerk and the administrator see it: masks only, never the hash. */
export const RosterEntryViewSchema = RosterEntrySchema.omit({ idHash: true }).extend({
  schemeName: text('name'),
  department: text('line'),
  /** whether the scheme asks a photo with a clerk's certification */
  photo: z.boolean(),
  villageName: text('name').optional(),
});
export type RosterEntryView = z.infer<typeof RosterEntryViewSchema>;

/** A resident's own scheme: its state, its last certification and how. */
export const MySchemeSchema = z.object({
  schemeCode: SchemeCodeSchema,
  schemeName: text('name'),
  department: text('line'),
  state: RosterEntrySchema.shape.state,
  periodStart: CertifyDate,
  periodEnd: CertifyDate,
  /** the day the next certification is due by: the period's end, or for a certified person 12 months from the certification */
  dueBy: CertifyDate,
  last: z.object({ on: CertifyDate, method: CertifyMethodSchema }).nullable(),
});

/** One scheme or township's counts of each outcome. */
export const OutcomeCountsSchema = z.object({
  key: text('code'),
  name: text('name'),
  total: z.number().int(),
  silent: z.number().int(),
  inPerson: z.number().int(),
  pending: z.number().int(),
  ineligible: z.number().int(),
  lapsed: z.number().int(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCountsSchema>;

/** Where the matching pass stands. */
export const PassViewSchema = z.object({
  running: z.boolean(),
  scanned: z.number().int(),
  startedAt: text('code').optional(),
  lastCompleteAt: text('code').optional(),
});

/** What one run of the pass did. */
export const PassReportSchema = z.object({
  scanned: z.number().int(),
  silent: z.number().int(),
  queued: z.number().int(),
  lapsed: z.number().int(),
  rolled: z.number().int(),
  notices: z.number().int(),
  conflicts: z.number().int(),
  complete: z.boolean(),
});
export type PassReport = z.infer<typeof PassReportSchema>;

const ImportAnswer = <T extends z.ZodTypeAny>(applied: T) =>
  z.object({ report: CertifyImportReportSchema, fileHash: z.string().max(64), applied: applied.nullable() });

export const CertifyInput = {
  importRoster: ImportInput,
  importEvidence: ImportInput,
  /** one budgeted run of the matching pass now, besides the scheduler's */
  runPass: z.object({}).default({}),
  stats: z.object({}).default({}),
  flagged: z.object({ schemeCode: SchemeCodeSchema.optional(), ...Page }),
  exportFlagged: z.object({ schemeCode: SchemeCodeSchema.optional() }),
  queue: z.object({ ...Page }),
  record: z.object({
    id: Id,
    version: Version,
    result: z.enum(['certified', 'ineligible']),
    way: z.enum(['visit', 'counter']).default('visit'),
    reason: IneligibleReasonSchema.optional(),
    note: z.string().trim().max(200).optional(),
    photo: text('fileId').min(1).optional(),
  }),
  mine: z.object({}).default({}),
};

export const CertifyOutput = {
  importRoster: ImportAnswer(z.object({ importId: text('id'), written: z.number().int(), conflicts: z.number().int() })),
  importEvidence: ImportAnswer(z.object({ importId: text('id'), added: z.number().int() })),
  runPass: z.object({ report: PassReportSchema }),
  stats: z.object({
    total: OutcomeCountsSchema,
    schemes: z.array(OutcomeCountsSchema),
    townships: z.array(OutcomeCountsSchema),
    pass: PassViewSchema,
    /** the sources whose records certify (ZC_CERTIFY_SOURCES) */
    sources: z.array(text('name')),
  }),
  flagged: listOf(RosterEntryViewSchema),
  exportFlagged: z.object({ fileName: text('line'), dataBase64: z.string().max(20_000_000), rows: z.number().int(), truncated: z.boolean() }),
  queue: listOf(RosterEntryViewSchema),
  record: z.object({ entry: RosterEntryViewSchema }),
  mine: z.object({
    items: z.array(MySchemeSchema),
    /** the home village center, where a counter check is done */
    village: z.object({ id: text('id'), name: text('name'), phone: text('line'), address: text('line') }).nullable(),
  }),
};
