/**
 * Field problems as data: where (the dotted path the wire keys `fields` by), what (a closed
 * code) and the bounds the wording needs. zod's issues map onto these codes here; the Chinese
 * words for them live in one table in messages.zh-CN.ts. A field issue never holds the input.
 */
import type { z } from 'zod';

export const FIELD_ISSUE_CODES = [
  'required',
  'wrong_type',
  'not_integer',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'bad_format',
  'bad_option',
  'unknown_field',
  'invalid',
] as const;

export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** One field's problem: its path, its code and, for a size limit, the bound. */
export type FieldIssue = { path: string; code: FieldIssueCode; params?: { min?: number; max?: number } };

/** The dotted path of an issue, as the wire's `fields` keys it; `_` is the input as a whole. */
export const issuePath = (path: readonly PropertyKey[] | undefined): string => (path ?? []).map(String).join('.') || '_';

/** The size codes by what was measured: characters of a text, entries of a list, or else a number's value. */
const SIZE_CODES = new Map<string, { min: FieldIssueCode; max: FieldIssueCode }>([
  ['string', { min: 'too_short', max: 'too_long' }],
  ['array', { min: 'too_few', max: 'too_many' }],
  ['set', { min: 'too_few', max: 'too_many' }],
]);
const NUMBER_CODES = { min: 'too_small', max: 'too_big' } as const;

const sized = (path: string, origin: string, bound: 'min' | 'max', value: number | bigint): FieldIssue => ({
  path,
  code: (SIZE_CODES.get(origin) ?? NUMBER_CODES)[bound],
  params: { [bound]: Number(value) },
});

/**
 * The field issue of a zod issue (raw, as an error map sees it, or final). The input is only
 * looked at to tell a missing or blank value from a wrong one; it is never copied.
 */
export const fieldIssueOf = (issue: z.core.$ZodRawIssue | z.core.$ZodIssue): FieldIssue => {
  const path = issuePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { path, code: 'required' };
      return { path, code: issue.expected === 'int' && typeof issue.input === 'number' ? 'not_integer' : 'wrong_type' };
    case 'too_small':
      // a text trimmed to nothing was left blank, whatever its minimum length
      if (issue.origin === 'string' && issue.input === '') return { path, code: 'required' };
      return sized(path, issue.origin, 'min', issue.minimum);
    case 'too_big':
      return sized(path, issue.origin, 'max', issue.maximum);
    case 'invalid_format':
      return { path, code: 'bad_format' };
    case 'invalid_value':
      return { path, code: 'bad_option' };
    case 'unrecognized_keys':
      return { path, code: 'unknown_field' };
    default:
      return { path, code: 'invalid' };
  }
};
