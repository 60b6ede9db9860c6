/**
 * Silent re-certification (静默认证): the schemes whose recipients must prove each period that
 * they are alive and eligible, the sources of evidence other systems send, and a roster entry:
 * one person on one scheme, held as the keyed hash of the ID number plus masks, never the number.
 */
import * as z from 'zod/mini';
import { CERTIFY_METHODS, INELIGIBLE_REASONS, ROSTER_STATES } from './certify.labels';
import { EVIDENCE_SOURCE_KEYS, SCHEME_CODES } from './certify.terms';
import { text } from './text.bounds';

export { METHOD_LABELS, REASON_LABELS, stateLabelOf } from './certify.labels';
export type { CertifyMethod, IneligibleReason, RosterState } from './certify.labels';
export { SCHEMES, SCHEME_CODES, schemeOf, EVIDENCE_SOURCES, EVIDENCE_SOURCE_KEYS, rosterIdOf, OUTCOMES, outcomeOf, queueOf } from './certify.terms';
export type { Scheme, SchemeCode, EvidenceSource, Outcome } from './certify.terms';

/** A China date, YYYY-MM-DD. */
export const CertifyDate = z
  .string()
  .check(z.maxLength(10))
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const SchemeCodeSchema = z.enum(SCHEME_CODES);
export const EvidenceSourceSchema = z.enum(EVIDENCE_SOURCE_KEYS);
export const CertifyMethodSchema = z.enum(CERTIFY_METHODS);
export const IneligibleReasonSchema = z.enum(INELIGIBLE_REASONS);

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
