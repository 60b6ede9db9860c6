/**
 * Random ids and slip codes. Kept out of shared/ (which takes ids as inputs).
 */
import { randomBytes, randomUUID } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A unique id with a readable prefix, e.g. req-2f1c... */
export const newId = (prefix: string): string => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 20)}`;

/** A code of `length` characters without look-alike ones; the alphabet has 32 letters, so `% 32` keeps it uniform. */
const codeOfLength = (length: number): string => [...randomBytes(length)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');

/** A 6-character code for handoff slips, without look-alike characters. */
export const newCode = (): string => codeOfLength(6);

/** An 8-character one-time invitation code (32^8, about 10^12 codes), without look-alike characters. */
export const newInviteCode = (): string => codeOfLength(8);

/** A random secret for signing tokens and keyed hashes. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
