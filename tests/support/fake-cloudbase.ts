/**
 * A local fake of the CloudBase HTTP API (`POST /admin`), so the CloudBase adapter runs over the
 * wire, through the real @cloudbase/node-sdk, without an account. The wire format was read from
 * @cloudbase/database (document.js, query.js, collection.js, transaction/index.js): every call
 * is a JSON body with an `action`, queries and documents as canonical EJSON strings.
 *
 * Documents live in memory per collection; queries are evaluated by mingo (a MongoDB query
 * engine). Transactions follow MongoDB's model closely enough for optimistic concurrency:
 * writes are buffered and applied on commit, the first transaction to write a document holds
 * it until it ends, and a later writer, or a writer whose snapshot is older than the document,
 * gets DATABASE_TRANSACTION_CONFLICT (which the SDK's runTransaction retries).
 * Unknown actions are logged loudly and recorded in `unknownActions`.
 * `POST /tcapi/<service>` answers the Tencent Cloud API calls of `npm run cloudbase:setup`
 * (collections' indexes and security rules; see fake-cloud-api.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { EJSON, BSONRegExp } from 'bson';
import { aggregate, find, update } from 'mingo';
import { answerCloudApi, type CloudApiState } from './fake-cloud-api';

type Doc = Record<string, unknown> & { _id: string };
type Body = Record<string, unknown> & { action?: string };
type Answer = Record<string, unknown>;
type Stored = { doc: Doc; rev: number };
type Write = { coll: string; id: string; doc: Doc | null };
type Txn = { snapshot: number; writes: Map<string, Write> };

export type FakeCloudbase = {
  port: number;
  url: string;
  /** every action received, with how often, for the wire-format table in docs/stores.md */
  actions: Map<string, number>;
  /** actions the fake does not implement; a test asserts this stays empty */
  unknownActions: string[];
  /** the environment's administration: collections, indexes, security rules (Tencent Cloud API) */
  admin: CloudApiState;
  /** the Tencent Cloud API endpoint, with `{service}` */
  apiEndpoint: string;
  /** drops every document and open transaction (and the interposed step) */
  reset(): void;
  /**
   * Runs before each call is applied, and the call waits for it: a test's way to put another
   * client's work between two steps of the adapter (the call's action, collection and decoded body).
   */
  interpose?: (call: { action: string; collection?: string; data: unknown; query: unknown }) => Promise<void>;
  stop(): Promise<void>;
};

class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const conflict = (what: string) => new WireError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${what}`);

/** EJSON text in, plain values out; BSON regexes become JS regexes mingo understands. */
const decode = (text: unknown): unknown => (typeof text === 'string' && text !== '' ? toPlain(EJSON.parse(text, { relaxed: true })) : {});
const toPlain = (v: unknown): unknown => {
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''));
  if (Array.isArray(v)) return v.map(toPlain);
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
};
const encode = (doc: unknown): string => EJSON.stringify(doc as Parameters<typeof EJSON.stringify>[0], { relaxed: false });
const clone = <T>(v: T): T => structuredClone(v);
const keyOf = (coll: string, id: string) => `${coll}\u0000${id}`;

/** The in-memory database: committed documents with a revision, plus open transactions. */
class FakeDatabase {
  private colls = new Map<string, Map<string, Stored>>();
  private txns = new Map<string, Txn>();
  private locks = new Map<string, string>();
  private seq = 0;

  reset() {
    this.colls.clear();
    this.txns.clear();
    this.locks.clear();
  }

  private coll(name: string) {
    if (!this.colls.has(name)) this.colls.set(name, new Map());
    return this.colls.get(name)!;
  }

  /** The documents a caller sees: committed ones, overlaid with its own transaction's writes. */
  view(coll: string, txnId?: string): Doc[] {
    const docs = new Map([...this.coll(coll)].map(([id, s]) => [id, s.doc]));
    for (const w of this.txn(txnId)?.writes.values() ?? []) {
      if (w.coll !== coll) continue;
      if (w.doc) docs.set(w.id, w.doc);
      else docs.delete(w.id);
    }
    return [...docs.values()];
  }

  txn(txnId?: string): Txn | undefined {
    if (!txnId) return undefined;
    const t = this.txns.get(txnId);
    if (!t) throw new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${txnId} is not open`);
    return t;
  }

  start(): string {
    const id = randomBytes(12).toString('hex');
    this.txns.set(id, { snapshot: this.seq, writes: new Map() });
    return id;
  }

  /** Writes one document, now or (inside a transaction) on commit. */
  write(coll: string, id: string, doc: Doc | null, txnId?: string) {
    const t = this.txn(txnId);
    if (!t) return this.apply({ coll, id, doc });
    const key = keyOf(coll, id);
    const holder = this.locks.get(key);
    if ((holder && holder !== txnId) || (this.coll(coll).get(id)?.rev ?? 0) > t.snapshot) {
      this.end(txnId!);
      throw conflict(`${coll}/${id}`);
    }
    this.locks.set(key, txnId!);
    t.writes.set(key, { coll, id, doc: doc && clone(doc) });
  }

  private apply(w: Write) {
    if (w.doc) this.coll(w.coll).set(w.id, { doc: clone(w.doc), rev: ++this.seq });
    else this.coll(w.coll).delete(w.id);
  }

  commit(txnId: string) {
    const t = this.txns.get(txnId);
    if (!t) throw new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${txnId} is not open`);
    const stale = [...t.writes.values()].find((w) => (this.coll(w.coll).get(w.id)?.rev ?? 0) > t.snapshot);
    this.end(txnId);
    if (stale) throw conflict(`${stale.coll}/${stale.id}`);
    for (const w of t.writes.values()) this.apply(w);
  }

  end(txnId: string) {
    const t = this.txns.get(txnId);
    for (const key of t?.writes.keys() ?? []) if (this.locks.get(key) === txnId) this.locks.delete(key);
    this.txns.delete(txnId);
  }
}

/** The query of a call: `{_id}` for DOC calls, an EJSON filter for WHERE calls. */
const queryOf = (body: Body): Record<string, unknown> => decode(body.query) as Record<string, unknown>;

/** Matching documents in the requested order and window. */
const select = (db: FakeDatabase, body: Body, window = true): Doc[] => {
  const cursor = find(db.view(String(body.collectionName), body.transactionId as string | undefined), queryOf(body));
  const order = decode(body.order) as Record<string, 1 | -1>;
  const sorted = Object.keys(order).length ? cursor.sort(order) : cursor;
  if (!window) return sorted.all() as Doc[];
  const limit = Number(body.limit ?? 100);
  return sorted
    .skip(Number(body.offset ?? 0))
    .limit(limit)
    .all() as Doc[];
};

const newId = () => randomBytes(16).toString('hex');

/** `database.insertDocument`: one or more EJSON documents; a taken `_id` is a duplicate write. */
const insert = (db: FakeDatabase, body: Body): Answer => {
  const coll = String(body.collectionName);
  const docs = (body.data as string[]).map((d) => decode(d) as Doc).map((d) => ({ ...d, _id: String(d._id ?? newId()) }));
  const taken = new Set(db.view(coll, body.transactionId as string | undefined).map((d) => d._id));
  const dup = docs.find((d) => taken.has(d._id));
  if (dup) throw new WireError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${dup._id}" }`);
  for (const d of docs) db.write(coll, d._id, d, body.transactionId as string | undefined);
  return { insertedIds: docs.map((d) => d._id) };
};

/** `database.modifyDocument`: replace (`merge: false`, as doc().set sends) or update operators. */
const modify = (db: FakeDatabase, body: Body): Answer => {
  const coll = String(body.collectionName);
  const txnId = body.transactionId as string | undefined;
  const data = decode(body.data) as Record<string, unknown>;
  const matches = select(db, body, false);
  const targets = body.multi ? matches : matches.slice(0, 1);
  if (!targets.length && body.upsert) return upsert(db, coll, body, data, txnId);
  let updated = 0;
  for (const doc of targets) {
    const next = body.merge === false ? { ...data, _id: doc._id } : clone(doc);
    const changed = body.merge === false ? true : update(next, data as never).length > 0;
    if (!changed) continue;
    db.write(coll, doc._id, next as Doc, txnId);
    updated += 1;
  }
  return { updated, upsert_id: null };
};

const upsert = (db: FakeDatabase, coll: string, body: Body, data: Record<string, unknown>, txnId?: string): Answer => {
  const q = queryOf(body);
  const id = String(q._id ?? newId());
  const doc =
    body.merge === false
      ? { ...data, _id: id }
      : (() => {
          const base: Doc = { _id: id };
          update(base, data as never);
          return base;
        })();
  db.write(coll, id, doc as Doc, txnId);
  return { updated: 0, upsert_id: id };
};

const remove = (db: FakeDatabase, body: Body): Answer => {
  const matches = select(db, body, false);
  const targets = body.multi ? matches : matches.slice(0, 1);
  for (const d of targets) db.write(String(body.collectionName), d._id, null, body.transactionId as string | undefined);
  return { deleted: targets.length };
};

/** The legacy transaction API (Transaction in @cloudbase/database transaction.js). */
const legacyGet = (db: FakeDatabase, body: Body): Answer => {
  const doc = db.view(String(body.collectionName), body.transactionId as string).find((d) => d._id === body._id) ?? null;
  return { data: encode(doc) };
};
const legacyUpdate = (db: FakeDatabase, body: Body): Answer => {
  const coll = String(body.collectionName);
  const current = db.view(coll, body.transactionId as string).find((d) => d._id === body._id);
  const data = decode(body.data) as Record<string, unknown>;
  const next =
    body.upsert || !current
      ? { ...data, _id: String(body._id) }
      : (() => {
          const copy = clone(current);
          update(copy, data as never);
          return copy;
        })();
  db.write(coll, String(body._id), next as Doc, body.transactionId as string);
  return { updated: encode(current ? 1 : 0), upserted: current ? null : JSON.stringify([{ _id: body._id }]) };
};

/**
 * `database.aggregateDocuments`: the pipeline's stages as `{stageKey: '$match', stageValue: EJSON}`,
 * run by mingo over the committed documents (the SDK sends no transaction with an aggregation).
 */
const aggregateDocs = (db: FakeDatabase, body: Body): Answer => {
  const stages = (body.stages as { stageKey: string; stageValue: string }[]).map((s) => ({ [s.stageKey]: decode(s.stageValue) }));
  return { data: { list: aggregate(db.view(String(body.collectionName)), stages).map(encode) } };
};

/** The actions the SDK sends, by name; each answers the `data` part of the response. */
const HANDLERS: Record<string, (db: FakeDatabase, body: Body, fake: FakeCloudbase) => Answer> = {
  'database.getDocument': (db, b) => ({ data: { list: select(db, b).map(encode) } }),
  'database.calculateDocument': (db, b) => ({ data: { total: select(db, b, false).length } }),
  'database.aggregateDocuments': (db, b) => aggregateDocs(db, b),
  'database.insertDocument': (db, b) => ({ data: insert(db, b) }),
  'database.modifyDocument': (db, b) => ({ data: modify(db, b) }),
  'database.removeDocument': (db, b) => ({ data: remove(db, b) }),
  'database.startTransaction': (db) => ({ transactionId: db.start() }),
  'database.commitTransaction': (db, b) => (db.commit(String(b.transactionId)), {}),
  'database.abortTransaction': (db, b) => (db.end(String(b.transactionId)), {}),
  'database.getInTransaction': (db, b) => legacyGet(db, b),
  'database.updateDocInTransaction': (db, b) => legacyUpdate(db, b),
  'database.deleteDocInTransaction': (db, b) => {
    db.write(String(b.collectionName), String(b._id), null, String(b.transactionId));
    return { deleted: encode(1) };
  },
  'database.addCollection': (_db, b, fake) => {
    const name = String(b.collectionName ?? '');
    if (fake.admin.collections.has(name)) throw new WireError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    fake.admin.collections.add(name);
    return {};
  },
  // cloud storage's temporary links (getTempFileURL): a signed-looking URL per private file
  'storage.batchGetDownloadUrl': (_db, b) => ({
    data: {
      download_list: (b.file_list as { fileid: string; max_age?: number }[]).map((f) => ({
        code: 'SUCCESS',
        fileID: f.fileid,
        tempFileURL: `https://fake-storage.local/${encodeURIComponent(f.fileid)}?max_age=${f.max_age ?? 0}&sign=fake`,
      })),
    },
  }),
};

/** Answers one POST /admin body the way the CloudBase gateway does: 200 with `code` on failure. */
function handle(db: FakeDatabase, body: Body, fake: FakeCloudbase): Answer {
  const action = String(body.action);
  fake.actions.set(action, (fake.actions.get(action) ?? 0) + 1);
  const requestId = randomBytes(8).toString('hex');
  const handler = HANDLERS[action];
  if (!handler) {
    fake.unknownActions.push(action);
    console.error(`[fake-cloudbase] UNKNOWN ACTION ${action}: ${JSON.stringify(body).slice(0, 400)}`);
    return { code: 'FAKE_UNKNOWN_ACTION', message: `fake-cloudbase does not implement ${action}`, requestId };
  }
  try {
    if (typeof body.collectionName === 'string' && body.action !== 'database.addCollection') fake.admin.collections.add(body.collectionName);
    return { ...handler(db, body, fake), requestId };
  } catch (e) {
    if (e instanceof WireError) return { code: e.code, message: e.message, requestId };
    console.error(`[fake-cloudbase] ${action} failed`, e);
    return { code: 'SYS_ERR', message: String(e), requestId };
  }
}

const readBody = (req: http.IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** Starts the fake on 127.0.0.1 on a free port. */
export async function startFakeCloudbase(): Promise<FakeCloudbase> {
  const db = new FakeDatabase();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(req);
    const api = url.pathname.match(/^\/tcapi\/([a-z]+)$/);
    if (req.method === 'POST' && api) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(answerCloudApi(fake.admin, api[1], req.headers, text, fake.unknownActions)));
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/admin') {
      console.error(`[fake-cloudbase] UNKNOWN ROUTE ${req.method} ${req.url}`);
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(text || '{}') as Body;
    if (fake.interpose) {
      const collection = typeof body.collectionName === 'string' ? body.collectionName : undefined;
      await fake.interpose({ action: String(body.action), collection, data: decode(body.data), query: decode(body.query) });
    }
    const answer = handle(db, body, fake);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeCloudbase = {
    port,
    url: `http://127.0.0.1:${port}/admin`,
    actions: new Map(),
    unknownActions: [],
    admin: { envId: process.env.TCB_ENV ?? 'zc-test', instanceId: 'tnt-fake0001', collections: new Set(), indexes: new Map(), rules: new Map() },
    apiEndpoint: `http://127.0.0.1:${port}/tcapi/{service}`,
    reset: () => {
      db.reset();
      delete fake.interpose;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
  return fake;
}
