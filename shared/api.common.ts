/**
 * What every part of the API contract shares: pages, list answers, ids and versions
 * (shared/api.schema.ts and shared/api.admin.schema.ts both build on them).
 */
import { z } from 'zod';

export const Page = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) };
/** Builds the list answer shape for an element schema. */
export const listOf = <T extends z.ZodTypeAny>(el: T) =>
  z.object({ items: z.array(el), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type List<T> = { items: T[]; total: number; page: number; pageSize: number };

export const Id = z.string().min(1).max(80);
export const Version = z.number().int().min(1);
