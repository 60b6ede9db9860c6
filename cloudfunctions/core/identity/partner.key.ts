/**
 * Partner API keys for Open311: random, shown once when issued, stored only as a hash.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Where a key starts, so a leaked one is easy to recognise in logs and code. */
export const API_KEY_PREFIX = 'zc311_';

/** A fresh key: 32 random bytes, base64url, after the prefix. */
export const newApiKey = (): string => `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;

/** The stored form of a key: SHA-256 suffices, since a 256-bit random key cannot be guessed from it. */
export const apiKeyHash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** The part of a key the administrator's list may show. */
export const apiKeyPrefixOf = (key: string): string => key.slice(0, API_KEY_PREFIX.length + 4);

/** The user id under which a partner files for residents, so its requests list with one indexed filter. */
export const partnerApplicantId = (partnerId: string): string => `partner-${partnerId}`;
