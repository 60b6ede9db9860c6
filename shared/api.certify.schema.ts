/**
 * The `certify` function (静默认证): the administrator's roster and evidence imports, the
 * indicators and the department's list; the village clerk's 待认证 queue and findings; a
 * resident's own schemes. Re-exported by shared/api.schema.ts.
 */
import * as z from 'zod/mini';
import { CertifyMethodSchema, CertifyDate, IneligibleReasonSchema, RosterEntrySchema, SchemeCodeSchema } from './certify.schema';
import { ImportIssueSchema } from './import.report';
import { Id, ImportInput, Page, Version, listOf } from './api.common';
import { text } from './text.bounds';

/** The report of a roster or evidence file: the same shape as the catalogue imports' report. */
export const CertifyImportReportSchema = z.object({
  kind: z.enum(['roster', 'evidence']),
  rowsRead: z.int(),
  counts: z.object({ add: z.int(), change: z.int(), retire: z.int(), unchanged: z.int() }),
  /** masked IDs of what is added (roster) or the evidence ids */
  add: z.array(text('line')),
  change: z.array(z.object({ id: text('line'), fields: z.array(z.object({ field: text('name'), from: text('line'), to: text('line') })) })),
  retire: z.array(text('line')),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
});
export type CertifyImportReport = z.infer<typeof CertifyImportReportSchema>;

/** An entry as the clerk and the administrator see it: masks only, never the hash. */
export const RosterEntryViewSchema = z.extend(z.omit(RosterEntrySchema, { idHash: true }), {
  schemeName: text('name'),
  department: text('line'),
  /** whether the scheme asks a photo with a clerk's certification */
  photo: z.boolean(),
  villageName: z.optional(text('name')),
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
  last: z.nullable(z.object({ on: CertifyDate, method: CertifyMethodSchema })),
});

/** One scheme or township's counts of each outcome. */
export const OutcomeCountsSchema = z.object({
  key: text('code'),
  name: text('name'),
  total: z.int(),
  silent: z.int(),
  inPerson: z.int(),
  pending: z.int(),
  ineligible: z.int(),
  lapsed: z.int(),
});
export type OutcomeCounts = z.infer<typeof OutcomeCountsSchema>;

/** Where the matching pass stands. */
export const PassViewSchema = z.object({
  running: z.boolean(),
  scanned: z.int(),
  startedAt: z.optional(text('code')),
  lastCompleteAt: z.optional(text('code')),
});

/** What one run of the pass did. */
export const PassReportSchema = z.object({
  scanned: z.int(),
  silent: z.int(),
  queued: z.int(),
  lapsed: z.int(),
  rolled: z.int(),
  notices: z.int(),
  conflicts: z.int(),
  complete: z.boolean(),
});
export type PassReport = z.infer<typeof PassReportSchema>;

const ImportAnswer = <T extends z.ZodMiniType>(applied: T) =>
  z.object({ report: CertifyImportReportSchema, fileHash: z.string().check(z.maxLength(64)), applied: z.nullable(applied) });

export const CertifyInput = {
  importRoster: ImportInput,
  importEvidence: ImportInput,
  /** one budgeted run of the matching pass now, besides the scheduler's */
  runPass: z._default(z.object({}), {}),
  stats: z._default(z.object({}), {}),
  flagged: z.object({ schemeCode: z.optional(SchemeCodeSchema), ...Page }),
  exportFlagged: z.object({ schemeCode: z.optional(SchemeCodeSchema) }),
  queue: z.object({ ...Page }),
  record: z.object({
    id: Id,
    version: Version,
    result: z.enum(['certified', 'ineligible']),
    way: z._default(z.enum(['visit', 'counter']), 'visit'),
    reason: z.optional(IneligibleReasonSchema),
    note: z.optional(z.string().check(z.trim()).check(z.maxLength(200))),
    photo: z.optional(text('fileId').check(z.minLength(1))),
  }),
  mine: z._default(z.object({}), {}),
};

export const CertifyOutput = {
  importRoster: ImportAnswer(z.object({ importId: text('id'), written: z.int(), conflicts: z.int() })),
  importEvidence: ImportAnswer(z.object({ importId: text('id'), added: z.int() })),
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
  exportFlagged: z.object({ fileName: text('line'), dataBase64: z.string().check(z.maxLength(20_000_000)), rows: z.int(), truncated: z.boolean() }),
  queue: listOf(RosterEntryViewSchema),
  record: z.object({ entry: RosterEntryViewSchema }),
  mine: z.object({
    items: z.array(MySchemeSchema),
    /** the home village center, where a counter check is done */
    village: z.nullable(z.object({ id: text('id'), name: text('name'), phone: text('line'), address: text('line') })),
  }),
};
