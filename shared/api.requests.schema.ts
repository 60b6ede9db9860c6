/**
 * The contract of the requests and clerk functions: what a resident files and follows, and
 * what a center's clerks work on. Both answer with the same request view. Declared here so
 * api.schema.ts stays readable; api.schema.ts re-exports them.
 */
import { z } from 'zod';
import { CenterRefSchema } from './directory.schema';
import { ChecklistEntrySchema, AuditEntrySchema, HandoffSchema, MaterialSchema, RatingLevelSchema, RequestSchema, RequestStateSchema } from './request.schema';
import { Id, Page, Version, listOf } from './api.common';
import { text } from './text.bounds';

const Reason = z.string().trim().min(2).max(500);

// ---------- requests ----------

/** A request as its applicant or a clerk sees it: the stored record without the idempotency key and hashes. */
export const RequestViewSchema = RequestSchema.omit({ idempotencyKey: true, idempotencyHash: true, formHashes: true, sealed: true }).extend({
  /** a slip's code only on the sending center's own slip while it travels (it proves arrival) */
  handoffs: z.array(HandoffSchema.extend({ code: HandoffSchema.shape.code.optional() })),
});
export type RequestView = z.infer<typeof RequestViewSchema>;
/** A handoff as a view carries it: the slip code only on the sender's own travelling slip. */
export type HandoffView = RequestView['handoffs'][number];
export const TimelineEntrySchema = AuditEntrySchema;

const FormValues = z.record(text('code'), z.union([text('text'), z.number()]));
const Materials = z.array(MaterialSchema).max(20);

export const RequestsInput = {
  submit: z.object({ itemCode: Id, intakeCenterId: Id, form: FormValues, materials: Materials, idempotencyKey: z.string().min(8).max(80) }),
  mine: z.object({ state: RequestStateSchema.optional(), ...Page }),
  get: z.object({ id: Id }),
  withdraw: z.object({ id: Id, version: Version, reason: z.string().max(500).optional() }),
  supplement: z.object({ id: Id, version: Version, materials: Materials.min(1), note: z.string().max(500).optional() }),
  /** a bad review (不满意, 非常不满意) needs one or more `reasons` tags (BAD_REVIEW_REASONS) */
  rate: z.object({
    id: Id,
    version: Version,
    level: RatingLevelSchema,
    comment: z.string().max(500).default(''),
    reasons: z.array(text('code')).max(10).default([]),
  }),
};
const RequestAnswer = z.object({ request: RequestViewSchema });
export const RequestsOutput = {
  submit: RequestAnswer,
  mine: listOf(RequestViewSchema),
  get: z.object({ request: RequestViewSchema, timeline: z.array(TimelineEntrySchema), centers: z.array(CenterRefSchema) }),
  withdraw: RequestAnswer,
  supplement: RequestAnswer,
  rate: RequestAnswer,
};

// ---------- clerk ----------

export const QueueNameSchema = z.enum(['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue', 'rectify']);
export type QueueName = z.infer<typeof QueueNameSchema>;

const Target = { id: Id, version: Version };

/** Today's figures of a center (China day): what its clerks took in, moved and finished. */
export const TodayFiguresSchema = z.object({
  submitted: z.number().int(),
  accepted: z.number().int(),
  handoffsConfirmed: z.number().int(),
  decided: z.number().int(),
  delivered: z.number().int(),
});
export type TodayFigures = z.infer<typeof TodayFiguresSchema>;
export const ClerkInput = {
  queue: z.object({ queue: QueueNameSchema.default('precheck'), ...Page }),
  get: z.object({ id: Id }),
  precheck: z.object({ ...Target, note: z.string().max(500).optional() }),
  accept: z.object(Target),
  reject: z.object({ ...Target, reasons: Reason }),
  sendHandoff: z.object({ ...Target, checklist: z.array(ChecklistEntrySchema).min(1).max(50) }),
  confirmHandoff: z.object({
    code: z
      .string()
      .max(20)
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{6}$/),
    version: Version.optional(),
  }),
  returnHandoff: z.object({ ...Target, reason: Reason }),
  pause: z.object({ ...Target, reason: Reason, missing: z.array(text('name').min(1)).min(1).max(20) }),
  resume: z.object(Target),
  decide: z.object({ ...Target, outcome: z.enum(['approved', 'refused']), reasons: Reason }),
  deliver: z.object({ ...Target, note: z.string().max(500).optional() }),
  /** 整改回访: the deciding center's clerk records the return call on a bad review, which closes the case */
  returnCall: z.object({
    ...Target,
    caller: text('name').trim().min(1, '请填写回访人'),
    calledAt: text('code').datetime({ message: '请选择回访时间' }),
    note: text('note').trim().min(2, '请填写回访情况'),
    satisfied: z.boolean(),
  }),
  overdue: z.object({ ...Page }),
  /** frees an ID number bound to an account the person lost (seen in person with the ID card) */
  unbindResident: z.object({ idNumber: z.string().trim().toUpperCase().max(18), reason: Reason }),
  /** the full phone of the applicant or of a form field, shown only on 查看/拨打 and audited */
  revealPhone: z.object({ id: Id, field: z.string().max(40).optional() }),
};
export const ClerkOutput = {
  queue: listOf(RequestViewSchema).extend({ counts: z.record(QueueNameSchema, z.number().int()), today: TodayFiguresSchema }),
  get: z.object({ request: RequestViewSchema, timeline: z.array(TimelineEntrySchema), centers: z.array(CenterRefSchema) }),
  precheck: RequestAnswer,
  accept: RequestAnswer,
  reject: RequestAnswer,
  sendHandoff: RequestAnswer,
  confirmHandoff: RequestAnswer,
  returnHandoff: RequestAnswer,
  pause: RequestAnswer,
  resume: RequestAnswer,
  decide: RequestAnswer,
  deliver: RequestAnswer,
  returnCall: RequestAnswer,
  overdue: listOf(RequestViewSchema),
  unbindResident: z.object({ unbound: z.object({ idMasked: text('masked'), nameMasked: text('masked').optional() }) }),
  revealPhone: z.object({ phone: text('code') }),
};
