/**
 * `npm run cloudbase:setup` against the fake CloudBase: every collection is created, carries the
 * indexes docs/stores.md lists and a security rule that refuses every client read and write
 * (CloudBase had neither rules nor indexes shipped), and a second run changes nothing. Then the
 * companies' backfill: companies stored before `homeKey` / `verifiedAt` existed are listed after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startFakeCloudbase, type FakeCloudbase } from './support/fake-cloudbase';
import { pointSdkAt } from './support/cloudbase.env';
import { createCloudbaseStore } from '../cloudfunctions/core/stores/cloudbase.store';
import { COMPANY_BACKFILL_KEY, backfillCompanyFields } from '../cloudfunctions/core/stores/cloudbase.backfill';
import type { CompanyRecord } from '../cloudfunctions/core/stores/user.port';
import { COLLECTIONS, cloudApi, indexName, setUpCloudbase, tc3Authorization } from '../tools/cloudbase-setup';
import indexes from '../cloudbase/database/indexes.json';
import rules from '../cloudbase/database/security-rules.json';
import { value } from './contract/contract.kit';

let fake: FakeCloudbase;
beforeAll(async () => {
  fake = await startFakeCloudbase();
  pointSdkAt(fake.url, 'zc-setup');
  fake.admin.envId = 'zc-setup';
});
afterAll(() => fake.stop());

const api = () => cloudApi({ secretId: 'dummy-secret-id', secretKey: 'dummy-secret-key' }, fake.apiEndpoint);
const db = () => tcb.init({ env: 'zc-setup' }).database();

/** The indexes docs/stores.md lists, as `collection(field, field)`. */
const documentedIndexes = (): string[] => {
  const doc = readFileSync(join(__dirname, '../docs/stores.md'), 'utf8');
  const list = doc.slice(doc.indexOf('`cloudbase/database/indexes.json`'), doc.indexOf('### What is atomic'));
  return [...list.matchAll(/`(\w+)\(([\w, ]+)\)`/g)].map((m) => `${m[1]}(${m[2]})`).sort();
};

describe('npm run cloudbase:setup', () => {
  it('ships the indexes docs/stores.md lists and a rule for every collection, none readable or writable from the client', () => {
    const shipped = Object.entries(indexes)
      .flatMap(([c, list]) => (list as string[][]).map((f) => `${c}(${f.join(', ')})`))
      .sort();
    expect(shipped).toEqual(documentedIndexes());
    expect(Object.keys(rules).sort()).toEqual([...COLLECTIONS].sort());
    for (const rule of Object.values(rules)) expect(rule).toEqual({ read: false, write: false });
  });

  it('creates every collection with its indexes and its rule, over the real SDK and the cloud API shapes', async () => {
    const report = await setUpCloudbase('zc-setup', api(), db());
    expect(report.created.sort()).toEqual([...COLLECTIONS].sort());
    for (const c of COLLECTIONS) {
      expect(fake.admin.collections.has(c)).toBe(true);
      expect(JSON.parse(fake.admin.rules.get(c)!.Rule)).toEqual({ read: false, write: false });
      const made = (fake.admin.indexes.get(c) ?? []).map((i) => i.MgoKeySchema.MgoIndexKeys.map((k) => k.Name));
      expect(made).toEqual(indexes[c]);
    }
    expect(fake.actions.get('database.addCollection')).toBe(COLLECTIONS.length);
    expect(fake.unknownActions).toEqual([]);
  });

  it('changes nothing on a second run: no collection or index made twice, the rules set again', async () => {
    const before = JSON.stringify([...fake.admin.indexes]);
    const again = await setUpCloudbase('zc-setup', api(), db());
    expect(again).toEqual({ created: [], indexesCreated: [], rulesSet: [...COLLECTIONS], companies: { scanned: 0, filled: 0, raced: 0, complete: true } });
    expect(JSON.stringify([...fake.admin.indexes])).toBe(before);
    expect(indexName(['holderCenterId', 'queue', 'submittedAt'])).toBe('by_holderCenterId_queue_submittedAt');
  });

  it("stops with the API's code for an environment it cannot find, and signs every call (TC3-HMAC-SHA256)", async () => {
    await expect(setUpCloudbase('no-such-env', api(), db())).rejects.toThrow(/no database instance/);
    const unsigned = await fetch(fake.apiEndpoint.replace('{service}', 'tcb'), {
      method: 'POST',
      headers: { 'X-TC-Action': 'DescribeEnvs', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(((await unsigned.json()) as { Response: { Error: { Code: string } } }).Response.Error.Code).toBe('AuthFailure.SignatureFailure');
    expect(tc3Authorization({ secretId: 'AKID', secretKey: 'k' }, 'tcb', 'tcb.tencentcloudapi.com', '{}', 1_700_000_000)).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKID\/2023-11-14\/tcb\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
  });
});

/** A company as stored before the listing fields existed: `creditCode` and `doc` only. */
const oldCompany = (id: string, location: CompanyRecord['location'], verifiedAt?: string): CompanyRecord => ({
  id,
  version: 1,
  creditCode: `91370883MA3C${id.replace(/\D/g, '').padStart(6, '0')}`,
  name: `邹城${id}有限公司`,
  location,
  createdAt: '2026-08-01T02:00:00.000Z',
  ...(verifiedAt ? { verifiedAt } : {}),
});
const storeOld = (...companies: CompanyRecord[]) =>
  Promise.all(companies.map((c) => db().collection('companies').add({ _id: c.id, version: c.version, creditCode: c.creditCode, doc: c })));
const listed = async (location: CompanyRecord['location']) =>
  (await createCloudbaseStore({ env: 'zc-setup' }).listCompanies({ location }, { page: 1, pageSize: 20 })).items.map((c) => c.id);
/** Counts the writes (to any collection) the fake receives while `work` runs. */
const writesDuring = async (work: () => Promise<unknown>): Promise<number> => {
  let writes = 0;
  fake.interpose = async (call) => {
    if (call.action !== 'database.getDocument' && call.action !== 'database.calculateDocument') writes += 1;
  };
  try {
    await work();
  } finally {
    delete fake.interpose;
  }
  return writes;
};

describe('the companies backfill (cloudbase:setup, after the indexes)', () => {
  beforeEach(() => fake.reset());

  it('lists old-shape companies after the setup backfills them; a second run writes nothing', async () => {
    await storeOld(
      oldCompany('co-1', 'zone', '2026-09-01T02:00:00.000Z'),
      oldCompany('co-2', { townshipCode: '001' }, '2026-09-02T02:00:00.000Z'),
      oldCompany('co-3', 'zone'),
    );
    expect(await listed('zone')).toEqual([]);
    const report = await setUpCloudbase('zc-setup', api(), db());
    expect(report.companies).toEqual({ scanned: 3, filled: 3, raced: 0, complete: true });
    expect(await listed('zone')).toEqual(['co-1']);
    expect(await listed({ townshipCode: '001' })).toEqual(['co-2']);
    const stored = (await db().collection('companies').doc('co-3').get()).data as Record<string, unknown>[];
    expect(stored[0]).toMatchObject({ homeKey: 'zone', verifiedAt: null, version: 1 });
    let again: Awaited<ReturnType<typeof backfillCompanyFields>> | undefined;
    expect(await writesDuring(async () => (again = await backfillCompanyFields(db())))).toBe(0);
    expect(again).toEqual({ scanned: 3, filled: 0, raced: 0, complete: true });
  });

  it('sets fields that differ from the doc, and leaves a company written between its read and its write as that write left it', async () => {
    const store = createCloudbaseStore({ env: 'zc-setup' });
    await storeOld(oldCompany('co-1', 'zone', '2026-09-01T02:00:00.000Z'), oldCompany('co-2', 'zone', '2026-09-02T02:00:00.000Z'));
    await db().collection('companies').doc('co-2').update({ homeKey: '001', verifiedAt: null }); // wrong, as if set by hand
    let raced = false;
    fake.interpose = async (call) => {
      if (raced || call.collection !== 'companies' || call.action !== 'database.modifyDocument') return;
      raced = true; // before the backfill's first write: another function moves co-1 to township 001
      const seen = (await store.getCompany('co-1'))!;
      value(await store.putCompany({ ...seen, version: 2, location: { townshipCode: '001' } }, 1));
    };
    const report = await backfillCompanyFields(db());
    delete fake.interpose;
    expect(report).toEqual({ scanned: 2, filled: 1, raced: 1, complete: true });
    expect(await listed({ townshipCode: '001' })).toEqual(['co-1']);
    expect(await listed('zone')).toEqual(['co-2']);
    expect((await store.getCompany('co-1'))?.location).toEqual({ townshipCode: '001' });
  });

  it('a budget too short for every company keeps its cursor, and the next run resumes after it', async () => {
    await storeOld(...['co-1', 'co-2', 'co-3', 'co-4', 'co-5'].map((id, i) => oldCompany(id, 'zone', `2026-09-0${i + 1}T02:00:00.000Z`)));
    const first = await backfillCompanyFields(db(), { pages: 1 }, { pageSize: 2 });
    expect(first).toEqual({ scanned: 2, filled: 2, raced: 0, complete: false });
    expect(await listed('zone')).toEqual(['co-2', 'co-1']);
    expect(((await db().collection('meta').doc(COMPANY_BACKFILL_KEY).get()).data as { value: string }[])[0]?.value).toBe('co-2');
    const rest = await backfillCompanyFields(db(), { pages: 5 }, { pageSize: 2 });
    expect(rest).toEqual({ scanned: 3, filled: 3, raced: 0, complete: true });
    expect(await listed('zone')).toEqual(['co-5', 'co-4', 'co-3', 'co-2', 'co-1']);
    expect(((await db().collection('meta').doc(COMPANY_BACKFILL_KEY).get()).data as unknown[]).length).toBe(0);
    const timed = await backfillCompanyFields(db(), { ms: 0 });
    expect(timed).toEqual({ scanned: 0, filled: 0, raced: 0, complete: false });
  });
});
