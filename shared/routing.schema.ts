import { z } from 'zod';
import { CenterRefSchema, LatLngSchema } from './directory.schema';
import { CompanyLocationSchema } from './identity.schema';
import { text } from './text.bounds';

/**
 * Who applies, as routing sees them. A person belongs to a home village center.
 * A company is located in a township (by code) or in the development zone.
 * `position` is where the applicant is now, when known, for distances.
 */
export const ApplicantSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('person'),
    homeVillageId: text('id'),
    position: LatLngSchema.optional(),
  }),
  z.object({
    type: z.literal('company'),
    location: CompanyLocationSchema,
    position: LatLngSchema.optional(),
  }),
]);
export type Applicant = z.infer<typeof ApplicantSchema>;

/** The rule that decided where a matter goes, first match wins. ENTRUSTED: a township entrusted with city powers. */
export const RuleCodeSchema = z.enum(['ZONE', 'ENTRUSTED', 'VILLAGE', 'TOWNSHIP', 'CITY']);
export type RuleCode = z.infer<typeof RuleCodeSchema>;

/** How the applicant reaches an intake option. */
export const IntakeChannelSchema = z.enum(['home_village', 'home_township', 'decider', 'bank', 'citywide', 'online']);
export type IntakeChannel = z.infer<typeof IntakeChannelSchema>;

/** One place the matter may be handed in, with the path the file travels up to the decider. */
export const IntakeOptionSchema = z.object({
  channel: IntakeChannelSchema,
  center: CenterRefSchema,
  /** centers from the intake center to the decider, both included */
  path: z.array(CenterRefSchema).min(1),
  distanceKm: z.number().nonnegative().optional(),
  /** why this option, in Chinese */
  note: text('note'),
});
export type IntakeOption = z.infer<typeof IntakeOptionSchema>;

/** The routing decision for one item and one applicant. */
export const RouteDecisionSchema = z.object({
  rule: RuleCodeSchema,
  decider: CenterRefSchema,
  intake: z.array(IntakeOptionSchema).min(1),
  explanation: text('text'),
});
export type RouteDecision = z.infer<typeof RouteDecisionSchema>;
