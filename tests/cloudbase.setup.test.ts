/**
 * `npm run cloudbase:setup` against the fake CloudBase: every collection is created, carries the
 * indexes docs/stores.md lists and a security rule that refuses every client read and write
 * (CloudBase had neither rules nor indexes shipped), and a second run changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startFakeCloudbase, type FakeCloudbase } from './support/fake-cloudbase';
import { pointSdkAt } from './support/cloudbase.env';
import { COLLECTIONS, cloudApi, indexName, setUpCloudbase, tc3Authorization } from '../tools/cloudbase-setup';
import indexes from '../cloudbase/database/indexes.json';
import rules from '../cloudbase/database/security-rules.json';

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
    expect(again).toEqual({ created: [], indexesCreated: [], rulesSet: [...COLLECTIONS] });
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
