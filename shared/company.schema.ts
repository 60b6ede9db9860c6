/**
 * Companies as the company side sees them (issue 12): a claim on a credit code, checked by a
 * clerk of the company's home center; the members of a verified company; its 企业管家.
 */
import * as z from 'zod/mini';
import { CompanyLocationSchema } from './identity.schema';
import { text } from './text.bounds';

const Instant = text('code');

/** A claim's life: pending until a clerk verifies it or refuses it (verifying one refuses the others). */
export const ClaimStateSchema = z.enum(['pending', 'verified', 'refused']);
export type ClaimState = z.infer<typeof ClaimStateSchema>;

/** One person's claim that they run a company: the register facts, the licence photo, their bound identity. */
export const CompanyClaimSchema = z.object({
  id: text('id'),
  version: z.int().check(z.gte(1)),
  creditCode: text('code'),
  name: text('line'),
  location: CompanyLocationSchema,
  /** the center whose clerks check the licence: the township's, or the zone branch */
  centerId: text('id'),
  /** the uploaded photo of the 营业执照 */
  licenceFileId: text('fileId'),
  claimantId: text('id'),
  claimantNameMasked: z.optional(text('masked')),
  claimantIdMasked: z.optional(text('masked')),
  state: ClaimStateSchema,
  createdAt: Instant,
  decidedAt: z.optional(Instant),
  decidedBy: z.optional(text('id')),
  /** why a claim was refused (also "another claim was verified") */
  reason: z.optional(text('note')),
  /** the company a verified claim made or joined */
  companyId: z.optional(text('id')),
});
export type CompanyClaim = z.infer<typeof CompanyClaimSchema>;

/** A member's place in a company: the 企业管理员, or a staff member (经办人). */
export const MemberRoleSchema = z.enum(['admin', 'staff']);
export type MemberRole = z.infer<typeof MemberRoleSchema>;

export const CompanyMemberSchema = z.object({
  /** `<companyId>~<userId>`: one membership per person and company */
  id: text('id'),
  version: z.int().check(z.gte(1)),
  companyId: text('id'),
  userId: text('id'),
  role: MemberRoleSchema,
  nameMasked: z.optional(text('masked')),
  joinedAt: Instant,
  /** how they joined: the verified claim, or an invitation */
  via: z.enum(['claim', 'invite', 'seed']),
});
export type CompanyMember = z.infer<typeof CompanyMemberSchema>;

/** The 企业管家 (一点服务): one named clerk per verified company, the first stop of every demand. */
export const OfficerSchema = z.object({
  userId: text('id'),
  centerId: text('id'),
  nameMasked: z.optional(text('masked')),
  assignedBy: text('id'),
  assignedAt: Instant,
});
export type Officer = z.infer<typeof OfficerSchema>;

/** The id of a membership. */
export const memberIdOf = (companyId: string, userId: string): string => `${companyId}~${userId}`;
