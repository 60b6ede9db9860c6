/**
 * AES-256-GCM for personal values a clerk must read back in full (a phone to call, a name):
 * a keyed hash cannot be reversed, so these are encrypted under the deployment's phone key.
 * The sealed form is `v1.<iv>.<tag>.<ciphertext>` in base64url, self-describing so a key or
 * scheme change can be told apart later.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const SCHEME = 'v1';

/** Encrypts a short text under a 32-byte key; each call draws a fresh 12-byte IV. */
export const sealText = (plain: string, key: Buffer): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [SCHEME, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
};

/** Decrypts what `sealText` made; a wrong key or a tampered value throws (a bug, not user input). */
export const openText = (sealed: string, key: Buffer): string => {
  const [scheme, iv, tag, body] = sealed.split('.');
  if (scheme !== SCHEME || !iv || !tag || body === undefined) throw new Error('personal cipher: not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
};
