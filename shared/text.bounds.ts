/**
 * How long a text the contract carries may be. Every string in a schema is bounded (a test
 * walks the API and fails on one that is not), so no caller can store a megabyte in a name.
 */
import { z } from 'zod';

/** Maximum lengths, in characters, by what the text is. */
export const TEXT_MAX = {
  /** ids of records, centers, users (an OPENID is 28) and keys */
  id: 80,
  /** short codes: item codes, tracking numbers, action names */
  code: 40,
  /** a masked name, ID or phone */
  masked: 40,
  /** names and labels: a person, a center, an item, a material */
  name: 100,
  /** a line: an address, opening hours, a fee, a department, a title */
  line: 200,
  /** a reason, a note, a comment */
  note: 500,
  /** longer text: a condition, an explanation, a notice body, a form answer */
  text: 2000,
  /** a storage file id (a cloud path can be long) */
  fileId: 500,
  /** a signed token */
  token: 1000,
} as const;

/** A string of at most `TEXT_MAX[kind]` characters. */
export const text = (kind: keyof typeof TEXT_MAX) => z.string().max(TEXT_MAX[kind]);
