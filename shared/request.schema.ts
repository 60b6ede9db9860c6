import * as z from 'zod/mini';
import { RuleCodeSchema, type RuleCode } from './routing.schema';
import { ActorRoleSchema } from './identity.schema';
import { text } from './text.bounds';
import { LatLngSchema } from './directory.schema';
import { RatingLevelSchema } from './rating.levels';

/** ISO-8601 instant in UTC, e.g. 2026-11-28T01:00:00.000Z. */
export const InstantSchema = z.iso.datetime().check(z.maxLength(40));

/** The states of a request (办件). */
export const RequestStateSchema = z.enum([
  'submitted', // 已提交
  'prechecked', // 已预审 (at the center now holding it)
  'in_transit', // 流转中: a handoff sent and not yet confirmed
  'accepted', // 已受理
  'paused', // 待补正: the clock stops
  'approved', // 准予 (decided)
  'refused', // 不予许可 (decided)
  'delivered', // 已送达
  'closed', // 已办结归档
  'withdrawn', // 已撤回
  'rejected', // 不予受理
]);
export type RequestState = z.infer<typeof RequestStateSchema>;

/** The one acting on a request, as the domain sees them. */
export const ActorSchema = z.object({
  userId: text('id'),
  role: ActorRoleSchema,
  /** the clerk's center */
  centerId: z.optional(text('id')),
  /** the company a company member acts for */
  companyId: z.optional(text('id')),
  /** display name, already masked where it is shown to others */
  name: z.optional(text('name')),
});
export type Actor = z.infer<typeof ActorSchema>;

/** One uploaded or presented material. */
export const MaterialSchema = z.object({
  name: text('name').check(z.minLength(1)),
  /** storage id: a cloud file id on WeChat, an upload id in local mode */
  fileId: z.optional(text('fileId')),
  /** the paper original was seen at a counter */
  paperSeen: z._default(z.boolean(), false),
});
export type Material = z.infer<typeof MaterialSchema>;

/** The handoff checklist entry: one material, how it travels. */
export const ChecklistEntrySchema = z.object({
  name: text('name').check(z.minLength(1)),
  form: z.enum(['paper_original', 'paper_copy', 'file']),
  count: z._default(z.int().check(z.gte(1)), 1),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntrySchema>;

/** A handoff between two centers, confirmed by the receiving clerk. */
export const HandoffSchema = z.object({
  id: text('id'),
  /** short code on the slip, typed or scanned to confirm */
  code: z.string().check(z.length(6), z.regex(/^[A-Z0-9]{6}$/)),
  fromCenterId: text('id'),
  toCenterId: text('id'),
  checklist: z.array(ChecklistEntrySchema).check(z.minLength(1)),
  sentBy: text('id'),
  sentAt: InstantSchema,
  /** the receiving clerk should sign by then (the handoff limit in working days); printed on the slip */
  signBy: z.optional(InstantSchema),
  state: z.enum(['in_transit', 'received', 'returned']),
  receivedBy: z.optional(text('id')),
  receivedAt: z.optional(InstantSchema),
  returnReason: z.optional(text('text')),
  overdue: z._default(z.boolean(), false),
});
export type Handoff = z.infer<typeof HandoffSchema>;

/** A pause for supplement (补正); the clock stops from `from` to `to`. */
export const PauseSchema = z.object({
  from: InstantSchema,
  to: z.optional(InstantSchema),
  reason: text('text').check(z.minLength(1)),
  missing: z.array(text('name')),
  supplementedAt: z.optional(InstantSchema),
  /** the applicant should supplement by then (working days from the pause); the clerk sees it pass */
  supplementBy: z.optional(InstantSchema),
});
export type Pause = z.infer<typeof PauseSchema>;

/** The five levels of 好差评 (GB/T 39734), and the bad reviews: rating.levels.ts. */
export { BAD_REVIEW_LEVELS, RatingLevelSchema, isBadReview, type RatingLevel } from './rating.levels';

/** A rectification case opened by a bad review. */
export const RectificationSchema = z.object({
  openedAt: InstantSchema,
  deadline: InstantSchema,
  /** the calendar did not cover the term: `deadline` is the earlier calendar-day bound, to be confirmed */
  deadlinePending: z.optional(z.boolean()),
  state: z.enum(['open', 'closed']),
  /**
   * The return call (回访) that closes the case: `by` the clerk who recorded it, `caller` who
   * phoned the applicant, `at` when, `note` what was said, and whether they are now satisfied.
   */
  returnCall: z.optional(
    z.object({
      by: text('id'),
      at: InstantSchema,
      note: text('text'),
      caller: z.optional(text('name')),
      satisfied: z.optional(z.boolean()),
      recordedAt: z.optional(InstantSchema),
    }),
  ),
});
export type Rectification = z.infer<typeof RectificationSchema>;

/**
 * The routing rule as a request stores it. Requests written before the entrusted rule was
 * renamed carry `TAIPING`; they read as `ENTRUSTED`, so an older database still loads.
 */
const StoredRuleCodeSchema = z.union([
  RuleCodeSchema,
  z.pipe(
    z.literal('TAIPING'),
    z.transform((): RuleCode => 'ENTRUSTED'),
  ),
]);

/**
 * Where a request came in when not through the app: a partner system filing for a resident over
 * Open311, with the location it sent and the routing explanation it was answered with.
 */
export const RequestChannelSchema = z.object({
  kind: z.literal('open311'),
  partnerId: text('id'),
  partnerName: text('name'),
  /** the token a deferred filing was answered with */
  token: z.optional(text('token')),
  location: LatLngSchema,
  address: z.optional(text('line')),
  description: z.optional(text('text')),
  mediaUrl: z.optional(text('fileId')),
  /** the routing explanation (Open311 service_notice) */
  notice: text('text'),
});
export type RequestChannel = z.infer<typeof RequestChannelSchema>;

/** A service request (办件) as stored. */
export const RequestSchema = z.object({
  id: text('id'),
  version: z.int().check(z.gte(1)),
  trackingNo: text('code'),
  itemCode: text('code'),
  itemName: text('line'),
  /** promised working days, copied at submit so a catalogue change does not move a running clock */
  promisedDays: z.int().check(z.gte(0)),
  applicant: z.object({
    userId: text('id'),
    type: z.enum(['person', 'company']),
    companyId: z.optional(text('id')),
    nameMasked: text('masked'),
    phoneMasked: z.optional(text('masked')),
    homeVillageId: z.optional(text('id')),
  }),
  form: z.record(text('code'), z.union([text('text'), z.number()])),
  /** keyed hashes of the ID numbers in the form, whose stored values are masked */
  formHashes: z.optional(z.record(text('code'), text('line'))),
  /** phones encrypted (AES-256-GCM): the form's by field key, and the applicant's bound one; read only by an audited reveal */
  sealed: z.optional(z.object({ form: z.record(text('code'), text('line')), applicantPhone: z.optional(text('line')) })),
  materials: z.array(MaterialSchema),
  rule: StoredRuleCodeSchema,
  intakeCenterId: text('id'),
  deciderId: text('id'),
  /** centers from intake to decider, both included */
  path: z.array(text('id')).check(z.minLength(1)),
  /** the center that must act next */
  holderCenterId: text('id'),
  state: RequestStateSchema,
  handoffs: z.array(HandoffSchema),
  pauses: z.array(PauseSchema),
  submittedAt: InstantSchema,
  acceptedAt: z.optional(InstantSchema),
  /** acceptance + promised working days + pauses */
  deadline: z.optional(InstantSchema),
  /** accepted, but the holiday calendar does not cover the deadline yet (期限待定); set again once it does */
  deadlinePending: z.optional(z.boolean()),
  dueSoon: z._default(z.boolean(), false),
  overdue: z._default(z.boolean(), false),
  decision: z.optional(z.object({ outcome: z.enum(['approved', 'refused']), reasons: text('text').check(z.minLength(1)), by: text('id'), at: InstantSchema })),
  rejection: z.optional(z.object({ reasons: text('text').check(z.minLength(1)), by: text('id'), at: InstantSchema })),
  deliveredAt: z.optional(InstantSchema),
  closedAt: z.optional(InstantSchema),
  rating: z.optional(
    z.object({
      level: RatingLevelSchema,
      comment: text('note'),
      at: InstantSchema,
      /** what went wrong, as tags (BAD_REVIEW_REASONS); a bad review carries at least one */
      reasons: z.optional(z.array(text('code'))),
    }),
  ),
  rectification: z.optional(RectificationSchema),
  idempotencyKey: text('id'),
  /** a keyed hash of the submitted body in canonical form: the same key with another body is IDEMPOTENCY_KEY_REUSED */
  idempotencyHash: z.optional(text('line')),
  /** absent for the app; a partner system's filing records itself here */
  channel: z.optional(RequestChannelSchema),
  updatedAt: InstantSchema,
});
export type Request = z.infer<typeof RequestSchema>;

/** One line of the audit trail and of the timeline a resident sees. */
export const AuditEntrySchema = z.object({
  requestId: z.optional(text('id')),
  at: InstantSchema,
  actor: ActorSchema,
  action: text('code'),
  fromState: z.optional(RequestStateSchema),
  toState: z.optional(RequestStateSchema),
  centerId: z.optional(text('id')),
  note: z.optional(text('text')),
  /** a read of a list or of personal data: the query the caller made (no personal values) */
  query: z.optional(text('text')),
  /** the records a read or an identity step touched */
  ids: z.optional(z.array(text('id'))),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
