/**
 * The store contract against the SQLite adapter: in memory, and once on a WAL file so the
 * file-backed path (parent folder creation, journal mode, migrations on open) is exercised too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../cloudfunctions/core/stores/sqlite.migrations';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import { storeContract } from './contract/stores.contract';

storeContract('sqlite (memory)', async () => createSqliteStore({ path: ':memory:' }));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-store-'));
let n = 0;
storeContract('sqlite (WAL file)', async () => createSqliteStore({ path: path.join(tmp, `run-${n++}`, 'store.db') }));

describe('sqlite store on a file', () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('opens in WAL mode and records each migration once across reopenings', async () => {
    const file = path.join(tmp, 'reopen', 'store.db');
    await (createSqliteStore({ path: file })).close();
    const again = createSqliteStore({ path: file });
    await again.setMetaIfAbsent('seed', 'v1');
    await again.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').all()).toEqual(MIGRATIONS.map((m) => ({ id: m.id })));
    expect(db.prepare('SELECT value FROM meta').all()).toEqual([{ value: 'v1' }]);
    db.close();
  });

  it('keeps what a closed store wrote', async () => {
    const file = path.join(tmp, 'durable', 'store.db');
    const first = createSqliteStore({ path: file });
    await first.setMetaIfAbsent('secret', 'kept');
    await first.close();
    const second = createSqliteStore({ path: file });
    expect(await second.getMeta('secret')).toBe('kept');
    await second.close();
  });
});

describe('sqlite migrations', () => {
  it('upgrading a store with audit entries fills the center and action columns the day figures read', () => {
    const db = new Database(':memory:');
    migrate(db, '2026-11-01T00:00:00.000Z', MIGRATIONS.filter((m) => m.id <= 2));
    db.prepare('INSERT INTO audit (request_id, at, doc) VALUES (?, ?, ?)').run('req-1', '2026-11-02T01:00:00.000Z', JSON.stringify({ action: 'accept', centerId: 'ts-103' }));
    expect(migrate(db, '2026-11-28T00:00:00.000Z')).toEqual(MIGRATIONS.filter((m) => m.id > 2).map((m) => m.id));
    expect(db.prepare('SELECT center_id, action FROM audit').all()).toEqual([{ center_id: 'ts-103', action: 'accept' }]);
    db.close();
  });
});
