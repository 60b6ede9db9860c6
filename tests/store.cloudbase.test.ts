/**
 * The store contract against the CloudBase adapter, over the wire: the real
 * @cloudbase/node-sdk talks HTTP to a local fake of the CloudBase API
 * (TCB_CONTEXT_CNFG points the SDK at it; the keys are dummies the fake ignores).
 */
import { createCloudbaseStore, assertCloudbaseCredentials } from '../cloudfunctions/core/stores/cloudbase.store';
import { startFakeCloudbase, type FakeCloudbase } from './support/fake-cloudbase';
import { storeContract } from './contract/stores.contract';

import { pointSdkAt, SDK_ENV_KEYS as ENV_KEYS } from './support/cloudbase.env';

const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let fake: FakeCloudbase;

beforeAll(async () => {
  fake = await startFakeCloudbase();
  pointSdkAt(fake.url, 'zc-test-1a2b3c');
});

afterAll(async () => {
  await fake.stop();
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

storeContract('cloudbase (over a fake CloudBase API)', async () => {
  fake.reset();
  return createCloudbaseStore({ env: process.env.TCB_ENV });
});

describe('cloudbase store wiring', () => {
  it('every action the SDK sent is one the fake implements', () => {
    expect(fake.actions.size).toBeGreaterThan(0);
    expect(fake.unknownActions).toEqual([]);
  });

  it('a missing secret key fails at startup with a plain error and leaves no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const key = process.env.TENCENTCLOUD_SECRETKEY;
    delete process.env.TENCENTCLOUD_SECRETKEY;
    try {
      expect(() => createCloudbaseStore({ env: 'zc-test-1a2b3c' })).toThrow(/TENCENTCLOUD_SECRETKEY/);
      expect(() => assertCloudbaseCredentials({ TENCENTCLOUD_SECRETID: 'x' })).toThrow(Error);
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.env.TENCENTCLOUD_SECRETKEY = key;
      process.off('unhandledRejection', onRejection);
    }
  });
});

describe('cloudbase catalogue generations', () => {
  it('an import interrupted part-way by an injected fault leaves the old generation in force', async () => {
    fake.reset();
    const { makeCenter, makeItem } = await import('./support/directory.fixture');
    const store = createCloudbaseStore({ env: process.env.TCB_ENV, importFault: { failAfterWrites: 30 } });
    await store.upsertItems([makeItem({ code: 'ZC-V-0001' })]);
    await store.upsertCenters(Array.from({ length: 40 }, (_, i) => makeCenter({ id: `v-${String(i).padStart(3, '0')}` })));
    const before = JSON.stringify([await store.allCenters(), await store.getItem('ZC-V-0001')]);
    const next = Array.from({ length: 60 }, (_, i) => makeCenter({ id: `v-new-${i}`, sample: false }));
    const record = {
      id: 'imp-fault',
      kind: 'centers' as const,
      fileName: 'centers.xlsx',
      fileHash: '00',
      by: 'admin',
      at: '2026-12-01T01:00:00.000Z',
      counts: { rows: 60, add: 60, change: 0, retire: 40, unchanged: 0 },
      state: 'applied' as const,
    };
    await expect(store.applyImport({ centers: next }, record)).rejects.toThrow(/injected fault/);
    expect(JSON.stringify([await store.allCenters(), await store.getItem('ZC-V-0001')])).toBe(before);
    expect((await store.listImports({ page: 1, pageSize: 20 })).total).toBe(0);
    // the same import run again without the fault goes through, into a fresh generation: the broken one is never read
    const healthy = createCloudbaseStore({ env: process.env.TCB_ENV });
    expect((await healthy.applyImport({ centers: next }, record)).ok).toBe(true);
    expect((await healthy.allCenters()).map((c) => c.id)).toEqual(next.map((c) => c.id).sort());
  });
});
