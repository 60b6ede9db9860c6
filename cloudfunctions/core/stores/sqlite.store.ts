/**
 * The SQLite adapter of every store port: the embedded default for local runs and single-server
 * pilots. better-sqlite3 is synchronous, so every method runs to completion before the next one
 * starts; the conditional writes still check `version` because a stale copy may come from an
 * earlier read by another caller. Requests live in sqlite.requests.ts, their counters in
 * sqlite.counts.ts, the shared helpers in sqlite.kit.ts.
 *
 * Durability: WAL with synchronous = NORMAL. A commit is in the WAL file (the operating system's
 * cache) before the call returns, so a killed process loses nothing it acknowledged; a power
 * loss or kernel crash can lose the commits since the last checkpoint (docs/stores.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Center } from '../../../shared/directory.schema';
import type { Item } from '../../../shared/catalogue.schema';
import type { SynonymSet } from '../../../shared/search.schema';
import type { AuditEntry } from '../../../shared/request.schema';
import { migrate } from './sqlite.migrations';
import { Rollback, allDocs, cond, getDoc, violates, likeOf, pageQuery, prepared, versioned, where, type Db, type Where } from './sqlite.kit';
import { companyStores, companyWriter, memberWriter } from './sqlite.company';
import { requestStore, requestWrites } from './sqlite.requests';
import { indicatorStore } from './sqlite.indicators';
import { certifyStore } from './sqlite.certify';
import { assertNextVersion, homeKeyOf } from './store.columns';
import type { AuditStore } from './audit.port';
import type { CenterFilter, DirectoryStore, ItemFilter } from './directory.port';
import type { MetaStore } from './meta.port';
import type { OutboxRecord, OutboxStore, Recipient } from './outbox.port';
import type { IntakeRecord, PartnerRecord, PartnerStore } from './partner.port';
import type { Stores } from './store.port';
import type { CompanyRecord, UserRecord, UserStore } from './user.port';
import type { InviteStore } from './invite.port';
import type { CalendarStore } from './calendar.port';
import type { CatalogueChange, CatalogueStore, ImportRecord } from './catalogue.port';
import type { CalendarYear } from '../../../shared/calendar.entry';
import type { Invite } from '../../../shared/invite.schema';
import type { CompanyMember } from '../../../shared/company.schema';
import { bookingStore } from './sqlite.bookings';

export type SqliteStoreOptions = { path: string; busyTimeoutMs?: number };

/** Opens the database, making the parent folder of a file path, and brings the schema up to date. */
export const openSqliteDb = (options: SqliteStoreOptions): Db => {
  const memory = options.path === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  if (!memory) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('synchronous = NORMAL');
  migrate(db, new Date().toISOString());
  return db;
};

/** Writes one center or one item (with its life events) from its stored JSON, as upserts and imports do. */
const directoryWriters = (db: Db) => {
  const putCenter = prepared(
    db,
    `INSERT INTO centers (id, kind, township_code, name, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, township_code = excluded.township_code, name = excluded.name, doc = excluded.doc`,
  );
  const putItem = prepared(
    db,
    `INSERT INTO items (code, level, audience, name, doc) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET level = excluded.level, audience = excluded.audience, name = excluded.name, doc = excluded.doc`,
  );
  const clearEvents = prepared(db, 'DELETE FROM item_life_events WHERE code = ?');
  const putEvent = prepared(db, 'INSERT INTO item_life_events (life_event, code) VALUES (?, ?)');
  return {
    center(doc: string) {
      const c = JSON.parse(doc) as Center;
      putCenter.run(c.id, c.kind, c.townshipCode, c.name, doc);
    },
    item(doc: string) {
      const i = JSON.parse(doc) as Item;
      putItem.run(i.code, i.level, i.audience, i.name, doc);
      clearEvents.run(i.code);
      for (const e of new Set(i.lifeEvents)) putEvent.run(e, i.code);
    },
  };
};

/** The directory and the catalogue: bulk upserts and filtered pages. */
const directoryStore = (db: Db): DirectoryStore => {
  const write = directoryWriters(db);
  const upsertCenters = db.transaction((centers: Center[]) => {
    for (const c of centers) write.center(JSON.stringify(c));
  });
  const upsertItems = db.transaction((items: Item[]) => {
    for (const i of items) write.item(JSON.stringify(i));
  });
  return {
    getCenter: async (id) => getDoc<Center>(db, 'SELECT doc FROM centers WHERE id = ?', id),
    listCenters: async (f, page) => pageQuery<Center>(db, 'centers', centerWhere(f), 'id', page),
    allCenters: async () => allDocs<Center>(db, 'SELECT doc FROM centers ORDER BY id'),
    upsertCenters: async (centers) => upsertCenters(centers),
    getItem: async (code) => getDoc<Item>(db, 'SELECT doc FROM items WHERE code = ?', code),
    searchItems: async (f, page) => pageQuery<Item>(db, 'items', itemWhere(f), 'code', page),
    allItems: async () => allDocs<Item>(db, 'SELECT doc FROM items ORDER BY code'),
    upsertItems: async (items) => upsertItems(items),
    ...synonymStore(db),
  };
};

/** The synonym set is one versioned JSON value in `meta`, written only if its version still matches. */
const synonymStore = (db: Db): Pick<DirectoryStore, 'getSynonyms' | 'putSynonyms'> => {
  const KEY = 'synonyms';
  const read = () => (db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined)?.value;
  return {
    getSynonyms: async () => {
      const value = read();
      return value ? (JSON.parse(value) as SynonymSet) : null;
    },
    putSynonyms: async (set, expectedVersion) => {
      const value = JSON.stringify(set);
      if (expectedVersion === undefined) {
        assertNextVersion('synonyms', set.version, 0);
        const created = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(KEY, value).changes === 1;
        return created ? ok(set) : fail('CONFLICT', undefined, 'synonyms exist already');
      }
      assertNextVersion('synonyms', set.version, expectedVersion);
      const changed = db.prepare("UPDATE meta SET value = ? WHERE key = ? AND json_extract(value, '$.version') = ?").run(value, KEY, expectedVersion).changes;
      if (changed === 1) return ok(set);
      return read() ? fail('CONFLICT', undefined, 'synonyms') : fail('NOT_FOUND', undefined, 'synonyms');
    },
  };
};

/** Builds the WHERE clause for a center listing. */
const centerWhere = (f: CenterFilter): Where =>
  where([cond(f.kind, 'kind = ?'), cond(f.townshipCode, 'township_code = ?'), cond(f.q, "name LIKE ? ESCAPE '\\'", [likeOf(f.q ?? '')])]);

/** Builds the WHERE clause for an item search. */
const itemWhere = (f: ItemFilter): Where =>
  where([
    cond(f.level, 'level = ?'),
    cond(f.audience, 'audience = ?'),
    cond(f.q, "(name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\')", [likeOf(f.q ?? ''), likeOf(f.q ?? '')]),
    cond(f.lifeEvent, 'code IN (SELECT code FROM item_life_events WHERE life_event = ?)'),
    f.codes ? { sql: `code IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(f.codes)] } : null,
  ]);

/** The users table's writer: the ID hash (unique), role and center are columns, so people list by center. */
const userWriter = (db: Db) =>
  versioned<UserRecord>(
    db,
    'users',
    ['id_hash', 'role', 'center_id'],
    (u) => [u.idHash ?? null, u.role, u.centerId ?? null],
    (e) => (violates(e, 'users.id_hash') ? fail('ID_ALREADY_BOUND', { idNumber: 'ID_ALREADY_BOUND' }) : null),
  );

/** Users and companies, each a versioned table. */
const userStore = (db: Db, putUser: ReturnType<typeof userWriter>): UserStore => {
  const putCompany = companyWriter(db);
  return {
    getUser: async (id) => getDoc<UserRecord>(db, 'SELECT doc FROM users WHERE id = ?', id),
    listUsers: async (f, page) => pageQuery<UserRecord>(db, 'users', where([cond(f.role, 'role = ?'), cond(f.centerId, 'center_id = ?')]), 'id', page),
    putUser: async (user, expectedVersion) => putUser(user, expectedVersion),
    findUserByIdHash: async (idHash) => getDoc<UserRecord>(db, 'SELECT doc FROM users WHERE id_hash = ?', idHash),
    getCompany: async (id) => getDoc<CompanyRecord>(db, 'SELECT doc FROM companies WHERE id = ?', id),
    findCompanyByCreditCode: async (code) => getDoc<CompanyRecord>(db, 'SELECT doc FROM companies WHERE credit_code = ? ORDER BY id LIMIT 1', code),
    putCompany: async (company, expectedVersion) => putCompany(company, expectedVersion),
    listCompanies: async (f, page) =>
      pageQuery<CompanyRecord>(
        db,
        'companies',
        where([
          { sql: 'home_key = ? AND verified_at IS NOT NULL', params: [homeKeyOf(f.location)] },
          cond(f.q, "(json_extract(doc, '$.name') LIKE ? ESCAPE '\\' OR credit_code LIKE ? ESCAPE '\\')", [likeOf(f.q ?? ''), likeOf(f.q ?? '')]),
        ]),
        'verified_at DESC, id',
        page,
      ),
    // a scan of the users table: it runs only when a company is bound, rarely enough to need no index
    countCompanyMembers: async (companyId) =>
      (prepared(db, "SELECT COUNT(*) AS n FROM users WHERE json_extract(doc, '$.companyId') = ?").get(companyId) as { n: number }).n,
  };
};

/** The outbox table: its writer (used inside a request step) and the port over it. */
const outboxTable = (db: Db) => {
  const put = versioned<OutboxRecord>(db, 'outbox', ['state', 'to_user_id', 'to_center_id', 'to_role', 'created_at'], (m) => [
    m.state,
    m.to.userId ?? null,
    m.to.centerId ?? null,
    m.to.role ?? null,
    m.createdAt,
  ]);
  const addressed = (to: Recipient, ...more: Where[]): Where =>
    where([cond(to.userId, 'to_user_id = ?'), cond(to.centerId, 'to_center_id = ?'), cond(to.role, 'to_role = ?'), ...more]);
  const markOne = prepared(db, 'INSERT INTO outbox_reads (user_id, message_id, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const markTx = db.transaction((userId: string, ids: string[], at: string) => ids.reduce((n, id) => n + markOne.run(userId, id, at).changes, 0));
  const port: OutboxStore = {
    listOutbox: async (to, page) => pageQuery<OutboxRecord>(db, 'outbox', addressed(to), 'created_at DESC, id', page),
    pendingOutbox: async (limit) => allDocs<OutboxRecord>(db, "SELECT doc FROM outbox WHERE state = 'pending' ORDER BY created_at, id LIMIT ?", limit),
    addOutbox: async (message) => put(message),
    updateOutbox: async (message, expectedVersion) => put(message, expectedVersion),
    markRead: async (userId, to, ids, at) => {
      const w = addressed(to, { sql: 'id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] });
      const mine = prepared(db, `SELECT id FROM outbox ${w.sql}`).all(...w.params) as { id: string }[];
      return markTx(
        userId,
        mine.map((m) => m.id),
        at,
      );
    },
    readIds: async (userId, ids) =>
      (
        prepared(db, 'SELECT message_id FROM outbox_reads WHERE user_id = ? AND message_id IN (SELECT value FROM json_each(?))').all(
          userId,
          JSON.stringify(ids),
        ) as { message_id: string }[]
      ).map((r) => r.message_id),
    countUnread: async (to, userId) => {
      const w = addressed(to, { sql: 'NOT EXISTS (SELECT 1 FROM outbox_reads r WHERE r.user_id = ? AND r.message_id = outbox.id)', params: [userId] });
      return (prepared(db, `SELECT COUNT(*) AS n FROM outbox ${w.sql}`).get(...w.params) as { n: number }).n;
    },
  };
  return { put, port };
};

/** Writes audit entries; a request step calls it inside its transaction. */
const auditWriter = (db: Db) => {
  const putAudit = prepared(db, 'INSERT INTO audit (request_id, at, center_id, action, actor_user_id, doc) VALUES (?, ?, ?, ?, ?, ?)');
  return (audit: AuditEntry[]) => {
    for (const a of audit) putAudit.run(a.requestId ?? null, a.at, a.centerId ?? null, a.action, a.actor.userId, JSON.stringify(a));
  };
};

/** The audit trail of reads and actions that change no request, and a center's counts of the day. */
const auditStore = (db: Db, writeAudit: (audit: AuditEntry[]) => void): AuditStore => ({
  appendAudit: async (entry) => writeAudit([entry]),
  searchAudit: async (f, page) =>
    pageQuery<AuditEntry>(
      db,
      'audit',
      where([
        cond(f.actorId, 'actor_user_id = ?'),
        cond(f.centerId, 'center_id = ?'),
        cond(f.requestId, 'request_id = ?'),
        cond(f.from, 'at >= ?'),
        cond(f.to, 'at <= ?'),
      ]),
      'at DESC, seq DESC',
      page,
    ),
  countActionsSince: async (centerId, since, actions) => {
    const rows = prepared(
      db,
      `SELECT action, COUNT(*) AS n FROM audit WHERE center_id = ? AND at >= ?
      AND action IN (SELECT value FROM json_each(?)) GROUP BY action`,
    ).all(centerId, since, JSON.stringify(actions)) as { action: string; n: number }[];
    return Object.fromEntries(actions.map((a) => [a, rows.find((r) => r.action === a)?.n ?? 0]));
  },
  // write order stands for time: entries are appended as they happen
  auditByActor: async (userId, page) => pageQuery<AuditEntry>(db, 'audit', { sql: 'WHERE actor_user_id = ?', params: [userId] }, 'seq DESC', page),
});

/** Open311 partners (a taken key hash is a DUPLICATE too) and their deferred filings, each a versioned table. */
const partnerStore = (db: Db): PartnerStore => {
  const putPartner = versioned<PartnerRecord>(db, 'partners', ['key_hash', 'created_at'], (p) => [p.keyHash, p.createdAt]);
  const putIntake = versioned<IntakeRecord>(db, 'intakes', ['partner_id', 'state', 'created_at'], (i) => [i.partnerId, i.state, i.createdAt]);
  return {
    getPartner: async (id) => getDoc<PartnerRecord>(db, 'SELECT doc FROM partners WHERE id = ?', id),
    findPartnerByKeyHash: async (hash) => getDoc<PartnerRecord>(db, 'SELECT doc FROM partners WHERE key_hash = ?', hash),
    listPartners: async (page) => pageQuery<PartnerRecord>(db, 'partners', where([]), 'created_at, id', page),
    putPartner: async (partner, expectedVersion) => putPartner(partner, expectedVersion),
    getIntake: async (token) => getDoc<IntakeRecord>(db, 'SELECT doc FROM intakes WHERE id = ?', token),
    putIntake: async (intake, expectedVersion) => putIntake(intake, expectedVersion),
    pendingIntakes: async (limit) => allDocs<IntakeRecord>(db, "SELECT doc FROM intakes WHERE state = 'pending' ORDER BY created_at, id LIMIT ?", limit),
  };
};

/** Invitations: versioned rows, and the redeem that writes the invitation and its holder together. */
const inviteStore = (db: Db, putUser: ReturnType<typeof userWriter>): InviteStore => {
  const put = versioned<Invite>(db, 'invites', ['state', 'created_at'], (i) => [i.state, i.createdAt]);
  const putMember = memberWriter(db);
  const redeemTx = db.transaction((next: Invite, expected: number, user: UserRecord, expectedUser?: number, member?: CompanyMember) => {
    const invite = put(next, expected);
    if (!invite.ok) throw new Rollback(invite);
    const holder = putUser(user, expectedUser);
    if (!holder.ok) throw new Rollback(holder);
    const joined = member ? putMember(member) : null;
    if (joined && !joined.ok) throw new Rollback(joined);
    return ok({ invite: invite.value, user: holder.value });
  });
  return {
    createInvite: async (invite) => put(invite),
    getInvite: async (id) => getDoc<Invite>(db, 'SELECT doc FROM invites WHERE id = ?', id),
    listInvites: async (f, page) => pageQuery<Invite>(db, 'invites', where([cond(f.state, 'state = ?')]), 'created_at DESC, id', page),
    updateInvite: async (next, expected) => put(next, expected),
    redeemInvite: async (next, expected, user, expectedUser, member) => {
      try {
        return redeemTx(next, expected, user, expectedUser, member);
      } catch (e) {
        if (e instanceof Rollback) return e.result;
        throw e;
      }
    },
  };
};

/** Entered holiday schedules: one versioned row a year. */
const calendarStore = (db: Db): CalendarStore => {
  const put = versioned<CalendarYear>(db, 'calendar_years', ['year'], (y) => [y.year]);
  return {
    listCalendarYears: async () => allDocs<CalendarYear>(db, 'SELECT doc FROM calendar_years ORDER BY year'),
    putCalendarYear: async (year, expectedVersion) => put(year, expectedVersion),
  };
};

/**
 * Imports: the replaced lists are swapped in one transaction, and the stored JSON of the lists
 * before it is kept with the record, so an undo writes back exactly the bytes that were there.
 */
const catalogueStore = (db: Db): CatalogueStore => {
  const write = directoryWriters(db);
  const docsOf = (table: 'centers' | 'items') => (prepared(db, `SELECT doc FROM ${table} ORDER BY rowid`).all() as { doc: string }[]).map((r) => r.doc);
  const replace = (table: 'centers' | 'items', docs: string[]) => {
    prepared(db, `DELETE FROM ${table}`).run();
    for (const d of docs) (table === 'centers' ? write.center : write.item)(d);
  };
  const insert = prepared(db, 'INSERT INTO imports (id, at, state, doc, before_centers, before_items) VALUES (?, ?, ?, ?, ?, ?)');
  const apply = db.transaction((change: CatalogueChange, record: ImportRecord) => {
    const before = { centers: change.centers ? JSON.stringify(docsOf('centers')) : null, items: change.items ? JSON.stringify(docsOf('items')) : null };
    if (change.centers)
      replace(
        'centers',
        change.centers.map((c) => JSON.stringify(c)),
      );
    if (change.items)
      replace(
        'items',
        change.items.map((i) => JSON.stringify(i)),
      );
    insert.run(record.id, record.at, record.state, JSON.stringify(record), before.centers, before.items);
    return ok(record);
  });
  const undo = db.transaction((importId: string, by: string, at: string): Result<ImportRecord> => {
    const last = prepared(db, "SELECT doc, before_centers, before_items FROM imports WHERE state = 'applied' ORDER BY seq DESC LIMIT 1").get() as
      { doc: string; before_centers: string | null; before_items: string | null } | undefined;
    if (!last || (JSON.parse(last.doc) as ImportRecord).id !== importId) return fail('CONFLICT', undefined, `import ${importId} is not the last applied`);
    // items first: a center's offers name items, never the reverse
    if (last.before_items !== null) replace('items', JSON.parse(last.before_items) as string[]);
    if (last.before_centers !== null) replace('centers', JSON.parse(last.before_centers) as string[]);
    const undone: ImportRecord = { ...(JSON.parse(last.doc) as ImportRecord), state: 'undone', undoneBy: by, undoneAt: at };
    prepared(db, "UPDATE imports SET state = 'undone', doc = ? WHERE id = ?").run(JSON.stringify(undone), importId);
    return ok(undone);
  });
  return {
    applyImport: async (change, record) => apply(change, record),
    undoImport: async (importId, by, at) => undo(importId, by, at),
    listImports: async (page) => pageQuery<ImportRecord>(db, 'imports', where([]), 'seq DESC', page),
  };
};

/** Small settings: the first value written for a key wins, unless it is replaced on purpose. */
const metaStore = (db: Db): MetaStore => ({
  getMeta: async (key) => (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null,
  setMetaIfAbsent: async (key, value) => {
    prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value);
    return (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
  },
  putMeta: async (key, value) => {
    prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  },
  deleteMeta: async (key) => {
    prepared(db, 'DELETE FROM meta WHERE key = ?').run(key);
  },
});

/** Creates the SQLite store; `path` is a file (WAL mode) or ':memory:'. */
export function createSqliteStore(options: SqliteStoreOptions): Stores {
  return sqliteStoreOver(openSqliteDb(options));
}

/** The store over an open, migrated connection (openSqliteDb); closing the store closes it. */
export function sqliteStoreOver(db: Db): Stores {
  const writeAudit = auditWriter(db);
  const outbox = outboxTable(db);
  const putUser = userWriter(db);
  return {
    ...directoryStore(db),
    ...userStore(db, putUser),
    ...inviteStore(db, putUser),
    ...calendarStore(db),
    ...catalogueStore(db),
    ...requestStore(db, requestWrites(db, writeAudit, outbox.put)),
    ...auditStore(db, writeAudit),
    ...outbox.port,
    ...metaStore(db),
    ...partnerStore(db),
    ...indicatorStore(db),
    ...companyStores(db, outbox.put),
    ...bookingStore(db),
    ...certifyStore(db, writeAudit),
    close: async () => {
      db.close();
    },
  };
}
