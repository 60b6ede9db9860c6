/**
 * The backend's three secrets: the token-signing secret, the ID-hash key and the phone
 * (personal data) encryption key. They never live in the database: whoever holds a copy of
 * the hashes must not also hold the key that lets every candidate number be hashed and tried.
 * - local mode: a key file of their own in the data folder (mode 0600), generated on first
 *   start; a database from before this file moves its `meta` secrets into it (and loses them);
 * - cloud mode: the function's environment (ZC_ID_HASH_KEY, ZC_PHONE_KEY); a function that
 *   hashes or encrypts refuses to start without them.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { newSecret } from './ids';
import type { EnvKey, KeySettings } from './config';
import type { MetaStore } from '../stores/meta.port';

export type Secrets = {
  /** signs development tokens (local mode only) */
  token: string;
  /** keys the hashes of ID numbers and phones */
  idHash: string;
  /** the AES-256-GCM key of phones and names that must be read back (32 bytes) */
  phoneKey: Buffer;
};

/** The key file's name in the data folder. */
export const SECRETS_FILE = 'secrets.json';

/** The `meta` keys where databases before the key file kept their secrets. */
export const LEGACY_META_KEYS = { token: 'tokenSecret', idHash: 'idHashKey' } as const;

const KeyFileSchema = z.object({ tokenSecret: z.string().min(16), idHashKey: z.string().min(16), phoneKey: z.string().regex(/^[0-9a-f]{64}$/) });
type KeyFile = z.infer<typeof KeyFileSchema>;

/** Fresh random secrets (tests, benchmarks, and a first local start). */
export const freshSecrets = (): Secrets => ({ token: newSecret(), idHash: newSecret(), phoneKey: randomBytes(32) });

/** A phone key as configured: 64 hex digits. */
export const phoneKeyOf = (hex: string): Buffer => Buffer.from(hex, 'hex');

/** The secrets a configuration sets explicitly win over the file's or fresh ones. */
const withConfigured = (s: Secrets, keys: KeySettings): Secrets => ({
  token: s.token,
  idHash: keys.idHashKey ?? s.idHash,
  phoneKey: keys.phoneKey ? phoneKeyOf(keys.phoneKey) : s.phoneKey,
});

const toFile = (s: Secrets): KeyFile => ({ tokenSecret: s.token, idHashKey: s.idHash, phoneKey: s.phoneKey.toString('hex') });
const fromFile = (f: KeyFile): Secrets => ({ token: f.tokenSecret, idHash: f.idHashKey, phoneKey: phoneKeyOf(f.phoneKey) });

/** Writes the key file readable by its owner only; a rename, so a crash leaves the old file or the new one. */
const writeKeyFile = (path: string, s: Secrets) => {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(toFile(s), null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
};

const readKeyFile = (path: string): Secrets => {
  const parsed = KeyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(`The key file ${path} is damaged: restore it from its backup (hashes and phones made with it cannot be read without it)`);
  chmodSync(path, 0o600);
  return fromFile(parsed.data);
};

export type LocalSecrets = { secrets: Secrets; file: string; created: boolean; movedFromDatabase: boolean };

/**
 * Local mode: reads the key file in `dataDir`, or creates it. Secrets an older database kept
 * in `meta` are written to the file first (so old tokens and hashes keep working) and only then
 * deleted from the database; a start interrupted in between finishes the move next time.
 */
export const localSecrets = async (dataDir: string, meta: MetaStore, keys: KeySettings = {}): Promise<LocalSecrets> => {
  const file = join(dataDir, SECRETS_FILE);
  const created = !existsSync(file);
  const [legacyToken, legacyHash] = await Promise.all([meta.getMeta(LEGACY_META_KEYS.token), meta.getMeta(LEGACY_META_KEYS.idHash)]);
  if (created) {
    const fresh = freshSecrets();
    writeKeyFile(file, { ...fresh, token: legacyToken ?? fresh.token, idHash: legacyHash ?? fresh.idHash });
  }
  const secrets = readKeyFile(file);
  for (const key of Object.values(LEGACY_META_KEYS)) await meta.deleteMeta(key);
  return { secrets: withConfigured(secrets, keys), file, created, movedFromDatabase: !!(legacyToken || legacyHash) };
};

/** The one start-up line that says where the local secrets are and what to do with them. */
export const secretsWarning = (s: LocalSecrets): string =>
  `warning: local secrets ${s.created ? 'created in' : 'read from'} ${s.file} (mode 0600)${s.movedFromDatabase ? ', moved out of the database' : ''}; ` +
  'back it up apart from the database, never commit or share it, and set ZC_ID_HASH_KEY and ZC_PHONE_KEY in production';

/** The variables of the keys a cloud function may need, with what each is for. */
const KEY_VARIABLES = { ZC_ID_HASH_KEY: 'the ID-hash key', ZC_PHONE_KEY: 'the phone encryption key' } as const;

/**
 * Cloud mode: the keys from the function's environment. A function whose manifest entry reads a
 * key refuses to start without it; keys it does not read are random per instance and never used.
 * The token secret is random too: cloud mode accepts no development token.
 */
export const cloudSecrets = (keys: KeySettings, fn: { name: string; env: readonly EnvKey[] }): Secrets => {
  const missing = (Object.keys(KEY_VARIABLES) as (keyof typeof KEY_VARIABLES)[]).filter(
    (k) => fn.env.includes(k) && !(k === 'ZC_ID_HASH_KEY' ? keys.idHashKey : keys.phoneKey),
  );
  if (missing.length) {
    throw new Error(
      `Cloud function ${fn.name} refuses to start: ${missing.map((k) => `${k} (${KEY_VARIABLES[k]})`).join(' and ')} must be set in its environment`,
    );
  }
  return withConfigured(freshSecrets(), keys);
};
