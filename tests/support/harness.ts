/**
 * In-process harness for handler tests: a real store (SQLite in memory, or CloudBase over
 * the wire against the local fake), seeded with the sample data, and a direct caller.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../cloudfunctions/core/edge/dispatch';
import { createDeps, type DepsOptions } from '../../cloudfunctions/core/services/deps';
import { FUNCTIONS } from '../../cloudfunctions/core/edge/functions';
import { seedSampleData } from '../../cloudfunctions/core/stores/seed';
import { openSqliteDb, sqliteStoreOver } from '../../cloudfunctions/core/stores/sqlite.store';
import { cloudbaseLeak, sqliteLeak, type LeakSlot } from './slot.leak';
import { createFolderStorage } from '../../cloudfunctions/core/services/file.storage';
import type { Stores } from '../../cloudfunctions/core/stores/store.port';
import type { Deps } from '../../cloudfunctions/core/services/context';
import type { Envelope } from '../../shared/api.schema';
import type { Role } from '../../shared/identity.schema';
import { testClock, type TestClock } from './clock';

export type StoreKind = 'sqlite' | 'cloudbase';
export type Harness = {
  deps: Deps;
  clock: TestClock;
  /** calls `fn.action` as `subject` and answers the envelope */
  call<T = any>(fn: string, action: string, data: unknown, subject?: string | null): Promise<Envelope<T>>;
  /** calls and expects success, answering `data` */
  ok<T = any>(fn: string, action: string, data: unknown, subject?: string | null): Promise<T>;
  /** logs a persona in and answers its user id */
  login(persona: Role, extra?: Record<string, string>): Promise<string>;
  /** takes a place of a slot with no booking, as a process dying mid-booking leaves it (support/slot.leak.ts) */
  leakPlace(slot: LeakSlot, capacity: number, at: string | null): Promise<void>;
  close(): Promise<void>;
};

/** Creates the store of a kind; CloudBase needs the fake running (see fake-cloudbase.ts). */
export const makeStore = async (kind: StoreKind): Promise<{ store: Stores; stop(): Promise<void>; leakPlace: Harness['leakPlace'] }> => {
  if (kind === 'sqlite') {
    const db = openSqliteDb({ path: ':memory:' });
    const store = sqliteStoreOver(db);
    const leak = sqliteLeak(() => db);
    return { store, stop: () => store.close(), leakPlace: (slot, capacity, at) => leak(store, slot, capacity, at) };
  }
  const { startCloudbaseStore } = await import('./cloudbase.env');
  const started = await startCloudbaseStore();
  return { ...started, leakPlace: (slot, capacity, at) => cloudbaseLeak(started.store, slot, capacity, at) };
};

/** Starts a seeded harness on a store kind at a fixed time, with optional dependency settings. */
export const makeHarness = async (kind: StoreKind, startIso = '2026-09-28T01:00:00.000Z', options: Partial<DepsOptions> = {}): Promise<Harness> => {
  const { store, stop, leakPlace } = await makeStore(kind);
  const clock = testClock(startIso);
  const files = createFolderStorage(join(mkdtempSync(join(tmpdir(), 'zc-files-')), 'uploads'));
  const deps = await createDeps({ store, mode: 'local', now: clock.now, files, checkOutput: true, ...options });
  await seedSampleData(store, clock.now().toISOString());
  const call = async (fn: string, action: string, data: unknown, subject: string | null = null) =>
    (await dispatch(FUNCTIONS[fn], { action, data }, deps, subject)).envelope as Envelope<any>;
  const ok = async (fn: string, action: string, data: unknown, subject: string | null = null) => {
    const env = await call(fn, action, data, subject);
    if (!env.ok) throw new Error(`${fn}.${action} failed: ${env.error.code} ${JSON.stringify(env.error.fields ?? {})}`);
    return env.data;
  };
  const login = async (persona: Role, extra: Record<string, string> = {}) => (await ok('session', 'devLogin', { persona, ...extra })).user.id as string;
  return { deps, clock, call, ok, login, leakPlace, close: stop };
};
