/**
 * Re-certification on CloudBase. Collections: `roster` (envelopes `{_id, version, idHash,
 * schemeCode, villageId, townshipCode, outcome, queue, periodEnd, doc}`) and `evidence` (flat
 * documents `{_id, idHash, source, date, ref, importId}`: a million of them, so no envelope).
 * An entry's change and its audit entries are one transaction (a change without audit entries is
 * one conditional write); imports write entry by entry,
 * each a single-document conditional write, and evidence in batches of one `add` each.
 */
import type tcb from '@cloudbase/node-sdk';
import { fail, ok, type Result } from '../../../shared/errors';
import { OUTCOMES, SCHEMES, outcomeOf, queueOf } from '../../../shared/certify.terms';
import type { Evidence, RosterEntry } from '../../../shared/certify.schema';
import { TOWNSHIPS } from '../../../shared/townships';
import type { AuditEntry } from '../../../shared/request.schema';
import { assertNextVersion } from './store.columns';
import type { CertifyCount, CertifyStore } from './certify.port';
import type { Page, PageOf } from './store.page';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Order = [field: string, direction: 'asc' | 'desc'][];
type Txn = { collection(name: string): ReturnType<Db['collection']> };

/** What the adapter lends this module. */
export type CertifyKit = {
  read: {
    one<T>(coll: string, id: string): Promise<T | null>;
    page<T>(coll: string, filter: object, order: Order, page: Page): Promise<PageOf<T>>;
    first<T>(coll: string, filter: object, order: Order, limit: number): Promise<T[]>;
  };
  plain: <T>(v: T) => T;
  inParallel: <T>(list: T[], width: number, work: (x: T) => Promise<unknown>) => Promise<void>;
  /** the audit document of an entry, as the adapter's audit collection keeps it */
  auditDoc: (a: AuditEntry, id: string) => Record<string, unknown>;
  isDuplicate: (e: unknown) => boolean;
  isTxnConflict: (e: unknown) => boolean;
};

class Abort extends Error {
  constructor(readonly result: Result<never>) {
    super('aborted');
  }
}

const PASS = { coll: 'meta', id: 'certifyPass' };
/** The most values one `$in` carries, and the most documents one `add` writes. */
const IN_LIMIT = 500;
const GET_LIMIT = 1000;
const WIDTH = 16;

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Builds the CertifyStore over the SDK. */
export const cloudbaseCertify = (db: Db, kit: CertifyKit): CertifyStore => {
  const _ = db.command;
  const envelope = (e: RosterEntry) => ({
    version: e.version,
    idHash: e.idHash,
    schemeCode: e.schemeCode,
    villageId: e.villageId,
    townshipCode: e.townshipCode,
    outcome: outcomeOf(e),
    queue: queueOf(e),
    periodEnd: e.periodEnd,
    doc: kit.plain(e),
  });
  const docsOf = (data: unknown) => (data as { doc: RosterEntry }[]).map((d) => d.doc);
  /** Every document of a query, 1,000 at a time. */
  const all = async <T>(coll: string, filter: object): Promise<T[]> => {
    const out: T[] = [];
    for (let offset = 0; ; offset += GET_LIMIT) {
      const { data } = await db.collection(coll).where(filter).orderBy('_id', 'asc').skip(offset).limit(GET_LIMIT).get();
      out.push(...(data as T[]));
      if ((data as unknown[]).length < GET_LIMIT) return out;
    }
  };
  /** One conditional write: add a new entry, or update the stored one at the expected version. */
  const write = async (e: RosterEntry, expected: number | undefined): Promise<boolean> => {
    if (expected === undefined) {
      try {
        await db.collection('roster').add({ _id: e.id, ...envelope(e) });
        return true;
      } catch (err) {
        if (kit.isDuplicate(err)) return false;
        throw err;
      }
    }
    const { doc, ...fields } = envelope(e);
    const res = await db
      .collection('roster')
      .where({ _id: e.id, version: expected })
      .update({ ...fields, doc: _.set(doc) });
    return res.updated === 1;
  };

  return {
    getRosterEntries: async (ids) => {
      const parts = await Promise.all(chunks(ids, IN_LIMIT).map((part) => all<{ doc: RosterEntry }>('roster', { _id: _.in(part) })));
      return parts.flat().map((d) => d.doc);
    },
    putRosterEntries: async (entries, expected) => {
      const conflicts: string[] = [];
      let written = 0;
      const one = async (e: RosterEntry) => {
        if (await write(e, expected.get(e.id))) written += 1;
        else conflicts.push(e.id);
      };
      // new people go 500 to an `add` (a first import of 40,000 rows is 80 calls); a batch that meets a taken id goes one by one
      // (should a real environment keep part of a refused batch, those rows come back as conflicts: the next import finds them stored)
      for (const part of chunks(
        entries.filter((e) => !expected.has(e.id)),
        IN_LIMIT,
      )) {
        try {
          await db.collection('roster').add(part.map((e) => ({ _id: e.id, ...envelope(e) })));
          written += part.length;
        } catch (err) {
          if (!kit.isDuplicate(err)) throw err;
          await kit.inParallel(part, WIDTH, one);
        }
      }
      await kit.inParallel(
        entries.filter((e) => expected.has(e.id)),
        WIDTH,
        one,
      );
      return { written, conflicts };
    },
    updateRosterEntry: async (entry, expectedVersion, audit) => {
      assertNextVersion('roster', entry.version, expectedVersion);
      // a change with nothing to audit (queued, lapsed) is one conditional write: one call instead of a transaction's five
      if (!audit.length) {
        if (await write(entry, expectedVersion)) return ok(entry);
        return (await kit.read.one('roster', entry.id))
          ? fail('CONFLICT', undefined, `roster ${entry.id}`)
          : fail('NOT_FOUND', undefined, `roster ${entry.id}`);
      }
      try {
        return await (db.runTransaction(async (t: Txn) => {
          const ref = t.collection('roster').doc(entry.id);
          const current = (await ref.get()).data as { version: number } | null;
          if (!current) throw new Abort(fail('NOT_FOUND', undefined, `roster ${entry.id}`));
          if (current.version !== expectedVersion) throw new Abort(fail('CONFLICT', undefined, `roster ${entry.id}`));
          await ref.set(envelope(entry));
          for (const [i, a] of audit.entries()) await t.collection('audit').add(kit.auditDoc(a, `${entry.id}:${entry.version}:${i}`));
          return ok(entry);
        }) as Promise<Result<RosterEntry>>);
      } catch (e) {
        if (e instanceof Abort) return e.result as Result<RosterEntry>;
        if (kit.isTxnConflict(e)) return fail('CONFLICT', undefined, `roster ${entry.id}`);
        throw e;
      }
    },
    rosterAfter: async (afterId, limit) => {
      const { data } = await db
        .collection('roster')
        .where({ _id: _.gt(afterId ?? '') })
        .orderBy('_id', 'asc')
        .limit(limit)
        .get();
      return docsOf(data);
    },
    rosterOfPerson: async (idHash) => (await all<{ doc: RosterEntry }>('roster', { idHash })).map((d) => d.doc),
    certifyQueue: (villageId, page) =>
      kit.read.page<RosterEntry>(
        'roster',
        { villageId, queue: 'due' },
        [
          ['periodEnd', 'asc'],
          ['_id', 'asc'],
        ],
        page,
      ),
    flaggedEntries: (f, page) =>
      kit.read.page<RosterEntry>(
        'roster',
        { outcome: _.in(['lapsed', 'ineligible']), ...(f.schemeCode ? { schemeCode: f.schemeCode } : {}) },
        [
          ['schemeCode', 'asc'],
          ['periodEnd', 'asc'],
          ['_id', 'asc'],
        ],
        page,
      ),
    // no aggregation over the wire: one count per scheme or township and outcome, a few in flight
    certifyCounts: async () => {
      const keys = [
        ...SCHEMES.map((s) => ({ by: 'scheme' as const, key: s.code, field: 'schemeCode' })),
        ...TOWNSHIPS.map((t) => ({ by: 'township' as const, key: t.code, field: 'townshipCode' })),
      ].flatMap((k) => OUTCOMES.map((outcome) => ({ ...k, outcome })));
      const out: CertifyCount[] = [];
      await kit.inParallel(keys, WIDTH, async (k) => {
        const { total } = await db
          .collection('roster')
          .where({ [k.field]: k.key, outcome: k.outcome })
          .count();
        if (total) out.push({ by: k.by, key: k.key, outcome: k.outcome, n: total as number });
      });
      return out;
    },
    putEvidence: async (records) => {
      let added = 0;
      for (const part of chunks(records, IN_LIMIT)) {
        const known = await knownIds(part.map((r) => r.id));
        const fresh = part.filter((r) => !known.has(r.id));
        if (!fresh.length) continue;
        const docs = fresh.map((r) => ({ _id: r.id, idHash: r.idHash, source: r.source, date: r.date, ref: r.ref ?? null, importId: r.importId }));
        try {
          await db.collection('evidence').add(docs);
          added += fresh.length;
        } catch (e) {
          if (!kit.isDuplicate(e)) throw e;
          // another import wrote some of them meanwhile: one by one, skipping the taken ids
          for (const d of docs) {
            try {
              await db.collection('evidence').add(d);
              added += 1;
            } catch (err) {
              if (!kit.isDuplicate(err)) throw err;
            }
          }
        }
      }
      return added;
    },
    knownEvidence: (ids) => knownIds(ids),
    evidenceOf: async (idHashes, from, to, sources) => {
      const parts = await Promise.all(
        chunks(idHashes, IN_LIMIT).map((part) =>
          all<{ _id: string; idHash: string; source: Evidence['source']; date: string; ref: string | null; importId: string }>('evidence', {
            idHash: _.in(part),
            date: _.gte(from).and(_.lte(to)),
            source: _.in([...sources]),
          }),
        ),
      );
      return parts.flat().map((d) => ({ id: d._id, idHash: d.idHash, source: d.source, date: d.date, ...(d.ref ? { ref: d.ref } : {}), importId: d.importId }));
    },
    getCertifyPass: async () => {
      const { data } = await db.collection(PASS.coll).doc(PASS.id).get();
      return (data as { value: string }[])[0]?.value ?? null;
    },
    putCertifyPass: async (state) => {
      await db.collection(PASS.coll).doc(PASS.id).set({ value: state });
    },
  };

  async function knownIds(ids: readonly string[]): Promise<Set<string>> {
    const found = await Promise.all(
      chunks(ids, IN_LIMIT).map(async (part) => {
        const { data } = await db
          .collection('evidence')
          .where({ _id: _.in(part) })
          .field({ _id: true })
          .limit(GET_LIMIT)
          .get();
        return (data as { _id: string }[]).map((d) => d._id);
      }),
    );
    return new Set(found.flat());
  }
};
