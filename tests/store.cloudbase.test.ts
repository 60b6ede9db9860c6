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
