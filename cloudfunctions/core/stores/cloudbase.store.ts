/**
 * The CloudBase adapter of every store port (production). Each record is kept as an envelope
 * `{ _id, <indexed fields>, doc }` so queries read top-level fields and answers are `doc` as stored.
 *
 * Atomicity (see docs/stores.md): only `doc()` operations and `add()` join a CloudBase transaction.
 * A request change therefore runs in `runTransaction`: read the request by `doc(id)`, check its
 * version, `set` the new envelope and `add` the audit entries; the server's write conflict on the
 * request document is what makes the version check safe under concurrency. Single-document
 * records (users, companies, outbox) use a conditional `where({ _id, version }).update(...)`.
 */
import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { fail, ok, type Result } from '../../../shared/errors';
import type { SynonymSet } from '../../../shared/search.schema';
import type { AuditEntry, Request } from '../../../shared/request.schema';
import type { QueueName } from '../../../shared/api.schema';
import { OPEN_STATES } from '../../../shared/queue';
import type { ScanRange } from '../../../shared/overdue.lines';
import { QUEUE_NAMES, assertNextVersion, clockColumns, homeKeyOf, offsetOf, repeatedCreate, requestColumns } from './store.columns';
import type { AuditStore } from './audit.port';
import type { DirectoryStore } from './directory.port';
import type { MetaStore } from './meta.port';
import type { OutboxRecord, OutboxStore, Recipient } from './outbox.port';
import type { IntakeRecord, PartnerRecord, PartnerStore } from './partner.port';
import type { ClockCursor, RequestFilter, RequestStore } from './request.port';
import type { Page, PageOf } from './store.page';
import type { Stores } from './store.port';
import type { CompanyFilter, CompanyRecord, UserRecord, UserStore } from './user.port';
import type { InviteStore } from './invite.port';
import { cloudbaseCatalogue, escapeRegExp, type ImportFault } from './cloudbase.catalogue';
import { cloudbaseIndicators, writeCells } from './cloudbase.indicators';
import { counterDelta } from '../../../shared/indicators.counters';
import { addMemberIn, cloudbaseCompanies, companyFields, type CompanyKit } from './cloudbase.company';
import type { CompanyMember } from '../../../shared/company.schema';
import { cloudbaseCertify } from './cloudbase.certify';
import type { CalendarStore } from './calendar.port';
import type { CalendarYear } from '../../../shared/calendar.entry';
import type { Invite } from '../../../shared/invite.schema';
import { cloudbaseBookings } from './cloudbase.bookings';

type App = ReturnType<typeof tcb.init>;
type Db = ReturnType<App['database']>;
/** What a transaction callback gets: collections whose doc() and add() join the transaction. */
type Txn = { collection(name: string): ReturnType<Db['collection']> };
type Query = ReturnType<ReturnType<Db['collection']>['where']>;
type Envelope<T> = { _id: string; doc: T } & Record<string, unknown>;
type Order = [field: string, direction: 'asc' | 'desc'][];

export type CloudbaseStoreOptions = { env?: string; app?: App; /** tests only: stop an import part-way */ importFault?: ImportFault };

/** Carries a domain answer out of a transaction callback, which makes the SDK roll back. */
class Abort<T> extends Error {
  constructor(readonly result: Result<T>) {
    super('aborted');
  }
}

const codeOf = (e: unknown): string => String((e as { code?: unknown })?.code ?? '');
const isTxnConflict = (e: unknown): boolean => codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT';
/** The gateway reports a taken `_id` as DATABASE_DUPLICATE_WRITE, or wraps MongoDB's E11000. */
const isDuplicate = (e: unknown): boolean => codeOf(e) === 'DATABASE_DUPLICATE_WRITE' || /E11000 duplicate key/.test(String((e as Error)?.message ?? ''));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The SDK strips undefined fields in place; hand it a copy so callers' objects stay intact. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const pad = (n: number) => String(n).padStart(6, '0');

/** Audit ids of a request change sort in write order and say which version wrote them. */
export const auditIdOf = (requestId: string, version: number, index: number): string => `${requestId}:${pad(version)}:${pad(index)}`;
/** The idempotency record of (applicant, key); its `_id` is what makes a second create collide. */
export const idempotencyIdOf = (userId: string, key: string): string => `${encodeURIComponent(userId)}:${encodeURIComponent(key)}`;

/**
 * The SDK checks credentials in an un-awaited promise, so a missing key surfaces as an
 * unhandled rejection long after startup. Fail at startup instead, with a plain Error.
 */
export function assertCloudbaseCredentials(env: Record<string, string | undefined> = process.env): void {
  if (!env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY) {
    throw new Error('CloudBase store: TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set (the cloud function runtime sets them)');
  }
}

/** The scan columns of an envelope, by scan line (store.columns `clockColumns`). */
const CLOCK_FIELD: Record<ScanRange['line'], string> = { deadline: 'clockDeadline', handoffSentAt: 'clockHandoff', changedAt: 'changedAt' };

const clockFields = (r: Request) => {
  const c = clockColumns(r);
  return { clockDeadline: c.deadline, clockHandoff: c.handoffSentAt, changedAt: c.changedAt };
};

const requestEnvelope = (r: Request): Envelope<Request> => {
  const c = requestColumns(r);
  return {
    _id: r.id,
    version: r.version,
    state: r.state,
    holderCenterId: r.holderCenterId,
    queue: c.queue,
    overdue: c.overdue,
    submittedAt: r.submittedAt,
    idempotencyKey: r.idempotencyKey,
    applicantUserId: c.applicantUserId,
    companyId: c.companyId,
    handoffCode: c.handoffCode,
    pathCenters: c.pathCenters,
    fileIds: c.fileIds,
    rectifyCenterId: c.rectifyCenterId,
    rectDeadline: c.rectDeadline,
    ...clockFields(r),
    doc: plain(r),
  };
};
const withoutId = <T extends { _id: string }>({ _id, ...rest }: T) => rest;

/** Reads over the SDK: one document, one ordered page with its total, or every match. */
const reader = (db: Db) => {
  const ordered = (q: Query, order: Order): Query => order.reduce((acc, [f, d]) => acc.orderBy(f, d) as Query, q);
  const docsOf = <T>(data: unknown): T[] => (data as Envelope<T>[]).map((e) => e.doc);
  return {
    one: async <T>(coll: string, id: string): Promise<T | null> => {
      const { data } = await db.collection(coll).doc(id).get();
      return ((data as Envelope<T>[])[0]?.doc ?? null) as T | null;
    },
    exists: async (coll: string, id: string): Promise<boolean> => ((await db.collection(coll).doc(id).get()).data as unknown[]).length > 0,
    page: async <T>(coll: string, filter: object, order: Order, page: Page): Promise<PageOf<T>> => {
      const q = db.collection(coll).where(filter);
      const [counted, got] = await Promise.all([q.count(), ordered(q, order).skip(offsetOf(page)).limit(page.pageSize).get()]);
      return { items: docsOf<T>(got.data), total: counted.total as number, page: page.page, pageSize: page.pageSize };
    },
    first: async <T>(coll: string, filter: object, order: Order, limit: number): Promise<T[]> =>
      docsOf<T>((await ordered(db.collection(coll).where(filter), order).limit(limit).get()).data),
    all: async <T>(coll: string, filter: object, order: Order): Promise<T[]> => {
      const out: T[] = [];
      for (let offset = 0; ; offset += 1000) {
        const { data } = await ordered(db.collection(coll).where(filter), order).skip(offset).limit(1000).get();
        out.push(...docsOf<T>(data));
        if ((data as unknown[]).length < 1000) return out;
      }
    },
  };
};

type Read = ReturnType<typeof reader>;

/** The SDK's runTransaction, typed: it retries on DATABASE_TRANSACTION_CONFLICT and rolls back on any throw. */
const inTransaction = <T>(db: Db, work: (t: Txn) => Promise<T>): Promise<T> => db.runTransaction(work) as Promise<T>;

/** Runs `work` over a list with a few calls in flight at once (bulk imports of the directory). */
const inParallel = async <T>(list: T[], width: number, work: (x: T) => Promise<unknown>): Promise<void> => {
  for (let i = 0; i < list.length; i += width) await Promise.all(list.slice(i, i + width).map(work));
};

/** A versioned single-document record: add-or-DUPLICATE, or a conditional update on `version`. */
const versioned =
  <T extends { id: string; version: number }>(db: Db, coll: string, columns: (r: T) => Record<string, unknown>) =>
  async (record: T, expectedVersion?: number): Promise<Result<T>> => {
    const fields = { version: record.version, ...columns(record) };
    if (expectedVersion === undefined) {
      try {
        await db.collection(coll).add({ _id: record.id, ...fields, doc: plain(record) });
        return ok(record);
      } catch (e) {
        if (isDuplicate(e)) return fail('DUPLICATE', undefined, `${coll} ${record.id}`);
        throw e;
      }
    }
    assertNextVersion(coll, record.version, expectedVersion);
    const res = await db
      .collection(coll)
      .where({ _id: record.id, version: expectedVersion })
      .update({ ...fields, doc: db.command.set(plain(record)) });
    if (res.updated === 1) return ok(record);
    const { data } = await db.collection(coll).doc(record.id).get();
    return (data as unknown[]).length ? fail('CONFLICT', undefined, `${coll} ${record.id}`) : fail('NOT_FOUND', undefined, `${coll} ${record.id}`);
  };

/** The queried fields of an audit entry, beside the entry itself in `doc`. */
const auditFields = (a: AuditEntry) => ({
  requestId: a.requestId ?? null,
  at: a.at,
  centerId: a.centerId ?? null,
  action: a.action,
  actorUserId: a.actor.userId,
});

/** The queried fields of an outbox message, beside its whole record in `doc`. */
const outboxFields = (m: OutboxRecord) => ({ state: m.state, ...recipientFields(m.to), createdAt: m.createdAt });
/** A recipient as stored fields, so a list or a read record matches on the same three. */
const recipientFields = (to: Recipient) => ({ toUserId: to.userId ?? null, toCenterId: to.centerId ?? null, toRole: to.role ?? null });
/** The filter of the notices addressed to a recipient (only the parts it names). */
const addressedTo = (to: Recipient) => ({
  ...(to.userId ? { toUserId: to.userId } : {}),
  ...(to.centerId ? { toCenterId: to.centerId } : {}),
  ...(to.role ? { toRole: to.role } : {}),
});
/** Adds a step's notices inside its transaction, one after the other as the SDK's transactions need. */
const addOutbox = async (t: Txn, outbox: OutboxRecord[]): Promise<void> => {
  for (const m of outbox) await t.collection('outbox').add({ _id: m.id, version: m.version, ...outboxFields(m), doc: plain(m) });
};

/** Requests: the idempotent create and the versioned update, each one transaction. */
const requests = (db: Db, read: Read) => {
  const addAudit = async (t: Txn, r: Request, audit: AuditEntry[]) => {
    for (const [i, a] of audit.entries()) {
      await t.collection('audit').add({ _id: auditIdOf(r.id, r.version, i), ...auditFields(a), doc: plain(a) });
    }
  };
  /** The request a key already names, with the body hash stored beside the key. */
  const byKey = async (r: Request): Promise<{ request: Request; bodyHash?: string } | null> => {
    const { data } = await db.collection('idempotency').doc(idempotencyIdOf(r.applicant.userId, r.idempotencyKey)).get();
    const record = (data as { requestId: string; bodyHash?: string }[])[0];
    const request = record ? await read.one<Request>('requests', record.requestId) : null;
    return request ? { request, bodyHash: record.bodyHash ?? undefined } : null;
  };
  const insert = (r: Request, audit: AuditEntry[], outbox: OutboxRecord[]) =>
    inTransaction(db, async (t) => {
      const key = idempotencyIdOf(r.applicant.userId, r.idempotencyKey);
      if ((await t.collection('idempotency').doc(key).get()).data) throw new Abort(fail('CONFLICT'));
      await t.collection('idempotency').add({ _id: key, requestId: r.id, bodyHash: r.idempotencyHash ?? null });
      await t.collection('requests').add(requestEnvelope(r));
      await writeCells(t, counterDelta(null, r), r.id);
      await addAudit(t, r, audit);
      await addOutbox(t, outbox);
    });

  return {
    addAudit,
    /** Retries a lost race until the winner's request is readable, then answers it. */
    async create(r: Request, audit: AuditEntry[], outbox: OutboxRecord[] = []): Promise<Result<{ request: Request; created: boolean }>> {
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const found = await byKey(r);
        if (found) return repeatedCreate(found.request, found.bodyHash, r);
        try {
          await insert(r, audit, outbox);
          return ok({ request: r, created: true });
        } catch (e) {
          if (isDuplicate(e) && !(await byKey(r)) && (await read.exists('requests', r.id))) return fail('DUPLICATE', undefined, `request ${r.id}`);
          if (!(e instanceof Abort) && !isTxnConflict(e) && !isDuplicate(e)) throw e;
          await sleep(5 + Math.random() * 20 * Math.min(attempt + 1, 5));
        }
      }
      throw new Error(`CloudBase store: create of request ${r.id} kept colliding`);
    },
    async update(next: Request, expectedVersion: number, audit: AuditEntry[], outbox: OutboxRecord[] = []): Promise<Result<Request>> {
      assertNextVersion('request', next.version, expectedVersion);
      try {
        return await inTransaction(db, async (t): Promise<Result<Request>> => {
          const ref = t.collection('requests').doc(next.id);
          const current = (await ref.get()).data as Envelope<Request> | null;
          if (!current) throw new Abort(fail('NOT_FOUND', undefined, `request ${next.id}`));
          if (current.version !== expectedVersion) throw new Abort(fail('CONFLICT', undefined, `request ${next.id}`));
          await ref.set(withoutId(requestEnvelope(next)));
          await writeCells(t, counterDelta(current.doc, next), next.id);
          await addAudit(t, next, audit);
          await addOutbox(t, outbox);
          return ok(next);
        });
      } catch (e) {
        if (e instanceof Abort) return e.result as Result<Request>;
        if (isTxnConflict(e)) return fail('CONFLICT', undefined, `request ${next.id}`);
        throw e;
      }
    },
  };
};

const REQUEST_ORDER: Order = [
  ['submittedAt', 'desc'],
  ['_id', 'asc'],
];

/** The filter of a request listing; `throughCenterId` matches any center on the path. */
const requestFilter = (f: RequestFilter) => ({
  ...(f.applicantUserId ? { applicantUserId: f.applicantUserId } : {}),
  ...(f.companyId ? { companyId: f.companyId } : {}),
  ...(f.state ? { state: f.state } : {}),
  ...(f.throughCenterId ? { pathCenters: f.throughCenterId } : {}),
});

/** Which requests belong to a queue at a center; `overdue` looks along the whole path. */
const queueFilter = (centerId: string, queue: QueueName) => {
  if (queue === 'overdue') return { overdue: true, pathCenters: centerId };
  if (queue === 'rectify') return { rectifyCenterId: centerId };
  return { holderCenterId: centerId, queue };
};

/** Opens the SDK, failing at startup when credentials are missing. */
const openDb = (options: CloudbaseStoreOptions): Db => {
  if (options.app) return options.app.database();
  assertCloudbaseCredentials();
  return tcb.init({ env: options.env ?? process.env.TCB_ENV ?? tcb.SYMBOL_CURRENT_ENV }).database();
};

/** The queried fields of a user: the ID hash (kept by its claim), role and center, so people list by center. */
const userFields = (u: UserRecord) => ({ idHash: u.idHash ?? null, role: u.role, centerId: u.centerId ?? null });

/** The synonym set: one versioned document in `meta`, beside the secrets (the rest of the directory is in cloudbase.catalogue.ts). */
const synonymStore = (db: Db, read: Read): Pick<DirectoryStore, 'getSynonyms' | 'putSynonyms'> => {
  const putSynonyms = versioned<SynonymSet>(db, 'meta', () => ({}));
  return {
    getSynonyms: () => read.one<SynonymSet>('meta', 'synonyms'),
    putSynonyms: async (set, expectedVersion) => {
      if (expectedVersion === undefined) assertNextVersion('synonyms', set.version, 0);
      const res = await putSynonyms(set, expectedVersion);
      // a first write that finds the record already made lost a race: the same as a stale version
      return !res.ok && res.error.code === 'DUPLICATE' ? fail('CONFLICT', undefined, 'synonyms exist already') : res;
    },
  };
};

/**
 * A user write with its ID claim, in one transaction: `idClaims/<idHash>` names the one user
 * bound to an ID number. Two binds of one ID both write that claim document, so the server's
 * write conflict lets one commit and the retried other finds the claim taken. A claim whose
 * holder no longer carries the hash (unbound, re-bound) is stale and passes to the new user.
 */
const putUserClaimingId =
  (db: Db) =>
  async (user: UserRecord, expectedVersion?: number): Promise<Result<UserRecord>> => {
    if (expectedVersion !== undefined) assertNextVersion('users', user.version, expectedVersion);
    try {
      return await inTransaction(db, async (t): Promise<Result<UserRecord>> => {
        const ref = t.collection('users').doc(user.id);
        const current = (await ref.get()).data as Envelope<UserRecord> | null;
        if (expectedVersion === undefined && current) throw new Abort(fail('DUPLICATE', undefined, `users ${user.id}`));
        if (expectedVersion !== undefined && !current) throw new Abort(fail('NOT_FOUND', undefined, `users ${user.id}`));
        if (current && current.version !== expectedVersion) throw new Abort(fail('CONFLICT', undefined, `users ${user.id}`));
        const before = current?.doc.idHash;
        if (user.idHash && user.idHash !== before) {
          const claim = (await t.collection('idClaims').doc(user.idHash).get()).data as { userId: string } | null;
          const holder = claim && claim.userId !== user.id ? ((await t.collection('users').doc(claim.userId).get()).data as Envelope<UserRecord> | null) : null;
          if (holder?.doc.idHash === user.idHash) throw new Abort(fail('ID_ALREADY_BOUND', { idNumber: 'ID_ALREADY_BOUND' }));
          await t.collection('idClaims').doc(user.idHash).set({ userId: user.id });
        }
        if (before && before !== user.idHash) await t.collection('idClaims').doc(before).delete();
        await ref.set({ version: user.version, ...userFields(user), doc: plain(user) });
        return ok(user);
      });
    } catch (e) {
      if (e instanceof Abort) return e.result as Result<UserRecord>;
      if (isTxnConflict(e)) return fail('CONFLICT', undefined, `users ${user.id}`);
      throw e;
    }
  };

/** The filter of a home center's list of companies: verified, of the home, `q` in the name or the credit code. */
const companyFilter = (db: Db, f: CompanyFilter) => {
  const _ = db.command;
  const fields = { homeKey: homeKeyOf(f.location), verifiedAt: _.neq(null) };
  if (!f.q) return fields;
  const re = new RegExp(escapeRegExp(f.q), 'i');
  return _.and([fields, _.or([{ 'doc.name': re }, { creditCode: re }])]);
};

/** Users (with their ID claims) and companies, each a versioned single document. */
const userStore = (db: Db, read: Read): UserStore => ({
  getUser: (id) => read.one<UserRecord>('users', id),
  listUsers: (f, page) =>
    read.page<UserRecord>('users', { ...(f.role ? { role: f.role } : {}), ...(f.centerId ? { centerId: f.centerId } : {}) }, [['_id', 'asc']], page),
  putUser: putUserClaimingId(db),
  findUserByIdHash: async (idHash) => {
    const claim = await db.collection('idClaims').doc(idHash).get();
    const userId = (claim.data as { userId: string }[])[0]?.userId;
    const user = userId ? await read.one<UserRecord>('users', userId) : null;
    return user?.idHash === idHash ? user : null;
  },
  getCompany: (id) => read.one<CompanyRecord>('companies', id),
  findCompanyByCreditCode: async (creditCode) => (await read.first<CompanyRecord>('companies', { creditCode }, [['_id', 'asc']], 1))[0] ?? null,
  putCompany: versioned<CompanyRecord>(db, 'companies', companyFields),
  listCompanies: (f, page) =>
    read.page<CompanyRecord>(
      'companies',
      companyFilter(db, f),
      [
        ['verifiedAt', 'desc'],
        ['_id', 'asc'],
      ],
      page,
    ),
  countCompanyMembers: async (companyId) => ((await db.collection('users').where({ 'doc.companyId': companyId }).count()).total as number) ?? 0,
});

/**
 * Requests stored before the scan columns existed get them on the overdue scan's full pass (the
 * first one after an upgrade), written only if the request has not changed since it was read.
 */
const fillClockFields = async (db: Db, envelopes: Envelope<Request>[]): Promise<void> => {
  for (const e of envelopes.filter((x) => !('changedAt' in x))) {
    await db.collection('requests').where({ _id: e._id, version: e.version }).update(clockFields(e.doc));
  }
};

/** One page of a scan range on its indexed field, keyset-paginated on (value, _id). */
const clockPage = async (db: Db, range: ScanRange, after: ClockCursor | null, limit: number) => {
  const _ = db.command;
  const field = CLOCK_FIELD[range.line];
  const bounds = [_.neq(null), ...(range.from !== null ? [_.gte(range.from)] : []), ...(range.to !== null ? [_.lt(range.to)] : [])];
  const inRange = { [field]: _.and(bounds) };
  const filter = after ? _.and([inRange, _.or([{ [field]: _.gt(after.at) }, { [field]: after.at, _id: _.gt(after.id) }])]) : inRange;
  const { data } = await db.collection('requests').where(filter).orderBy(field, 'asc').orderBy('_id', 'asc').limit(limit).get();
  const envelopes = data as Envelope<Request>[];
  const last = envelopes[envelopes.length - 1];
  return { requests: envelopes.map((e) => e.doc), next: envelopes.length === limit && last ? { at: last[field] as string, id: last._id } : null };
};

/** Requests: the transactional writes, the listings and queues, the timeline. */
const requestStore = (db: Db, read: Read): RequestStore => {
  const req = requests(db, read);
  return {
    getRequest: (id) => read.one<Request>('requests', id),
    createRequest: (request, audit, outbox) => req.create(request, audit, outbox),
    updateRequest: (next, expectedVersion, audit, outbox) => req.update(next, expectedVersion, audit, outbox),
    listRequests: (f, page) => read.page<Request>('requests', requestFilter(f), REQUEST_ORDER, page),
    listQueue: (centerId, queue, page) => read.page<Request>('requests', queueFilter(centerId, queue), REQUEST_ORDER, page),
    countQueues: async (centerId) => {
      const totals = await Promise.all(QUEUE_NAMES.map(async (q) => (await db.collection('requests').where(queueFilter(centerId, q)).count()).total as number));
      return Object.fromEntries(QUEUE_NAMES.map((q, i) => [q, totals[i]])) as Record<QueueName, number>;
    },
    findRequestByHandoffCode: async (code) => (await read.first<Request>('requests', { handoffCode: code }, REQUEST_ORDER, 1))[0] ?? null,
    requestsWithFile: (fileId, limit) => read.first<Request>('requests', { fileIds: fileId }, [['_id', 'asc']], limit),
    listOpenRequests: async (afterId, limit) => {
      const { data } = await db
        .collection('requests')
        .where({ _id: db.command.gt(afterId ?? ''), state: db.command.in([...OPEN_STATES]) })
        .orderBy('_id', 'asc')
        .limit(limit)
        .get();
      const envelopes = data as Envelope<Request>[];
      await fillClockFields(db, envelopes);
      return envelopes.map((e) => e.doc);
    },
    listByClock: (range, after, limit) => clockPage(db, range, after, limit),
    timeline: (requestId) =>
      read.all<AuditEntry>('audit', { requestId }, [
        ['at', 'asc'],
        ['_id', 'asc'],
      ]),
  };
};

/** The audit trail of reads and actions that change no request, and a center's counts of the day. */
const auditStore = (db: Db, read: Read): AuditStore => ({
  appendAudit: async (entry) => {
    await db.collection('audit').add({ _id: `${entry.requestId ?? '-'}:${entry.at}:${randomUUID()}`, ...auditFields(entry), doc: plain(entry) });
  },
  searchAudit: (f, page) => {
    const _ = db.command;
    const range = f.from && f.to ? _.gte(f.from).and(_.lte(f.to)) : f.from ? _.gte(f.from) : f.to ? _.lte(f.to) : undefined;
    return read.page<AuditEntry>(
      'audit',
      {
        ...(f.actorId ? { actorUserId: f.actorId } : {}),
        ...(f.centerId ? { centerId: f.centerId } : {}),
        ...(f.requestId ? { requestId: f.requestId } : {}),
        ...(range ? { at: range } : {}),
      },
      [
        ['at', 'desc'],
        ['_id', 'desc'],
      ],
      page,
    );
  },
  auditByActor: (userId, page) =>
    read.page<AuditEntry>(
      'audit',
      { actorUserId: userId },
      [
        ['at', 'desc'],
        ['_id', 'desc'],
      ],
      page,
    ),
  countActionsSince: async (centerId, since, actions) => {
    const counts = await Promise.all(
      actions.map((action) =>
        db
          .collection('audit')
          .where({ centerId, action, at: db.command.gte(since) })
          .count(),
      ),
    );
    return Object.fromEntries(actions.map((a, i) => [a, counts[i].total ?? 0]));
  },
});

/** Notices to send and the in-app list; a request step adds them, this port reads and marks them. */
const outboxStore = (db: Db, read: Read): OutboxStore => {
  const putOutbox = versioned<OutboxRecord>(db, 'outbox', outboxFields);
  return {
    listOutbox: (to, page) =>
      read.page<OutboxRecord>(
        'outbox',
        addressedTo(to),
        [
          ['createdAt', 'desc'],
          ['_id', 'asc'],
        ],
        page,
      ),
    pendingOutbox: (limit) =>
      read.first<OutboxRecord>(
        'outbox',
        { state: 'pending' },
        [
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
        limit,
      ),
    addOutbox: (message) => putOutbox(message),
    updateOutbox: (message, expectedVersion) => putOutbox(message, expectedVersion),
    // one read record per (reader, notice), its `_id` making a second mark collide; it repeats the
    // notice's recipient so the unread count is two counts, not a join the database cannot do
    markRead: async (userId, to, ids, at) => {
      const mine = ids.length ? await read.all<OutboxRecord>('outbox', { ...addressedTo(to), _id: db.command.in(ids) }, [['_id', 'asc']]) : [];
      const marked = await Promise.all(
        mine.map((m) =>
          db
            .collection('outbox_reads')
            .add({ _id: `${encodeURIComponent(userId)}:${m.id}`, userId, messageId: m.id, ...recipientFields(m.to), readAt: at })
            .then(
              () => 1,
              (e: unknown) => {
                if (isDuplicate(e)) return 0;
                throw e;
              },
            ),
        ),
      );
      return marked.reduce((a, b) => a + b, 0);
    },
    readIds: async (userId, ids) => {
      if (!ids.length) return [];
      const { data } = await db
        .collection('outbox_reads')
        .where({ userId, messageId: db.command.in(ids) })
        .limit(1000)
        .get();
      return (data as { messageId: string }[]).map((r) => r.messageId);
    },
    countUnread: async (to, userId) => {
      const [all, seen] = await Promise.all([
        db.collection('outbox').where(addressedTo(to)).count(),
        db
          .collection('outbox_reads')
          .where({ userId, ...addressedTo(to) })
          .count(),
      ]);
      return Math.max(0, (all.total as number) - (seen.total as number));
    },
  };
};

/** The queried fields of an invitation. */
const inviteFields = (i: Invite) => ({ state: i.state, createdAt: i.createdAt });

/** Checks a document read inside a transaction against the version a write expects (undefined: must not exist). */
const expectVersion = (coll: string, id: string, current: Record<string, unknown> | null, expected?: number) => {
  if (expected === undefined && current) throw new Abort(fail('DUPLICATE', undefined, `${coll} ${id}`));
  if (expected !== undefined && !current) throw new Abort(fail('NOT_FOUND', undefined, `${coll} ${id}`));
  if (expected !== undefined && current?.version !== expected) throw new Abort(fail('CONFLICT', undefined, `${coll} ${id}`));
};

/** Invitations: versioned documents; a redeem writes the invitation and its holder in one transaction. */
const inviteStore = (db: Db, read: Read, kit: CompanyKit): InviteStore => {
  const put = versioned<Invite>(db, 'invites', inviteFields);
  const redeem = (next: Invite, expected: number, user: UserRecord, expectedUser?: number, member?: CompanyMember) =>
    inTransaction(db, async (t) => {
      const inviteRef = t.collection('invites').doc(next.id);
      const userRef = t.collection('users').doc(user.id);
      assertNextVersion('invites', next.version, expected);
      if (expectedUser !== undefined) assertNextVersion('users', user.version, expectedUser);
      expectVersion('invites', next.id, (await inviteRef.get()).data as Record<string, unknown> | null, expected);
      expectVersion('users', user.id, (await userRef.get()).data as Record<string, unknown> | null, expectedUser);
      await inviteRef.set({ version: next.version, ...inviteFields(next), doc: plain(next) });
      await userRef.set({ version: user.version, ...userFields(user), doc: plain(user) });
      if (member) await addMemberIn(t, kit, member);
      return ok({ invite: next, user });
    });
  return {
    createInvite: (invite) => put(invite),
    getInvite: (id) => read.one<Invite>('invites', id),
    listInvites: (f, page) =>
      read.page<Invite>(
        'invites',
        f.state ? { state: f.state } : {},
        [
          ['createdAt', 'desc'],
          ['_id', 'asc'],
        ],
        page,
      ),
    updateInvite: (next, expected) => put(next, expected),
    redeemInvite: async (next, expected, user, expectedUser, member) => {
      try {
        return await redeem(next, expected, user, expectedUser, member);
      } catch (e) {
        if (e instanceof Abort) return e.result as Result<{ invite: Invite; user: UserRecord }>;
        if (isTxnConflict(e)) return fail('CONFLICT', undefined, `invite ${next.id}`);
        throw e;
      }
    },
  };
};

/** Entered holiday schedules: one versioned document a year. */
const calendarStore = (db: Db, read: Read): CalendarStore => ({
  listCalendarYears: () => read.all<CalendarYear>('calendar_years', {}, [['year', 'asc']]),
  putCalendarYear: versioned<CalendarYear>(db, 'calendar_years', (y) => ({ year: y.year })),
});

/**
 * Open311 partners and their deferred filings, each a versioned single document. A key hash is
 * kept unique by a `partner_keys` document whose `_id` is the hash, added before the partner:
 * a taken hash answers DUPLICATE and writes no partner.
 */
const partnerStore = (db: Db, read: Read): PartnerStore => {
  const putPartner = versioned<PartnerRecord>(db, 'partners', (p) => ({ keyHash: p.keyHash, createdAt: p.createdAt }));
  const putIntake = versioned<IntakeRecord>(db, 'intakes', (i) => ({ partnerId: i.partnerId, state: i.state, createdAt: i.createdAt }));
  const claimKey = async (p: PartnerRecord): Promise<Result<PartnerRecord> | null> => {
    try {
      await db.collection('partner_keys').add({ _id: p.keyHash, partnerId: p.id });
      return null;
    } catch (e) {
      if (isDuplicate(e)) return fail('DUPLICATE', undefined, 'partner key');
      throw e;
    }
  };
  return {
    getPartner: (id) => read.one<PartnerRecord>('partners', id),
    findPartnerByKeyHash: async (keyHash) => (await read.first<PartnerRecord>('partners', { keyHash }, [['_id', 'asc']], 1))[0] ?? null,
    listPartners: (page) =>
      read.page<PartnerRecord>(
        'partners',
        {},
        [
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
        page,
      ),
    putPartner: async (partner, expectedVersion) => {
      if (expectedVersion === undefined) {
        const taken = await claimKey(partner);
        if (taken) return taken;
      }
      return putPartner(partner, expectedVersion);
    },
    getIntake: (token) => read.one<IntakeRecord>('intakes', token),
    putIntake: (intake, expectedVersion) => putIntake(intake, expectedVersion),
    pendingIntakes: (limit) =>
      read.first<IntakeRecord>(
        'intakes',
        { state: 'pending' },
        [
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
        limit,
      ),
  };
};

/** Small settings: `add` with the key as `_id`, so the first value written wins; `putMeta` replaces on purpose. */
const metaStore = (db: Db): MetaStore => ({
  getMeta: async (key) => {
    const { data } = await db.collection('meta').doc(key).get();
    return (data as { value: string }[])[0]?.value ?? null;
  },
  setMetaIfAbsent: async (key, value) => {
    try {
      await db.collection('meta').add({ _id: key, value });
      return value;
    } catch (e) {
      if (!isDuplicate(e)) throw e;
      const { data } = await db.collection('meta').doc(key).get();
      return (data as { value: string }[])[0].value;
    }
  },
  putMeta: async (key, value) => {
    await db.collection('meta').doc(key).set({ value });
  },
  deleteMeta: async (key) => {
    await db.collection('meta').doc(key).remove();
  },
});

/** Creates the CloudBase store over `app` or a fresh `tcb.init({ env })`. */
/** What the company side's module borrows from this adapter. */
const companyKit = (db: Db, read: Read): CompanyKit => ({
  read,
  plain,
  versioned: (coll, columns) => versioned(db, coll, columns),
  transact: async (work) => {
    try {
      return await inTransaction(db, work);
    } catch (e) {
      if (e instanceof Abort) return e.result as Result<never>;
      if (isTxnConflict(e)) return fail('CONFLICT');
      throw e;
    }
  },
  abort: (r) => {
    throw new Abort(r);
  },
  addOutbox,
});

export function createCloudbaseStore(options: CloudbaseStoreOptions = {}): Stores {
  const db = openDb(options);
  const read = reader(db);
  const kit = companyKit(db, read);
  return {
    // the directory, the catalogue and their imports, in generations (cloudbase.catalogue.ts)
    ...cloudbaseCatalogue(db, { read, plain, inParallel }, options.importFault),
    ...synonymStore(db, read),
    ...userStore(db, read),
    ...inviteStore(db, read, kit),
    ...calendarStore(db, read),
    ...requestStore(db, read),
    ...auditStore(db, read),
    ...outboxStore(db, read),
    ...metaStore(db),
    ...partnerStore(db, read),
    ...cloudbaseIndicators(db, read, inParallel),
    ...cloudbaseCompanies(db, kit),
    ...cloudbaseBookings(db, { read, plain }),
    ...cloudbaseCertify(db, { read, plain, inParallel, auditDoc: (a, id) => ({ _id: id, ...auditFields(a), doc: plain(a) }), isDuplicate, isTxnConflict }),
    close: async () => undefined,
  };
}
