/**
 * 云上宠企 demands (诉求): what a company asks of the government, taken first by its 企业管家
 * (一点服务), answered by them or by the center they forward it to, and rated by the company.
 */
import * as z from 'zod/mini';
import { CompanyLocationSchema } from './identity.schema';
import { RatingLevelSchema } from './rating.levels';
import { text } from './text.bounds';
import { DEMAND_ACTIONS, DEMAND_CATEGORIES, DEMAND_STATES } from './demand.terms';

const Instant = z.string().check(z.iso.datetime()).check(z.maxLength(40));

export { DEMAND_CATEGORIES, OPEN_DEMAND_STATES, type DemandCategory, type DemandState, type DemandAction } from './demand.terms';
export const DemandCategorySchema = z.enum(DEMAND_CATEGORIES);
/** What each state means: demand.terms.ts. */
export const DemandStateSchema = z.enum(DEMAND_STATES);
export const DemandActionSchema = z.enum(DEMAND_ACTIONS);

/** One step of a demand, as its timeline shows it. */
export const DemandEventSchema = z.object({
  at: Instant,
  action: DemandActionSchema,
  by: text('id'),
  byName: z.optional(text('masked')),
  centerId: z.optional(text('id')),
  note: z.optional(text('text')),
});
export type DemandEvent = z.infer<typeof DemandEventSchema>;

export const DemandAttachmentSchema = z.object({ name: text('name').check(z.minLength(1)), fileId: text('fileId') });

export const DemandSchema = z.object({
  id: text('id'),
  version: z.int().check(z.gte(1)),
  companyId: text('id'),
  companyName: text('line'),
  location: CompanyLocationSchema,
  category: DemandCategorySchema,
  title: text('line'),
  description: text('text'),
  attachments: z.array(DemandAttachmentSchema).check(z.maxLength(9)),
  /** whether other departments may see it (the company's consent) */
  shareable: z.boolean(),
  raisedBy: z.object({ userId: text('id'), nameMasked: z.optional(text('masked')) }),
  raisedAt: Instant,
  /** the 企业管家's center, and the officer when the company has one named */
  officerCenterId: text('id'),
  officerId: z.optional(text('id')),
  officerName: z.optional(text('masked')),
  /** the center that must act next */
  holderCenterId: text('id'),
  /** every center the demand has been with: who may see it */
  path: z.array(text('id')).check(z.maxLength(20)),
  state: DemandStateSchema,
  ackDueAt: Instant,
  answerDueAt: Instant,
  /** a due time counted in calendar days because the holiday calendar lacks the year */
  duePending: z.optional(z.boolean()),
  acknowledgedAt: z.optional(Instant),
  forward: z.optional(z.object({ to: text('id'), note: text('note'), at: Instant, by: text('id') })),
  answer: z.optional(z.object({ text: text('text'), at: Instant, by: text('id'), centerId: text('id') })),
  rating: z.optional(z.object({ level: RatingLevelSchema, comment: text('note'), at: Instant })),
  /** the officer's call back to the company after a bad rating */
  returnCall: z.optional(z.object({ by: text('id'), at: Instant, note: text('text') })),
  reopens: z.int().check(z.gte(0)),
  /** the terms whose passing the officer's and the handling center's clerks were told of (once each) */
  overdueNoticed: z.optional(z.array(z.enum(['ack', 'answer'])).check(z.maxLength(2))),
  events: z.array(DemandEventSchema).check(z.maxLength(60)),
  updatedAt: Instant,
});
export type Demand = z.infer<typeof DemandSchema>;
