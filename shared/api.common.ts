/**
 * What every part of the API contract shares: pages, list answers, ids and versions, and the
 * input of a file import (the administrator's lists and the 静默认证 rosters both take it), so a
 * function's contract never imports another function's to reuse a piece of it.
 */
import * as z from 'zod/mini';

export const Page = { page: z._default(z.int().check(z.gte(1)), 1), pageSize: z._default(z.int().check(z.gte(1), z.lte(100)), 20) };
/** Builds the list answer shape for an element schema. */
export const listOf = <T extends z.ZodMiniType>(el: T) => z.object({ items: z.array(el), total: z.int(), page: z.int(), pageSize: z.int() });
export type List<T> = { items: T[]; total: number; page: number; pageSize: number };

export const Id = z.string().check(z.minLength(1), z.maxLength(80));
export const Version = z.int().check(z.gte(1));

/** An uploaded list: its file name (the ending says CSV or XLSX) and its bytes in base64. */
export const ImportFile = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  dataBase64: z.string().check(z.minLength(4), z.maxLength(4_000_000)),
});
/** An import: a dry run (the default) answers the report; applying needs the hash the dry run of this same file answered. */
export const ImportInput = z.object({
  file: ImportFile,
  dryRun: z._default(z.boolean(), true),
  confirmHash: z.optional(z.string().check(z.maxLength(64), z.regex(/^[0-9a-f]{64}$/))),
});
