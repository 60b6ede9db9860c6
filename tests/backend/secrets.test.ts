/**
 * Regression for "the hash key lives beside the hashes": no secret stays in the database; local
 * mode keeps them in a key file of their own (mode 0600), an older database's secrets move there
 * and keep old tokens and hashes working, and a cloud function without its keys refuses to start.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../../cloudfunctions/core/stores/sqlite.store';
import { cloudSecrets, localSecrets, secretsWarning, SECRETS_FILE } from '../../cloudfunctions/core/services/secrets';
import { issueToken, keyedHash, verifyToken } from '../../cloudfunctions/core/identity/token';
import { deployedFunction } from '../../cloudfunctions/functions.manifest';
import { startGateway } from '../../gateway/server';

const tempDir = () => mkdtempSync(join(tmpdir(), 'zc-secrets-'));
const metaRows = (dbPath: string) =>
  new Database(dbPath, { readonly: true })
    .prepare('SELECT key FROM meta')
    .all()
    .map((r) => (r as { key: string }).key);

describe('the secrets never live in the database', () => {
  it('a first local start writes a key file of mode 0600 in the data folder and nothing secret into meta', async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const gw = await startGateway({ dataDir: dir, port: 0, checkOutput: true, schedulerIntervalMs: 0, log: (l) => lines.push(l) });
    await gw.close();
    const file = join(dir, SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(metaRows(join(dir, 'zoucheng.sqlite'))).toEqual(['seededAt']);
    expect(lines.filter((l) => l.startsWith('warning:'))).toHaveLength(1);
    expect(lines.find((l) => l.startsWith('warning:'))).toContain(file);
    const keys = JSON.parse(readFileSync(file, 'utf8'));
    expect(keys.tokenSecret).not.toBe(keys.idHashKey);
    expect(keys.phoneKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a second start reads the same secrets back, so tokens and hashes survive a restart', async () => {
    const dir = tempDir();
    const store = createSqliteStore({ path: join(dir, 'db.sqlite') });
    const first = await localSecrets(dir, store);
    const again = await localSecrets(dir, store);
    await store.close();
    expect(again.created).toBe(false);
    expect(again.secrets).toEqual(first.secrets);
  });

  it('moves the secrets an older database kept in meta into the key file, deletes them there, and keeps old tokens and hashes valid', async () => {
    const dir = tempDir();
    const store = createSqliteStore({ path: join(dir, 'zoucheng.sqlite') });
    await store.setMetaIfAbsent('tokenSecret', 'old-token-secret-0123456789');
    await store.setMetaIfAbsent('idHashKey', 'old-id-hash-key-0123456789');
    const oldToken = issueToken('res-old', 'old-token-secret-0123456789', Date.parse('2026-09-28T01:00:00Z'));
    const moved = await localSecrets(dir, store);
    expect(moved.movedFromDatabase).toBe(true);
    expect(secretsWarning(moved)).toMatch(/moved out of the database/);
    expect(await store.getMeta('tokenSecret')).toBeNull();
    expect(await store.getMeta('idHashKey')).toBeNull();
    await store.close();
    expect(verifyToken(oldToken, moved.secrets.token, Date.parse('2026-09-28T02:00:00Z'))?.sub).toBe('res-old');
    expect(keyedHash('370883198001011234', moved.secrets.idHash)).toBe(keyedHash('370883198001011234', 'old-id-hash-key-0123456789'));
    expect(readFileSync(join(dir, SECRETS_FILE), 'utf8')).toContain('old-id-hash-key-0123456789');
  });

  it('keys set in the environment win over the key file', async () => {
    const dir = tempDir();
    const store = createSqliteStore({ path: ':memory:' });
    const s = await localSecrets(dir, store, { idHashKey: 'configured-hash-key-123', phoneKey: 'ab'.repeat(32) });
    await store.close();
    expect(s.secrets.idHash).toBe('configured-hash-key-123');
    expect(s.secrets.phoneKey.toString('hex')).toBe('ab'.repeat(32));
  });
});

describe('a cloud function without its keys', () => {
  it('refuses to start, naming the missing variables', () => {
    expect(() => cloudSecrets({}, deployedFunction('session'))).toThrow(/session refuses to start: ZC_ID_HASH_KEY .* and ZC_PHONE_KEY/);
    expect(() => cloudSecrets({ idHashKey: 'a-long-enough-secret' }, deployedFunction('requests'))).toThrow(/ZC_PHONE_KEY/);
  });

  it('starts with both keys, and a function that reads neither starts without them', () => {
    const s = cloudSecrets({ idHashKey: 'a-long-enough-secret', phoneKey: 'cd'.repeat(32) }, deployedFunction('clerk'));
    expect(s.idHash).toBe('a-long-enough-secret');
    expect(s.token).not.toBe(s.idHash);
    expect(() => cloudSecrets({}, deployedFunction('directory'))).not.toThrow();
  });
});
