/**
 * The keyed hash of an ID number, on its own so a function that only hashes numbers (certify's
 * imports) bundles no phone or name encryption, and so is not given the phone key.
 */
import type { Secrets } from '../services/secrets';
import { keyedHash } from './token';

/** The keyed hash of an ID number (upper-case, as validated). */
export const idHashOf = (ctx: { deps: { secrets: Pick<Secrets, 'idHash'> } }, idNumber: string): string =>
  keyedHash(idNumber.trim().toUpperCase(), ctx.deps.secrets.idHash);
