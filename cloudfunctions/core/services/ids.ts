/**
 * Random ids and slip codes. Kept out of shared/ (which takes ids as inputs).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chinaCompactDateOf } from '../../../shared/china.time';
import { nowIso, type CtxWith } from './context';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A unique id with a readable prefix, e.g. req-2f1c... */
export const newId = (prefix: string): string => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 20)}`;

/** A 6-character code for handoff slips, without look-alike characters. */
export const newCode = (): string => [...randomBytes(6)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');

/** A random secret for signing tokens and keyed hashes. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A new request's tracking number: ZC, the China date, and a slip code (what a resident reads out on the phone). */
export const newTrackingNo = (ctx: CtxWith<'now' | 'newCode'>): string => `ZC${chinaCompactDateOf(nowIso(ctx))}${ctx.deps.newCode()}`;
