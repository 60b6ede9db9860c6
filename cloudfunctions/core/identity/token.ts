/**
 * Signed development tokens (HMAC-SHA256) for local mode. Never accepted in cloud mode.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenClaims = { sub: string; iat: number; exp: number };

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64url');

/** Issues a token for a user id, valid for `ttlSeconds`. */
export const issueToken = (sub: string, secret: string, nowMs: number, ttlSeconds = 7 * 24 * 3600): string => {
  const body = b64(JSON.stringify({ sub, iat: Math.floor(nowMs / 1000), exp: Math.floor(nowMs / 1000) + ttlSeconds }));
  return `${body}.${sign(body, secret)}`;
};

/** Verifies a token's signature and expiry; answers the claims or null. A token is exactly body.mac: nothing before, between or after. */
export const verifyToken = (token: string, secret: string, nowMs: number): TokenClaims | null => {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [body, mac] = parts;
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    return typeof claims.sub === 'string' && claims.exp > nowMs / 1000 ? claims : null;
  } catch {
    return null;
  }
};

/**
 * A verifier that remembers the tokens it found valid (up to `capacity`), so a busy client's
 * every call does not recompute the HMAC; a remembered token is still refused once it expires.
 */
export const tokenVerifier = (secret: string, capacity = 10_000) => {
  const valid = new Map<string, TokenClaims>();
  return (token: string, nowMs: number): TokenClaims | null => {
    const known = valid.get(token);
    if (known) return known.exp > nowMs / 1000 ? known : null;
    const claims = verifyToken(token, secret, nowMs);
    if (claims) {
      if (valid.size >= capacity) valid.delete(valid.keys().next().value as string);
      valid.set(token, claims);
    }
    return claims;
  };
};

/** Keyed hash of a personal number (ID, phone), so equality checks work without storing it. */
export const keyedHash = (value: string, secret: string): string => createHmac('sha256', secret).update(value).digest('hex');
