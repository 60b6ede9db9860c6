/**
 * The search vocabulary as data: synonym groups (低保 = 最低生活保障) and filler words residents
 * wrap around what they want (怎么办、我要). The shipped list lives in data/search/synonyms.json;
 * the administrator adds groups of their own (admin.setSynonyms), kept in the store.
 */
import { z } from 'zod';

/** One term as a resident types it: Chinese characters, letters or digits, 1 to 20 of them. */
const TermSchema = z
  .string()
  .trim()
  .min(1, '请填写词语')
  .max(20, '每个词不超过20个字')
  .regex(/^[\p{Script=Han}A-Za-z0-9]+$/u, '词语只能包含汉字、字母或数字');

/** Words a resident means the same by: a query for any of them finds the items named with the others. */
export const SynonymGroupSchema = z
  .object({ terms: z.array(TermSchema).min(2, '每组至少两个词').max(12, '每组最多12个词') })
  .refine((g) => new Set(g.terms).size === g.terms.length, { message: '同一组里有重复的词', path: ['terms'] });
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

/** The shipped vocabulary: synonym groups, the filler words dropped from a query, and verbs dropped from its start. */
export const SynonymsFileSchema = z.object({
  groups: z.array(SynonymGroupSchema),
  fillers: z.array(z.string().min(1)),
  prefixes: z.array(z.string().min(1)),
});
export type SynonymsFile = z.infer<typeof SynonymsFileSchema>;

/** The administrator's own groups, one versioned record, so two editors never overwrite each other. */
export const SynonymSetSchema = z.object({
  id: z.literal('synonyms'),
  version: z.number().int().min(1),
  groups: z.array(SynonymGroupSchema).max(500),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type SynonymSet = z.infer<typeof SynonymSetSchema>;
