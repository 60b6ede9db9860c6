/**
 * The company side's actions (issue 12): `company` (claims and their check, members, the
 * 企业管家) and `demands` (云上宠企). shared/api.schema.ts registers them in the API.
 */
import * as z from 'zod/mini';
import { CompanyLocationSchema } from './identity.schema';
import { CompanyClaimSchema, ClaimStateSchema, CompanyMemberSchema, MemberRoleSchema, OfficerSchema } from './company.schema';
import { DemandAttachmentSchema, DemandCategorySchema, DemandSchema, DemandStateSchema } from './demand.schema';
import { RatingLevelSchema } from './rating.levels';
import { Id, Page, Version, listOf } from './api.common';
import { text } from './text.bounds';

const Reason = z.string().check(z.trim()).check(z.minLength(2)).check(z.maxLength(500));
const Target = { id: Id, version: Version };

/** A claim as its claimant and the checking clerk see it. */
export const ClaimViewSchema = z.extend(CompanyClaimSchema, { centerName: z.optional(text('line')) });
export type ClaimView = z.infer<typeof ClaimViewSchema>;

/** A verified company as its members see it, with the 企业管家 to call. */
export const CompanyViewSchema = z.object({
  id: text('id'),
  version: z.int(),
  creditCode: text('code'),
  name: text('line'),
  location: CompanyLocationSchema,
  locationName: text('line'),
  homeCenterId: z.optional(text('id')),
  officer: z.optional(z.extend(OfficerSchema, { centerName: text('line'), phone: z.optional(text('line')) })),
});
export type CompanyView = z.infer<typeof CompanyViewSchema>;

/** A company as its home center's clerks list it: its view, and when its claim was verified. */
export const CenterCompanySchema = z.extend(CompanyViewSchema, { verifiedAt: z.optional(text('code')) });
export type CenterCompany = z.infer<typeof CenterCompanySchema>;

export const MembershipViewSchema = z.object({ company: CompanyViewSchema, role: MemberRoleSchema, acting: z.boolean() });
export type MembershipView = z.infer<typeof MembershipViewSchema>;
export const MemberViewSchema = CompanyMemberSchema;
export type MemberView = z.infer<typeof MemberViewSchema>;

export const CompanyInput = {
  claim: z.object({
    creditCode: z.string().check(z.maxLength(30)).check(z.trim()).check(z.toUpperCase()),
    name: z.string().check(z.trim()).check(z.minLength(2)).check(z.maxLength(80)),
    location: CompanyLocationSchema,
    licenceFileId: z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(500)),
  }),
  myClaims: z._default(z.object({}), {}),
  /** the pending (or decided) claims a clerk's center checks */
  claims: z.object({ state: z._default(ClaimStateSchema, 'pending'), ...Page }),
  verify: z.object(Target),
  refuse: z.object({ ...Target, reason: Reason }),
  /** the companies the caller belongs to */
  mine: z._default(z.object({}), {}),
  /** acts for another of one's companies; null acts as oneself (a resident) again */
  switch: z.object({ companyId: z.nullable(Id) }),
  home: z._default(z.object({}), {}),
  members: z._default(z.object({}), {}),
  invite: z.object({ note: z.optional(z.string().check(z.trim()).check(z.maxLength(100))) }),
  removeMember: z.object({ userId: Id }),
  transferAdmin: z.object({ userId: Id }),
  /** the clerks of the company's home center, from whom the 企业管家 is chosen */
  officerCandidates: z.object({ companyId: z.optional(Id) }),
  /** `version`, when given, is the company as the chooser saw it: a change since is CONFLICT */
  setOfficer: z.object({ companyId: z.optional(Id), officerId: Id, version: z.optional(Version) }),
  /**
   * the verified companies a home center serves (the township's own, or the zone branch), the
   * latest verified first; `q` is part of a name or credit code; the administrator names the center
   */
  centerCompanies: z.object({
    centerId: z.optional(Id),
    q: z.optional(z.string().check(z.trim()).check(z.maxLength(40))),
    ...Page,
  }),
};
const ClaimAnswer = z.object({ claim: ClaimViewSchema });
const Person = z.object({ id: text('id'), nameMasked: z.optional(text('masked')) });
export const CompanyOutput = {
  claim: ClaimAnswer,
  myClaims: z.object({ items: z.array(ClaimViewSchema) }),
  claims: listOf(ClaimViewSchema),
  verify: z.object({ claim: ClaimViewSchema, company: CompanyViewSchema }),
  refuse: ClaimAnswer,
  mine: z.object({ items: z.array(MembershipViewSchema) }),
  switch: z.object({ companyId: z.nullable(text('id')) }),
  home: z.object({ company: CompanyViewSchema, role: MemberRoleSchema, openDemands: z.int(), overdueDemands: z.int() }),
  members: z.object({ items: z.array(MemberViewSchema) }),
  invite: z.object({ code: text('code'), expiresAt: text('code') }),
  removeMember: z.object({ removed: text('id') }),
  transferAdmin: z.object({ items: z.array(MemberViewSchema) }),
  officerCandidates: z.object({ items: z.array(Person) }),
  setOfficer: z.object({ company: CompanyViewSchema }),
  centerCompanies: listOf(CenterCompanySchema),
};

/** A demand as the company and the clerks on its path see it: flagged when past a term. */
export const DemandViewSchema = z.extend(DemandSchema, {
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
    title: z.string().check(z.trim()).check(z.minLength(2)).check(z.maxLength(60)),
    description: z.string().check(z.trim()).check(z.minLength(5)).check(z.maxLength(2000)),
    attachments: z._default(z.array(DemandAttachmentSchema).check(z.maxLength(9)), []),
    shareable: z._default(z.boolean(), false),
  }),
  mine: z.object({ state: z.optional(DemandStateSchema), ...Page }),
  get: z.object({ id: Id }),
  queue: z.object({ queue: z._default(DemandQueueSchema, 'todo'), ...Page }),
  acknowledge: z.object(Target),
  forward: z.object({ ...Target, to: Id, note: Reason }),
  answer: z.object({ ...Target, text: z.string().check(z.trim()).check(z.minLength(2)).check(z.maxLength(2000)) }),
  rate: z.object({ ...Target, level: RatingLevelSchema, comment: z._default(z.string().check(z.trim()).check(z.maxLength(500)), '') }),
  returnCall: z.object({ ...Target, note: Reason }),
};
const DemandAnswer = z.object({ demand: DemandViewSchema });
export const DemandsOutput = {
  raise: DemandAnswer,
  mine: listOf(DemandViewSchema),
  get: DemandAnswer,
  queue: z.extend(listOf(DemandViewSchema), { counts: z.record(DemandQueueSchema, z.int()) }),
  acknowledge: DemandAnswer,
  forward: DemandAnswer,
  answer: DemandAnswer,
  rate: DemandAnswer,
  returnCall: DemandAnswer,
};
