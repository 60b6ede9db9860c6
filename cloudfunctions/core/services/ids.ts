/**
 * Ids and slip codes. Kept out of shared/ (which takes ids as inputs).
 *
 * An id starts with the time it was made, so ids made later sort later (as UUIDv7 does): new
 * rows then land at the end of every index keyed by id instead of on a random page, which
 * halves what a SQLite commit rewrites. The 20 random hex digits after the time keep an id
 * unguessable (an upload's id is its only key in local mode).
 */
import { randomBytes, randomUUID } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Milliseconds in base 36 fill 9 digits until the year 5188. */
const TIME_DIGITS = 9;

/** A unique id with a readable prefix, made at `at`, e.g. req-mgx3k2p0a2f1c...; later ids sort later. */
export const newId = (prefix: string, at: Date): string =>
  `${prefix}-${Math.max(0, at.getTime()).toString(36).padStart(TIME_DIGITS, '0')}${randomUUID().replace(/-/g, '').slice(0, 20)}`;

// random bytes drawn in batches: one system call per slip code was most of a code's cost
let pool = Buffer.alloc(0);
let drawn = 0;
const randomByte = (): number => {
  if (drawn >= pool.length) {
    pool = randomBytes(512);
    drawn = 0;
  }
  return pool[drawn++];
};

/** A code of `length` characters without look-alike ones; the alphabet has 32 letters, so `% 32` keeps it uniform. */
const codeOfLength = (length: number): string => Array.from({ length }, () => CODE_ALPHABET[randomByte() % CODE_ALPHABET.length]).join('');

/** A 6-character code for handoff slips, without look-alike characters (32 letters: no modulo bias). */
export const newCode = (): string => codeOfLength(6);

/** An 8-character one-time invitation code (32^8, about 10^12 codes), without look-alike characters. */
export const newInviteCode = (): string => codeOfLength(8);

/** A random secret for signing tokens and keyed hashes. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
