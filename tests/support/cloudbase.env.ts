/**
 * Points the real CloudBase SDK at the local fake of its HTTP API and builds the store over it.
 */
import { startFakeCloudbase } from './fake-cloudbase';
import { createCloudbaseStore } from '../../cloudfunctions/core/stores/cloudbase.store';
import type { Stores } from '../../cloudfunctions/core/stores/store.port';

export const SDK_ENV_KEYS = ['TCB_CONTEXT_CNFG', 'TCB_CONTEXT_KEYS', 'TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TENCENTCLOUD'] as const;

/** Sets the environment the SDK reads to find its server (the fake's /admin URL) and credentials. */
export const pointSdkAt = (url: string, envId = 'zc-test') => {
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: url });
  process.env.TCB_CONTEXT_KEYS = 'TCB_ENV';
  process.env.TCB_ENV = envId;
  process.env.TENCENTCLOUD_SECRETID = 'dummy-secret-id';
  process.env.TENCENTCLOUD_SECRETKEY = 'dummy-secret-key';
  // tells the SDK it runs inside Tencent Cloud, so it skips the metadata-server lookup this closed network cannot answer
  process.env.TENCENTCLOUD = 'true';
};

/** Starts a fresh fake and a CloudBase store talking to it over HTTP. */
export const startCloudbaseStore = async (): Promise<{ store: Stores; stop(): Promise<void> }> => {
  const fake = await startFakeCloudbase();
  pointSdkAt(fake.url);
  const store = await createCloudbaseStore({ env: process.env.TCB_ENV });
  return {
    store,
    stop: async () => {
      await store.close();
      await fake.stop();
    },
  };
};
