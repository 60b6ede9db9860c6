/**
 * The company side's actions (issue 12): `company` (claims and their check, members, the
 * 企业管家) and `demands` (云上宠企). shared/api.schema.ts registers them in the API.
 */
import { z } from 'zod';
import { CompanyLocationSchema } from './identity.schema';
import { CompanyClaimSchema, ClaimStateSchema, CompanyMemberSchema, MemberRoleSchema, OfficerSchema } from './company.schema';
import { DemandAttachmentSchema, DemandCategorySchema, DemandSchema, DemandStateSchema } from './demand.schema';
import { RatingLevelSchema } from './request.schema';
import { Id, Page, Version, listOf } from './api.common';
import { text } from './text.bounds';

const Reason = z.string().trim().min(2).max(500);
const Target = { id: Id, version: Version };

/** A claim as its claimant and the checking clerk see it. */
export const ClaimViewSchema = CompanyClaimSchema.extend({ centerName: text('line').optional() });
export type ClaimView = z.infer<typeof ClaimViewSchema>;

/** A verified company as its members see it, with the 企业管家 to call. */
export const CompanyViewSchema = z.object({
  id: text('id'),
  version: z.number().int(),
  creditCode: text('code'),
  name: text('line'),
  location: CompanyLocationSchema,
  locationName: text('line'),
  homeCenterId: text('id').optional(),
  officer: OfficerSchema.extend({ centerName: text('line'), phone: text('line').optional() }).optional(),
});
export type CompanyView = z.infer<typeof CompanyViewSchema>;

export const MembershipViewSchema = z.object({ company: CompanyViewSchema, role: MemberRoleSchema, acting: z.boolean() });
export type MembershipView = z.infer<typeof MembershipViewSchema>;
export const MemberViewSchema = CompanyMemberSchema;
export type MemberView = z.infer<typeof MemberViewSchema>;

export const CompanyInput = {
  claim: z.object({
    creditCode: z.string().max(30).trim().toUpperCase(),
    name: z.string().trim().min(2).max(80),
    location: CompanyLocationSchema,
    licenceFileId: z.string().trim().min(1).max(500),
  }),
  myClaims: z.object({}).default({}),
  /** the pending (or decided) claims a clerk's center checks */
  claims: z.object({ state: ClaimStateSchema.default('pending'), ...Page }),
  verify: z.object(Target),
  refuse: z.object({ ...Target, reason: Reason }),
  /** the companies the caller belongs to */
  mine: z.object({}).default({}),
  /** acts for another of one's companies; null acts as oneself (a resident) again */
  switch: z.object({ companyId: Id.nullable() }),
  home: z.object({}).default({}),
  members: z.object({}).default({}),
  invite: z.object({ note: z.string().trim().max(100).optional() }),
  removeMember: z.object({ userId: Id }),
  transferAdmin: z.object({ userId: Id }),
  /** the clerks of the company's home center, from whom the 企业管家 is chosen */
  officerCandidates: z.object({ companyId: Id.optional() }),
  setOfficer: z.object({ companyId: Id.optional(), officerId: Id }),
};
const ClaimAnswer = z.object({ claim: ClaimViewSchema });
const Person = z.object({ id: text('id'), nameMasked: text('masked').optional() });
export const CompanyOutput = {
  claim: ClaimAnswer,
  myClaims: z.object({ items: z.array(ClaimViewSchema) }),
  claims: listOf(ClaimViewSchema),
  verify: z.object({ claim: ClaimViewSchema, company: CompanyViewSchema }),
  refuse: ClaimAnswer,
  mine: z.object({ items: z.array(MembershipViewSchema) }),
  switch: z.object({ companyId: text('id').nullable() }),
  home: z.object({ company: CompanyViewSchema, role: MemberRoleSchema, openDemands: z.number().int(), overdueDemands: z.number().int() }),
  members: z.object({ items: z.array(MemberViewSchema) }),
  invite: z.object({ code: text('code'), expiresAt: text('code') }),
  removeMember: z.object({ removed: text('id') }),
  transferAdmin: z.object({ items: z.array(MemberViewSchema) }),
  officerCandidates: z.object({ items: z.array(Person) }),
  setOfficer: z.object({ company: CompanyViewSchema }),
};

/** A demand as the company and the clerks on its path see it: flagged when past a term. */
export const DemandViewSchema = DemandSchema.extend({
  overdue: z.object({ ack: z.boolean(), answer: z.boolean() }),
  /** the names of the centers on its path and of its holder */
  centerNames: z.record(text('id'), text('line')),
});
export type DemandView = z.infer<typeof DemandViewSchema>;

export const DemandQueueSchema = z.enum(['todo', 'watching', 'overdue', 'done']);
export type DemandQueue = z.infer<typeof DemandQueueSchema>;

export const DemandsInput = {
  raise: z.object({
    category: DemandCategorySchema,
    title: z.string().trim().min(2).max(60),
    description: z.string().trim().min(5).max(2000),
    attachments: z.array(DemandAttachmentSchema).max(9).default([]),
    shareable: z.boolean().default(false),
  }),
  mine: z.object({ state: DemandStateSchema.optional(), ...Page }),
  get: z.object({ id: Id }),
  queue: z.object({ queue: DemandQueueSchema.default('todo'), ...Page }),
  acknowledge: z.object(Target),
  forward: z.object({ ...Target, to: Id, note: Reason }),
  answer: z.object({ ...Target, text: z.string().trim().min(2).max(2000) }),
  rate: z.object({ ...Target, level: RatingLevelSchema, comment: z.string().trim().max(500).default('') }),
  returnCall: z.object({ ...Target, note: Reason }),
};
const DemandAnswer = z.object({ demand: DemandViewSchema });
export const DemandsOutput = {
  raise: DemandAnswer,
  mine: listOf(DemandViewSchema),
  get: DemandAnswer,
  queue: listOf(DemandViewSchema).extend({ counts: z.record(DemandQueueSchema, z.number().int()) }),
  acknowledge: DemandAnswer,
  forward: DemandAnswer,
  answer: DemandAnswer,
  rate: DemandAnswer,
  returnCall: DemandAnswer,
};

/** The administrator's indicators of demands (admin.demandStats). */
export const DemandStatsSchema = z.object({
  total: z.number().int(),
  byCategory: z.array(z.object({ category: DemandCategorySchema, count: z.number().int() })),
  byTownship: z.array(z.object({ code: text('code'), name: text('line'), count: z.number().int() })),
  /** medians over the demands that got there, in hours; null when none did */
  medianAckHours: z.number().nullable(),
  medianAnswerHours: z.number().nullable(),
  overdue: z.object({ ack: z.number().int(), answer: z.number().int() }),
  satisfaction: z.object({
    rated: z.number().int(),
    good: z.number().int(),
    share: z.number().nullable(),
    byLevel: z.record(RatingLevelSchema, z.number().int()),
  }),
});
export type DemandStats = z.infer<typeof DemandStatsSchema>;
export const DemandStatsInput = z.object({ from: z.string().datetime().max(40).optional(), to: z.string().datetime().max(40).optional() });
