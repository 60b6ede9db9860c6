/**
 * The events of the request lifecycle, as one discriminated union. Handlers build them from
 * their parsed input; the machine parses them again so a malformed event is a coded failure.
 */
import { z } from 'zod';
import { ChecklistEntrySchema, HandoffSchema, MaterialSchema, RatingLevelSchema } from './request.schema';

const Text = z.string().max(500);

/** Every lifecycle event with its payload. */
export const RequestEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('precheck'), note: Text.optional() }),
  z.object({
    type: z.literal('sendHandoff'),
    handoffId: z.string().min(1),
    code: HandoffSchema.shape.code,
    checklist: z.array(ChecklistEntrySchema).min(1),
  }),
  z.object({ type: z.literal('confirmHandoff'), code: z.string().max(20) }),
  z.object({ type: z.literal('returnHandoff'), reason: Text }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('reject'), reasons: Text }),
  z.object({
    type: z.literal('pause'),
    reason: Text,
    missing: z.array(z.string().min(1)).max(50),
    /** working days the applicant has to supplement (default: the deployment's, else 5) */
    supplementDays: z.number().int().min(1).max(60).optional(),
  }),
  z.object({ type: z.literal('supplement'), materials: z.array(MaterialSchema).min(1).max(20), note: Text.optional() }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('decide'), outcome: z.enum(['approved', 'refused']), reasons: Text }),
  z.object({ type: z.literal('deliver'), note: Text.optional() }),
  z.object({ type: z.literal('withdraw'), reason: Text.optional() }),
  z.object({
    type: z.literal('rate'),
    level: RatingLevelSchema,
    comment: Text.default(''),
    /** what went wrong, as tags; a bad review needs at least one */
    reasons: z.array(z.string().min(1).max(20)).max(10).default([]),
    rectificationDays: z.number().int().min(1).max(120).optional(),
  }),
  z.object({
    type: z.literal('returnCall'),
    /** who phoned the applicant */
    caller: z.string().trim().min(1).max(40),
    /** when the call took place */
    calledAt: z.string().datetime(),
    /** what was said */
    note: Text,
    /** whether the applicant is now satisfied */
    satisfied: z.boolean(),
  }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('flagOverdue'), handoffLimitDays: z.number().int().min(0).max(60).optional() }),
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
export const EVENT_TYPES = RequestEventSchema.options.map((o) => o.shape.type.value) as EventType[];
