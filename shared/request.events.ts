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
  z.object({ type: z.literal('pause'), reason: Text, missing: z.array(z.string().check(z.minLength(1))).check(z.maxLength(50)) }),
  z.object({ type: z.literal('supplement'), materials: z.array(MaterialSchema).check(z.minLength(1)).check(z.maxLength(20)), note: z.optional(Text) }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('decide'), outcome: z.enum(['approved', 'refused']), reasons: Text }),
  z.object({ type: z.literal('deliver'), note: z.optional(Text) }),
  z.object({ type: z.literal('withdraw'), reason: z.optional(Text) }),
  z.object({
    type: z.literal('rate'),
    level: RatingLevelSchema,
    comment: z._default(Text, ''),
    rectificationDays: z.optional(z.int().check(z.gte(1)).check(z.lte(120))),
  }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('flagOverdue'), handoffLimitDays: z.optional(z.int().check(z.gte(0)).check(z.lte(60))) }),
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
