/**
 * The contract of the requests and clerk functions: what a resident files and follows, and
 * what a center's clerks work on. Both answer with the same request view. Declared here so
 * api.schema.ts stays readable; api.schema.ts re-exports them.
 */
import * as z from 'zod/mini';
import { CenterRefSchema } from './directory.schema';
import { ChecklistEntrySchema, AuditEntrySchema, HandoffSchema, MaterialSchema, RatingLevelSchema, RequestSchema, RequestStateSchema } from './request.schema';
import { Id, Page, Version, listOf } from './api.common';
import { text } from './text.bounds';

const Reason = z.string().check(z.trim(), z.minLength(2), z.maxLength(500));

// ---------- requests ----------

/** A request as its applicant or a clerk sees it: the stored record without the idempotency key and hashes. */
export const RequestViewSchema = z.extend(z.omit(RequestSchema, { idempotencyKey: true, idempotencyHash: true, formHashes: true, sealed: true }), {
  /** a slip's code only on the sending center's own slip while it travels (it proves arrival) */
  handoffs: z.array(z.extend(HandoffSchema, { code: z.optional(HandoffSchema.shape.code) })),
});
export type RequestView = z.infer<typeof RequestViewSchema>;
/** A handoff as a view carries it: the slip code only on the sender's own travelling slip. */
export type HandoffView = RequestView['handoffs'][number];
export const TimelineEntrySchema = AuditEntrySchema;

const FormValues = z.record(text('code'), z.union([text('text'), z.number()]));
const Materials = z.array(MaterialSchema).check(z.maxLength(20));

export const RequestsInput = {
  submit: z.object({
    itemCode: Id,
    intakeCenterId: Id,
    form: FormValues,
    materials: Materials,
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(80)),
  }),
  mine: z.object({ state: z.optional(RequestStateSchema), ...Page }),
  get: z.object({ id: Id }),
  withdraw: z.object({ id: Id, version: Version, reason: z.optional(z.string().check(z.maxLength(500))) }),
  supplement: z.object({ id: Id, version: Version, materials: Materials.check(z.minLength(1)), note: z.optional(z.string().check(z.maxLength(500))) }),
  /** a bad review (不满意, 非常不满意) needs one or more `reasons` tags (BAD_REVIEW_REASONS) */
  rate: z.object({
    id: Id,
    version: Version,
    level: RatingLevelSchema,
    comment: z._default(z.string().check(z.maxLength(500)), ''),
    reasons: z._default(z.array(text('code')).check(z.maxLength(10)), []),
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

/** The clerk's queues (plain, so the app can check a page parameter without zod). */
export const QUEUE_NAMES = ['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue', 'rectify'] as const;
export const QueueNameSchema = z.enum(QUEUE_NAMES);
export type QueueName = z.infer<typeof QueueNameSchema>;

const Target = { id: Id, version: Version };

/** Today's figures of a center (China day): what its clerks took in, moved and finished. */
export const TodayFiguresSchema = z.object({
  submitted: z.int(),
  accepted: z.int(),
  handoffsConfirmed: z.int(),
  decided: z.int(),
  delivered: z.int(),
});
export type TodayFigures = z.infer<typeof TodayFiguresSchema>;
export const ClerkInput = {
  queue: z.object({ queue: z._default(QueueNameSchema, 'precheck'), ...Page }),
  get: z.object({ id: Id }),
  precheck: z.object({ ...Target, note: z.optional(z.string().check(z.maxLength(500))) }),
  accept: z.object(Target),
  reject: z.object({ ...Target, reasons: Reason }),
  sendHandoff: z.object({ ...Target, checklist: z.array(ChecklistEntrySchema).check(z.minLength(1), z.maxLength(50)) }),
  confirmHandoff: z.object({
    code: z.string().check(z.maxLength(20), z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{6}$/)),
    version: z.optional(Version),
  }),
  returnHandoff: z.object({ ...Target, reason: Reason }),
  pause: z.object({ ...Target, reason: Reason, missing: z.array(text('name').check(z.minLength(1))).check(z.minLength(1), z.maxLength(20)) }),
  resume: z.object(Target),
  decide: z.object({ ...Target, outcome: z.enum(['approved', 'refused']), reasons: Reason }),
  deliver: z.object({ ...Target, note: z.optional(z.string().check(z.maxLength(500))) }),
  /** 整改回访: the deciding center's clerk records the return call on a bad review, which closes the case */
  returnCall: z.object({
    ...Target,
    caller: text('name').check(z.trim(), z.minLength(1, '请填写回访人')),
    calledAt: text('code').check(z.iso.datetime({ message: '请选择回访时间' })),
    note: text('note').check(z.trim(), z.minLength(2, '请填写回访情况')),
    satisfied: z.boolean(),
  }),
  overdue: z.object({ ...Page }),
  /** frees an ID number bound to an account the person lost (seen in person with the ID card) */
  unbindResident: z.object({ idNumber: z.string().check(z.trim(), z.toUpperCase(), z.maxLength(18)), reason: Reason }),
  /** the full phone of the applicant or of a form field, shown only on 查看/拨打 and audited */
  revealPhone: z.object({ id: Id, field: z.optional(z.string().check(z.maxLength(40))) }),
};
export const ClerkOutput = {
  queue: z.extend(listOf(RequestViewSchema), { counts: z.record(QueueNameSchema, z.int()), today: TodayFiguresSchema }),
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
  unbindResident: z.object({ unbound: z.object({ idMasked: text('masked'), nameMasked: z.optional(text('masked')) }) }),
  revealPhone: z.object({ phone: text('code') }),
};
