import { z } from 'zod';
import { RuleCodeSchema, type RuleCode } from './routing.schema';
import { ActorRoleSchema } from './identity.schema';
import { text } from './text.bounds';
import { LatLngSchema } from './directory.schema';

/** ISO-8601 instant in UTC, e.g. 2026-11-28T01:00:00.000Z. */
export const InstantSchema = z.string().datetime().max(40);

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
  centerId: text('id').optional(),
  /** the company a company member acts for */
  companyId: text('id').optional(),
  /** display name, already masked where it is shown to others */
  name: text('name').optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** One uploaded or presented material. */
export const MaterialSchema = z.object({
  name: text('name').min(1),
  /** storage id: a cloud file id on WeChat, an upload id in local mode */
  fileId: text('fileId').optional(),
  /** the paper original was seen at a counter */
  paperSeen: z.boolean().default(false),
});
export type Material = z.infer<typeof MaterialSchema>;

/** The handoff checklist entry: one material, how it travels. */
export const ChecklistEntrySchema = z.object({
  name: text('name').min(1),
  form: z.enum(['paper_original', 'paper_copy', 'file']),
  count: z.number().int().min(1).default(1),
});
export type ChecklistEntry = z.infer<typeof ChecklistEntrySchema>;

/** A handoff between two centers, confirmed by the receiving clerk. */
export const HandoffSchema = z.object({
  id: text('id'),
  /** short code on the slip, typed or scanned to confirm */
  code: z
    .string()
    .length(6)
    .regex(/^[A-Z0-9]{6}$/),
  fromCenterId: text('id'),
  toCenterId: text('id'),
  checklist: z.array(ChecklistEntrySchema).min(1),
  sentBy: text('id'),
  sentAt: InstantSchema,
  /** the receiving clerk should sign by then (the handoff limit in working days); printed on the slip */
  signBy: InstantSchema.optional(),
  state: z.enum(['in_transit', 'received', 'returned']),
  receivedBy: text('id').optional(),
  receivedAt: InstantSchema.optional(),
  returnReason: text('text').optional(),
  overdue: z.boolean().default(false),
});
export type Handoff = z.infer<typeof HandoffSchema>;

/** A pause for supplement (补正); the clock stops from `from` to `to`. */
export const PauseSchema = z.object({
  from: InstantSchema,
  to: InstantSchema.optional(),
  reason: text('text').min(1),
  missing: z.array(text('name')),
  supplementedAt: InstantSchema.optional(),
  /** the applicant should supplement by then (working days from the pause); the clerk sees it pass */
  supplementBy: InstantSchema.optional(),
});
export type Pause = z.infer<typeof PauseSchema>;

/** The five levels of 好差评 (GB/T 39734). */
export const RatingLevelSchema = z.enum(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
export type RatingLevel = z.infer<typeof RatingLevelSchema>;

/** The bad reviews (差评): the last two levels. Each opens a rectification case. */
export const BAD_REVIEW_LEVELS: readonly RatingLevel[] = ['不满意', '非常不满意'];

/** Tells whether a rating level is a bad review. */
export const isBadReview = (level: RatingLevel): boolean => BAD_REVIEW_LEVELS.includes(level);

/** A rectification case opened by a bad review. */
export const RectificationSchema = z.object({
  openedAt: InstantSchema,
  deadline: InstantSchema,
  /** the calendar did not cover the term: `deadline` is the earlier calendar-day bound, to be confirmed */
  deadlinePending: z.boolean().optional(),
  state: z.enum(['open', 'closed']),
  /**
   * The return call (回访) that closes the case: `by` the clerk who recorded it, `caller` who
   * phoned the applicant, `at` when, `note` what was said, and whether they are now satisfied.
   */
  returnCall: z
    .object({
      by: text('id'),
      at: InstantSchema,
      note: text('text'),
      caller: text('name').optional(),
      satisfied: z.boolean().optional(),
      recordedAt: InstantSchema.optional(),
    })
    .optional(),
});
export type Rectification = z.infer<typeof RectificationSchema>;

/**
 * The routing rule as a request stores it. Requests written before the entrusted rule was
 * renamed carry `TAIPING`; they read as `ENTRUSTED`, so an older database still loads.
 */
const StoredRuleCodeSchema = z.union([RuleCodeSchema, z.literal('TAIPING').transform((): RuleCode => 'ENTRUSTED')]);

/**
 * Where a request came in when not through the app: a partner system filing for a resident over
 * Open311, with the location it sent and the routing explanation it was answered with.
 */
export const RequestChannelSchema = z.object({
  kind: z.literal('open311'),
  partnerId: text('id'),
  partnerName: text('name'),
  /** the token a deferred filing was answered with */
  token: text('token').optional(),
  location: LatLngSchema,
  address: text('line').optional(),
  description: text('text').optional(),
  mediaUrl: text('fileId').optional(),
  /** the routing explanation (Open311 service_notice) */
  notice: text('text'),
});
export type RequestChannel = z.infer<typeof RequestChannelSchema>;

/** A service request (办件) as stored. */
export const RequestSchema = z.object({
  id: text('id'),
  version: z.number().int().min(1),
  trackingNo: text('code'),
  itemCode: text('code'),
  itemName: text('line'),
  /** promised working days, copied at submit so a catalogue change does not move a running clock */
  promisedDays: z.number().int().min(0),
  applicant: z.object({
    userId: text('id'),
    type: z.enum(['person', 'company']),
    companyId: text('id').optional(),
    nameMasked: text('masked'),
    phoneMasked: text('masked').optional(),
    homeVillageId: text('id').optional(),
  }),
  form: z.record(text('code'), z.union([text('text'), z.number()])),
  /** keyed hashes of the ID numbers in the form, whose stored values are masked */
  formHashes: z.record(text('code'), text('line')).optional(),
  /** phones encrypted (AES-256-GCM): the form's by field key, and the applicant's bound one; read only by an audited reveal */
  sealed: z.object({ form: z.record(text('code'), text('line')), applicantPhone: text('line').optional() }).optional(),
  materials: z.array(MaterialSchema),
  rule: StoredRuleCodeSchema,
  intakeCenterId: text('id'),
  deciderId: text('id'),
  /** centers from intake to decider, both included */
  path: z.array(text('id')).min(1),
  /** the center that must act next */
  holderCenterId: text('id'),
  state: RequestStateSchema,
  handoffs: z.array(HandoffSchema),
  pauses: z.array(PauseSchema),
  submittedAt: InstantSchema,
  acceptedAt: InstantSchema.optional(),
  /** acceptance + promised working days + pauses */
  deadline: InstantSchema.optional(),
  /** accepted, but the holiday calendar does not cover the deadline yet (期限待定); set again once it does */
  deadlinePending: z.boolean().optional(),
  dueSoon: z.boolean().default(false),
  overdue: z.boolean().default(false),
  decision: z.object({ outcome: z.enum(['approved', 'refused']), reasons: text('text').min(1), by: text('id'), at: InstantSchema }).optional(),
  rejection: z.object({ reasons: text('text').min(1), by: text('id'), at: InstantSchema }).optional(),
  deliveredAt: InstantSchema.optional(),
  closedAt: InstantSchema.optional(),
  rating: z
    .object({
      level: RatingLevelSchema,
      comment: text('note'),
      at: InstantSchema,
      /** what went wrong, as tags (BAD_REVIEW_REASONS); a bad review carries at least one */
      reasons: z.array(text('code')).optional(),
    })
    .optional(),
  rectification: RectificationSchema.optional(),
  idempotencyKey: text('id'),
  /** a keyed hash of the submitted body in canonical form: the same key with another body is IDEMPOTENCY_KEY_REUSED */
  idempotencyHash: text('line').optional(),
  /** absent for the app; a partner system's filing records itself here */
  channel: RequestChannelSchema.optional(),
  updatedAt: InstantSchema,
});
export type Request = z.infer<typeof RequestSchema>;

/** One line of the audit trail and of the timeline a resident sees. */
export const AuditEntrySchema = z.object({
  requestId: text('id').optional(),
  at: InstantSchema,
  actor: ActorSchema,
  action: text('code'),
  fromState: RequestStateSchema.optional(),
  toState: RequestStateSchema.optional(),
  centerId: text('id').optional(),
  note: text('text').optional(),
  /** a read of a list or of personal data: the query the caller made (no personal values) */
  query: text('text').optional(),
  /** the records a read or an identity step touched */
  ids: z.array(text('id')).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
