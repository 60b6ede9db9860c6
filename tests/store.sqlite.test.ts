/**
 * The store contract against the SQLite adapter: in memory, and once on a WAL file so the
 * file-backed path (parent folder creation, journal mode, migrations on open) is exercised too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../cloudfunctions/core/sqlite.migrations';
import { createSqliteStore } from '../cloudfunctions/core/sqlite.store';
import { storeContract } from './store.contract';

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
