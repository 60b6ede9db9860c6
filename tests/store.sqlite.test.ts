/**
 * The store contract against the SQLite adapter: in memory, and once on a WAL file so the
 * file-backed path (parent folder creation, journal mode, migrations on open) is exercised too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../cloudfunctions/core/stores/sqlite.migrations';
import { createSqliteStore, openSqliteDb, sqliteStoreOver } from '../cloudfunctions/core/stores/sqlite.store';
import type { Db } from '../cloudfunctions/core/stores/sqlite.kit';
import type { Stores } from '../cloudfunctions/core/stores/store.port';
import { storeContract } from './contract/stores.contract';
import { sqliteLeak } from './support/slot.leak';
import { makeHandoff, makeRequest } from './support/request.fixture';
import { makeCompany } from './support/directory.fixture';
import { value } from './contract/contract.kit';
import type { CompanyLocation } from '../shared/identity.schema';
import { requestColumns } from '../cloudfunctions/core/stores/store.columns';
import { COUNTER_FIELDS, countersOfAll, sumCounters } from '../shared/indicators.counters';
import { INDICATOR_COLUMNS_V1 } from '../cloudfunctions/core/stores/sqlite.indicators';

/** Each store's own connection, for the contract's leak of a place (changed by hand under the store). */
const connections = new WeakMap<Stores, Db>();
const storeOn = (options: { path: string }): Stores => {
  const db = openSqliteDb(options);
  const store = sqliteStoreOver(db);
  connections.set(store, db);
  return store;
};
const leak = sqliteLeak((store) => connections.get(store)!);

storeContract('sqlite (memory)', async () => storeOn({ path: ':memory:' }), leak);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-store-'));
let n = 0;
storeContract('sqlite (WAL file)', async () => storeOn({ path: path.join(tmp, `run-${n++}`, 'store.db') }), leak);

it("the indicators' table has a column for every counter (a new counter needs a new migration)", () => {
  expect([...INDICATOR_COLUMNS_V1]).toEqual([...COUNTER_FIELDS]);
});

describe('sqlite store on a file', () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('opens in WAL mode and records each migration once across reopenings', async () => {
    const file = path.join(tmp, 'reopen', 'store.db');
    await createSqliteStore({ path: file }).close();
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

/** A store database as an older release left it: the migrations up to and with `lastId` only; a file under the test folder, or in memory. */
const storeAt = (lastId: number, name?: string): Database.Database => {
  const file = name ? path.join(tmp, name, 'store.db') : ':memory:';
  if (name) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  migrate(
    db,
    '2026-11-01T00:00:00.000Z',
    MIGRATIONS.filter((m) => m.id <= lastId),
  );
  return db;
};

describe('sqlite migrations', () => {
  it('upgrading a store with audit entries fills the center and action columns the day figures read', () => {
    const db = storeAt(2);
    db.prepare('INSERT INTO audit (request_id, at, doc) VALUES (?, ?, ?)').run(
      'req-1',
      '2026-11-02T01:00:00.000Z',
      JSON.stringify({ action: 'accept', centerId: 'ts-103' }),
    );
    expect(migrate(db, '2026-11-28T00:00:00.000Z')).toEqual(MIGRATIONS.filter((m) => m.id > 2).map((m) => m.id));
    expect(db.prepare('SELECT center_id, action FROM audit').all()).toEqual([{ center_id: 'ts-103', action: 'accept' }]);
    db.close();
  });

  it('upgrading a store with companies lists the verified ones under their home, as new writes would', async () => {
    const db = storeAt(31, 'upgrade-companies');
    const file = db.name;
    const old = [
      makeCompany({ id: 'co-zone', creditCode: 'A1', location: 'zone', verifiedAt: '2026-10-01T02:00:00Z' }),
      makeCompany({ id: 'co-town', creditCode: 'A2', location: { townshipCode: '107' }, verifiedAt: '2026-10-02T02:00:00.000Z' }),
      makeCompany({ id: 'co-bound', creditCode: 'A3', location: 'zone' }),
    ];
    for (const c of old)
      db.prepare('INSERT INTO companies (id, version, credit_code, doc) VALUES (?, ?, ?, ?)').run(c.id, c.version, c.creditCode, JSON.stringify(c));
    db.close();
    const store = createSqliteStore({ path: file });
    const ids = async (location: CompanyLocation) => (await store.listCompanies({ location }, { page: 1, pageSize: 20 })).items.map((c) => c.id);
    expect(await ids('zone')).toEqual(['co-zone']);
    expect(await ids({ townshipCode: '107' })).toEqual(['co-town']);
    value(await store.putCompany(makeCompany({ id: 'co-new', creditCode: 'A4', location: 'zone', verifiedAt: '2026-10-03T02:00:00.000Z' })));
    expect(await ids('zone')).toEqual(['co-new', 'co-zone']);
    await store.close();
  });

  it('upgrading a store with requests fills the scan columns, the path rows and the queue counters as new writes would', async () => {
    const db = storeAt(3, 'upgrade');
    const file = db.name;
    const old = [
      makeRequest({
        id: 'r-acc',
        idempotencyKey: 'a',
        state: 'accepted',
        holderCenterId: 't-001',
        acceptedAt: '2026-03-02T01:00:00.000Z',
        deadline: '2026-03-09T15:59:59.999Z',
        overdue: true,
      }),
      makeRequest({
        id: 'r-ho',
        idempotencyKey: 'b',
        state: 'in_transit',
        holderCenterId: 't-001',
        handoffs: [makeHandoff({ sentAt: '2026-03-02T02:00:00Z' })],
      }),
      makeRequest({
        id: 'r-closed',
        idempotencyKey: 'c',
        state: 'closed',
        holderCenterId: 't-001',
        decision: { outcome: 'approved', reasons: '符合', by: 'c', at: '2026-03-03T01:00:00.000Z' },
        rating: { level: '非常不满意', comment: '', at: '2026-03-04T01:00:00.000Z' },
        rectification: { openedAt: '2026-03-04T01:00:00.000Z', deadline: '2026-03-25T01:00:00Z', state: 'open' },
      }),
    ];
    for (const r of old) {
      const c = requestColumns(r);
      db.prepare(
        `INSERT INTO requests (id, version, applicant_user_id, company_id, state, holder_center_id, queue, overdue, submitted_at, idempotency_key, handoff_code, doc)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        r.id,
        r.version,
        c.applicantUserId,
        c.companyId,
        r.state,
        r.holderCenterId,
        c.queue,
        c.overdue ? 1 : 0,
        r.submittedAt,
        r.idempotencyKey,
        c.handoffCode,
        JSON.stringify(r),
      );
      for (const center of c.pathCenters) db.prepare('INSERT INTO request_centers (request_id, center_id) VALUES (?, ?)').run(r.id, center);
    }
    db.close();
    const store = createSqliteStore({ path: file });
    const walk = async (line: 'deadline' | 'handoffSentAt' | 'changedAt') =>
      (await store.listByClock({ line, from: null, to: null }, null, 10)).requests.map((r) => r.id);
    expect(await walk('deadline')).toEqual(['r-acc']);
    expect(await walk('handoffSentAt')).toEqual(['r-ho']);
    expect((await walk('changedAt')).sort()).toEqual(['r-acc', 'r-ho']);
    expect(await store.countQueues('t-001')).toEqual({ precheck: 0, incoming: 1, accept: 0, paused: 0, decide: 1, deliver: 0, overdue: 1, rectify: 1 });
    expect((await store.listQueue('v-001', 'overdue', { page: 1, pageSize: 20 })).items.map((r) => r.id)).toEqual(['r-acc']);
    // migration 14 counted the indicators' cells from the stored requests, and found the open case by its deadline
    const cells = await store.countersByDay({ from: '2000-01-01', to: '2100-12-31' });
    const expected = countersOfAll(old);
    expect(cells.map((c) => c.day)).toEqual([...new Set(expected.map((c) => c.day))].sort());
    expect(sumCounters(cells.map((c) => c.counters))).toEqual(sumCounters(expected.map((c) => c.counters)));
    expect(await store.lateRectifications('2026-03-26T00:00:00.000Z')).toEqual([{ centerId: 'v-001', n: 1 }]);
    await store.close();
  });
});
