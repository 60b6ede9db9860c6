/**
 * Silent re-certification (静默认证): the schemes whose recipients must prove each period that
 * they are alive and eligible, the sources of evidence other systems send, and a roster entry:
 * one person on one scheme, held as the keyed hash of the ID number plus masks, never the number.
 */
import * as z from 'zod/mini';
import { CERTIFY_METHODS, INELIGIBLE_REASONS, ROSTER_STATES } from './certify.labels';
import { text } from './text.bounds';

export { METHOD_LABELS, REASON_LABELS, stateLabelOf } from './certify.labels';

/** A China date, YYYY-MM-DD. */
export const CertifyDate = z
  .string()
  .check(z.maxLength(10))
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A scheme: its code, name, the department it reports to, whether a clerk's check needs a photo, and its period. */
export type Scheme = { code: string; name: string; department: string; photo: boolean; months: number };

/** The schemes Zoucheng re-certifies every year (sample list; a new scheme is a line here). */
export const SCHEMES: readonly Scheme[] = [
  { code: 'pension', name: '城乡居民养老保险待遇领取', department: '邹城市社会保险事业中心', photo: true, months: 12 },
  { code: 'elderly', name: '高龄津贴', department: '邹城市民政局', photo: true, months: 12 },
  { code: 'disability', name: '困难残疾人生活补贴', department: '邹城市残疾人联合会', photo: false, months: 12 },
];
export const SchemeCodeSchema = z.enum(['pension', 'elderly', 'disability']);
export type SchemeCode = z.infer<typeof SchemeCodeSchema>;

/** The scheme of a code, or undefined. */
export const schemeOf = (code: string): Scheme | undefined => SCHEMES.find((s) => s.code === code);

/** Where evidence comes from; which of them certify is configured (ZC_CERTIFY_SOURCES). */
export const EVIDENCE_SOURCES = { medical: '医保结算', card: '社保卡用卡', visit: '村居走访', verified: '其他部门核验' } as const;
export const EvidenceSourceSchema = z.enum(['medical', 'card', 'visit', 'verified']);
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;
export const EVIDENCE_SOURCE_KEYS = EvidenceSourceSchema.options;

/** How a person was certified (certify.labels.ts has the list and its words). */
export const CertifyMethodSchema = z.enum(CERTIFY_METHODS);
export type CertifyMethod = z.infer<typeof CertifyMethodSchema>;

/** Why a clerk found a person not eligible. */
export const IneligibleReasonSchema = z.enum(INELIGIBLE_REASONS);
export type IneligibleReason = z.infer<typeof IneligibleReasonSchema>;

/** An evidence record: the same keyed hash, its source and date. The id is derived, so a record imported twice is one. */
export const EvidenceSchema = z.object({
  id: text('id'),
  idHash: z.string().check(z.maxLength(64)),
  source: EvidenceSourceSchema,
  date: CertifyDate,
  /** the sending system's own reference, if it has one */
  ref: z.optional(text('code')),
  importId: text('id'),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const By = z.object({ userId: text('id'), name: z.optional(text('masked')), centerId: z.optional(text('id')) });

/** One certification: when, how, and what proved it (the evidence, or the clerk and photo). */
export const CertificationSchema = z.object({
  on: CertifyDate,
  method: CertifyMethodSchema,
  at: text('code'),
  evidence: z.optional(z.pick(EvidenceSchema, { id: true, source: true, date: true })),
  by: z.optional(By),
  photo: z.optional(text('fileId')),
  note: z.optional(text('note')),
});
export type Certification = z.infer<typeof CertificationSchema>;

/** An entry's state (certify.labels.ts says what each means). */
export const RosterStateSchema = z.enum(ROSTER_STATES);
export type RosterState = z.infer<typeof RosterStateSchema>;

export const RosterEntrySchema = z.object({
  /** `${schemeCode}~${idHash}`: one entry per person and scheme */
  id: text('id'),
  version: z.int().check(z.gte(1)),
  schemeCode: SchemeCodeSchema,
  idHash: z.string().check(z.maxLength(64)),
  idMasked: text('masked'),
  nameMasked: text('masked'),
  villageId: text('id'),
  townshipCode: text('code'),
  /** the period the person must be certified in, both days included */
  periodStart: CertifyDate,
  periodEnd: CertifyDate,
  state: RosterStateSchema,
  certification: z.optional(CertificationSchema),
  /** the last period's certification, once a period rolls over */
  previous: z.optional(CertificationSchema),
  ineligible: z.optional(
    z.object({ reason: IneligibleReasonSchema, note: z.optional(text('note')), on: CertifyDate, at: text('code'), by: By, photo: z.optional(text('fileId')) }),
  ),
  /** when the pass queued the person for the village clerk and told them (due within the notice days) */
  dueQueuedAt: z.optional(text('code')),
  lapsedAt: z.optional(text('code')),
  importId: text('id'),
  updatedAt: text('code'),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

/** An entry's id from its scheme and hash. */
export const rosterIdOf = (schemeCode: string, idHash: string): string => `${schemeCode}~${idHash}`;

/** What the indicators count an entry as: certified silently, in person, not yet, not eligible, or lapsed. */
export type Outcome = 'silent' | 'inPerson' | 'pending' | 'ineligible' | 'lapsed';
export const OUTCOMES: readonly Outcome[] = ['silent', 'inPerson', 'pending', 'ineligible', 'lapsed'];

/** The outcome an entry counts as (the stores keep it as an indexed field). */
export const outcomeOf = (e: Pick<RosterEntry, 'state' | 'certification'>): Outcome =>
  e.state === 'certified' ? (e.certification?.method === 'silent' ? 'silent' : 'inPerson') : e.state;

/** The village clerk's 待认证 queue holds an entry that is due (pending and queued) or lapsed (still certifiable late). */
export const queueOf = (e: Pick<RosterEntry, 'state' | 'dueQueuedAt'>): 'due' | null =>
  (e.state === 'pending' && e.dueQueuedAt) || e.state === 'lapsed' ? 'due' : null;
