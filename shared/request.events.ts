/**
 * The events of the request lifecycle, as one discriminated union. Handlers build them from
 * their parsed input; the machine parses them again so a malformed event is a coded failure.
 */
import * as z from 'zod/mini';
import { ChecklistEntrySchema, HandoffSchema, MaterialSchema, RatingLevelSchema } from './request.schema';

const Text = z.string().check(z.maxLength(500));

/** Every lifecycle event with its payload. */
export const RequestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('precheck'), note: z.optional(Text) }),
  z.object({
    type: z.literal('sendHandoff'),
    handoffId: z.string().check(z.minLength(1)),
    code: HandoffSchema.shape.code,
    checklist: z.array(ChecklistEntrySchema).check(z.minLength(1)),
  }),
  z.object({ type: z.literal('confirmHandoff'), code: z.string().check(z.maxLength(20)) }),
  z.object({ type: z.literal('returnHandoff'), reason: Text }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('reject'), reasons: Text }),
  z.object({
    type: z.literal('pause'),
    reason: Text,
    missing: z.array(z.string().check(z.minLength(1))).check(z.maxLength(50)),
    /** working days the applicant has to supplement (default: the deployment's, else 5) */
    supplementDays: z.optional(z.int().check(z.gte(1), z.lte(60))),
  }),
  z.object({ type: z.literal('supplement'), materials: z.array(MaterialSchema).check(z.minLength(1), z.maxLength(20)), note: z.optional(Text) }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('decide'), outcome: z.enum(['approved', 'refused']), reasons: Text }),
  z.object({ type: z.literal('deliver'), note: z.optional(Text) }),
  z.object({ type: z.literal('withdraw'), reason: z.optional(Text) }),
  z.object({
    type: z.literal('rate'),
    level: RatingLevelSchema,
    comment: z._default(Text, ''),
    /** what went wrong, as tags; a bad review needs at least one */
    reasons: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(20))).check(z.maxLength(10)), []),
    rectificationDays: z.optional(z.int().check(z.gte(1), z.lte(120))),
  }),
  z.object({
    type: z.literal('returnCall'),
    /** who phoned the applicant */
    caller: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
    /** when the call took place */
    calledAt: z.iso.datetime(),
    /** what was said */
    note: Text,
    /** whether the applicant is now satisfied */
    satisfied: z.boolean(),
  }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('flagOverdue'), handoffLimitDays: z.optional(z.int().check(z.gte(0), z.lte(60))) }),
]);

/** A lifecycle event as the machine receives it (defaults not yet applied). */
export type RequestEvent = z.input<typeof RequestEventSchema>;
/** A lifecycle event after parsing. */
export type ParsedEvent = z.infer<typeof RequestEventSchema>;
/** The name of a lifecycle event. */
export type EventType = RequestEvent['type'];
/** The event a given name stands for. */
export type EventOf<K extends EventType> = Extract<ParsedEvent, { type: K }>;

/** All event names, in the order a timeline reads them. */
export const EVENT_TYPES = RequestEventSchema._zod.def.options.map((o) => o.shape.type._zod.def.values[0]) as EventType[];
