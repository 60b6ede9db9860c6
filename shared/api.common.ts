/**
 * What every part of the API contract shares: pages, list answers, ids and versions
 * (shared/api.schema.ts and shared/api.admin.schema.ts both build on them).
 */
import * as z from 'zod/mini';

export const Page = { page: z._default(z.int().check(z.gte(1)), 1), pageSize: z._default(z.int().check(z.gte(1), z.lte(100)), 20) };
/** Builds the list answer shape for an element schema. */
export const listOf = <T extends z.ZodMiniType>(el: T) => z.object({ items: z.array(el), total: z.int(), page: z.int(), pageSize: z.int() });
export type List<T> = { items: T[]; total: number; page: number; pageSize: number };

export const Id = z.string().check(z.minLength(1), z.maxLength(80));
export const Version = z.int().check(z.gte(1));
