/**
 * The administrator's actions (indicators, invitations and roles, the calendar, imports, the
 * audit log, the search vocabulary, Open311 partner keys) and the shapes they answer with, kept
 * beside the API contract so that file stays readable; shared/api.schema.ts re-exports them.
 */
import * as z from 'zod/mini';
import { RoleSchema } from './identity.schema';
import { InviteSchema, InviteStateSchema, StaffGrantSchema } from './invite.schema';
import { ImportKindSchema, ImportReportSchema } from './import.report';
import { AuditEntrySchema } from './request.schema';
import { PeriodSchema } from './indicators';
import { StatsAnswerSchema } from './indicators.view';
import { RectificationCaseSchema } from './rectification.view';
import { SynonymGroupSchema } from './search.schema';
import { IssuePartnerKeyInput, PartnerViewSchema } from './open311.schema';
import { Id, ImportInput, Page, Version, listOf } from './api.common';
import { DEMAND_CATEGORIES } from './demand.terms';
import { RatingLevelSchema } from './rating.levels';
import { text } from './text.bounds';

/** An invitation as the administrator lists it: never the code, only its last characters. */
export const InviteViewSchema = z.extend(InviteSchema, { centerName: z.optional(z.string().check(z.maxLength(2000))), expired: z.boolean() });
export type InviteView = z.infer<typeof InviteViewSchema>;
/** A person holding a role, as the administrator's list shows them (masked name only). */
export const PersonViewSchema = z.object({
  id: z.string().check(z.maxLength(2000)),
  version: z.int(),
  role: RoleSchema,
  nameMasked: z.optional(z.string().check(z.maxLength(2000))),
  centerId: z.optional(z.string().check(z.maxLength(2000))),
  centerName: z.optional(z.string().check(z.maxLength(2000))),
  updatedAt: z.string().check(z.maxLength(2000)),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

export const CalendarDate = z.string().check(z.maxLength(10), z.regex(/^\d{4}-\d{2}-\d{2}$/));
/** One year of the holiday calendar as the administrator sees it: where it comes from and its counts. */
export const CalendarYearViewSchema = z.object({
  year: z.int(),
  /** built into chinese-days, from the file seed, or entered by an administrator */
  source: z.enum(['library', 'seed', 'entered']),
  holidays: z.optional(z.array(z.string().check(z.maxLength(2000)))),
  workdays: z.optional(z.array(z.string().check(z.maxLength(2000)))),
  version: z.optional(z.int()),
  enteredAt: z.optional(z.string().check(z.maxLength(2000))),
});
/** How far the calendar reaches, and whether the administrator must enter the next year soon. */
export const CalendarCoverageSchema = z.object({ coveredUntil: z.string().check(z.maxLength(2000)), daysLeft: z.int(), warn: z.boolean() });

export { ImportFile, ImportInput } from './api.common';
/** The record of an applied import, as the administrator's list shows it. */
export const ImportRecordSchema = z.object({
  id: z.string().check(z.maxLength(2000)),
  kind: ImportKindSchema,
  fileName: z.string().check(z.maxLength(2000)),
  fileHash: z.string().check(z.maxLength(2000)),
  by: z.string().check(z.maxLength(2000)),
  at: z.string().check(z.maxLength(2000)),
  counts: z.object({ rows: z.int(), add: z.int(), change: z.int(), retire: z.int(), unchanged: z.int() }),
  state: z.enum(['applied', 'undone']),
  undoneBy: z.optional(z.string().check(z.maxLength(2000))),
  undoneAt: z.optional(z.string().check(z.maxLength(2000))),
});
export const ImportAnswer = z.object({ report: ImportReportSchema, fileHash: z.string().check(z.maxLength(2000)), applied: z.nullable(ImportRecordSchema) });

/** The search vocabulary as the administrator edits it: the shipped groups, read-only, and their own. */
export const SynonymsViewSchema = z.object({
  shipped: z.array(SynonymGroupSchema),
  extra: z.array(SynonymGroupSchema),
  /** the version of the administrator's groups; 0 before the first edit */
  version: z.int().check(z.gte(0)),
  updatedAt: z.optional(z.string().check(z.maxLength(2000))),
});
export type SynonymsView = z.infer<typeof SynonymsViewSchema>;

// ---------- the actions ----------

/** What the audit log is searched by: who acted, the center, the request, China dates from and to (inclusive). */
const AuditSearch = {
  actorId: z.optional(Id),
  centerId: z.optional(Id),
  requestId: z.optional(Id),
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
};

/** The administrator's indicators of demands (admin.demandStats). */
export const DemandStatsSchema = z.object({
  total: z.int(),
  byCategory: z.array(z.object({ category: z.enum(DEMAND_CATEGORIES), count: z.int() })),
  byTownship: z.array(z.object({ code: text('code'), name: text('line'), count: z.int() })),
  /** medians over the demands that got there, in hours; null when none did */
  medianAckHours: z.nullable(z.number()),
  medianAnswerHours: z.nullable(z.number()),
  overdue: z.object({ ack: z.int(), answer: z.int() }),
  satisfaction: z.object({
    rated: z.int(),
    good: z.int(),
    share: z.nullable(z.number()),
    byLevel: z.record(RatingLevelSchema, z.int()),
  }),
});
export type DemandStats = z.infer<typeof DemandStatsSchema>;
export const DemandStatsInput = z.object({
  from: z.optional(z.string().check(z.iso.datetime()).check(z.maxLength(40))),
  to: z.optional(z.string().check(z.iso.datetime()).check(z.maxLength(40))),
});

export const AdminInput = {
  /** the indicators by period (China dates, both included; a default range per period) of the city or one township */
  stats: z._default(
    z.object({
      period: z._default(PeriodSchema, 'month'),
      from: z.optional(CalendarDate),
      to: z.optional(CalendarDate),
      townshipCode: z.optional(
        z
          .string()
          .check(z.maxLength(3))
          .check(z.regex(/^\d{3}$/)),
      ),
    }),
    { period: 'month' },
  ),
  /** a dashboard view's table as a spreadsheet: the sheets the panel shows, at most 5 of 5,000 rows */
  exportTable: z.object({
    title: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(60)),
    sheets: z
      .array(
        z.object({
          name: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(31)),
          header: z
            .array(z.string().check(z.maxLength(60)))
            .check(z.minLength(1))
            .check(z.maxLength(40)),
          rows: z.array(z.array(z.union([z.string().check(z.maxLength(200)), z.number()])).check(z.maxLength(40))).check(z.maxLength(5000)),
        }),
      )
      .check(z.minLength(1))
      .check(z.maxLength(5)),
  }),
  /** the open rectification cases across the city, earliest deadline first; `late` keeps those past it */
  rectifications: z.object({ late: z._default(z.boolean(), false), ...Page }),
  /** the administrator's return call on a bad review (as clerk.returnCall): closes the case */
  returnCall: z.object({
    id: Id,
    version: Version,
    caller: z.string().check(z.maxLength(100)).check(z.trim()).check(z.minLength(1, '请填写回访人')),
    calledAt: z
      .string()
      .check(z.maxLength(40))
      .check(z.iso.datetime({ message: '请选择回访时间' })),
    note: z.string().check(z.maxLength(500)).check(z.trim()).check(z.minLength(2, '请填写回访情况')),
    satisfied: z.boolean(),
  }),
  auditLog: z.object({ ...AuditSearch, ...Page }),
  /** the same search as a spreadsheet, at most 10,000 entries */
  exportAudit: z.object(AuditSearch),
  importCenters: ImportInput,
  importItems: ImportInput,
  importOffers: ImportInput,
  listImports: z.object({ ...Page }),
  undoImport: z.object({ id: Id }),
  calendar: z._default(z.object({}), {}),
  /** a year's official schedule, as lists (the form) or as a pasted text; `dryRun` only checks it */
  setCalendarYear: z.object({
    year: z.int().check(z.gte(2000), z.lte(2100)),
    text: z.optional(z.string().check(z.maxLength(4000))),
    holidays: z.optional(z.array(CalendarDate).check(z.maxLength(60))),
    workdays: z.optional(z.array(CalendarDate).check(z.maxLength(20))),
    version: z.optional(Version),
    dryRun: z._default(z.boolean(), false),
  }),
  createInvite: z.object({ grant: StaffGrantSchema, note: z.optional(z.string().check(z.trim()).check(z.maxLength(40))) }),
  listInvites: z.object({ state: z.optional(InviteStateSchema), ...Page }),
  revokeInvite: z.object({ id: Id, version: Version }),
  listPeople: z.object({ role: z._default(z.enum(['clerk', 'admin']), 'clerk'), centerId: z.optional(Id), ...Page }),
  moveRole: z.object({ userId: Id, version: Version, centerId: Id }),
  revokeRole: z.object({ userId: Id, version: Version }),
  listSynonyms: z._default(z.object({}), {}),
  /** replaces the administrator's groups; `version` is the one listSynonyms answered (0 for none yet) */
  setSynonyms: z.object({ groups: z.array(SynonymGroupSchema).check(z.maxLength(500, '最多500组')), version: z.int().check(z.gte(0)) }),
  /** Open311: a key for a named partner system (12345 hotline, provincial platform, a hall's screen) */
  issuePartnerKey: IssuePartnerKeyInput,
  listPartners: z.object({ ...Page }),
  revokePartnerKey: z.object({ id: Id, version: Version }),
  /** 云上宠企: demands by category and township, median times, overdue, satisfaction */
  demandStats: DemandStatsInput,
};
export const AdminOutput = {
  stats: StatsAnswerSchema,
  exportTable: z.object({ fileName: z.string().check(z.maxLength(2000)), dataBase64: z.string().check(z.maxLength(20_000_000)), rows: z.int() }),
  rectifications: listOf(RectificationCaseSchema),
  returnCall: z.object({ case: RectificationCaseSchema }),
  auditLog: listOf(AuditEntrySchema),
  exportAudit: z.object({
    fileName: z.string().check(z.maxLength(2000)),
    dataBase64: z.string().check(z.maxLength(20_000_000)),
    rows: z.int(),
    truncated: z.boolean(),
  }),
  importCenters: ImportAnswer,
  importItems: ImportAnswer,
  importOffers: ImportAnswer,
  listImports: listOf(ImportRecordSchema),
  undoImport: z.object({ import: ImportRecordSchema }),
  calendar: z.object({ years: z.array(CalendarYearViewSchema), coverage: CalendarCoverageSchema }),
  setCalendarYear: z.object({
    schedule: z.object({ year: z.int(), holidays: z.array(z.string().check(z.maxLength(2000))), workdays: z.array(z.string().check(z.maxLength(2000))) }),
    saved: z.boolean(),
    coverage: CalendarCoverageSchema,
  }),
  /** `code` is shown once, here: only its hash is stored */
  createInvite: z.object({ invite: InviteViewSchema, code: z.string().check(z.maxLength(2000)) }),
  listInvites: listOf(InviteViewSchema),
  revokeInvite: z.object({ invite: InviteViewSchema }),
  listPeople: listOf(PersonViewSchema),
  moveRole: z.object({ person: PersonViewSchema }),
  revokeRole: z.object({ person: PersonViewSchema }),
  listSynonyms: SynonymsViewSchema,
  setSynonyms: SynonymsViewSchema,
  /** the key is in this answer only; the store keeps its hash */
  issuePartnerKey: z.object({ partner: PartnerViewSchema, apiKey: z.string().check(z.maxLength(2000)) }),
  listPartners: listOf(PartnerViewSchema),
  revokePartnerKey: z.object({ partner: PartnerViewSchema }),
  demandStats: z.object({ stats: DemandStatsSchema, at: z.string().check(z.maxLength(40)) }),
};
