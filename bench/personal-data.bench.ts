/**
 * What keeping personal numbers sealed costs: AES-256-GCM sealing and opening of one phone
 * (a submit seals each form phone once; a clerk's 查看/拨打 opens one), and the submit
 * throughput in process on SQLite with the sealing as it runs now, beside the same submits
 * without the cost of that sealing (the figure before phones were encrypted, less the rest of
 * this change). docs/benchmarks.md has the HTTP submit throughput measured before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openText, sealText } from '../cloudfunctions/core/identity/personal.cipher';
import { freshSecrets } from '../cloudfunctions/core/services/secrets';
import { createDeps } from '../cloudfunctions/core/services/deps';
import { dispatch } from '../cloudfunctions/core/edge/dispatch';
import { FUNCTIONS } from '../cloudfunctions/core/edge/functions';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { filledForm, validIdNumber } from '../tests/support/sample.people';
import type { BenchRow } from './bench.types';
import { progress, round } from './bench.stats';

const CIPHER_ROUNDS = 20_000;
const SUBMITS = 2_000;

/** Microseconds per call of `fn`, over `n` calls after a short warm-up. */
const microsPer = (n: number, fn: (i: number) => void): number => {
  for (let i = 0; i < 500; i++) fn(i);
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - t) * 1000) / n;
};

/** Submits per second through the real handler (dispatch, zod, routing, sealing, one SQLite transaction). */
const submitThroughput = async (): Promise<{ perSecond: number; microsEach: number; phones: number }> => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-bench-pd-'));
  const store = createSqliteStore({ path: join(dir, 'bench.sqlite') });
  try {
    const deps = await createDeps({ store, mode: 'local', checkOutput: false });
    await seedSampleData(store, deps.now().toISOString());
    const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103')!;
    const item = loadSampleItems().find(
      (i) => i.level === 'township' && i.audience === 'person' && !i.lists.includes('taiping') && i.formFields.some((f) => f.type === 'phone'),
    )!;
    const run = (fn: string, action: string, data: unknown, subject: string | null) => dispatch(FUNCTIONS[fn], { action, data }, deps, subject);
    const login = await run('session', 'devLogin', { persona: 'resident', villageId: village.id }, null);
    const subject = (login.envelope as { ok: true; data: { user: { id: string } } }).data.user.id;
    await run(
      'session',
      'bindResident',
      { name: '测试居民', idNumber: validIdNumber('19800101', '901'), phone: '13805379001', homeVillageId: village.id },
      subject,
    );
    const form = filledForm(item);
    const submit = (i: number) =>
      run('requests', 'submit', { itemCode: item.code, intakeCenterId: village.id, form, materials: [], idempotencyKey: `bench-pd-${i}` }, subject);
    for (let i = 0; i < 50; i++) await submit(-1 - i);
    const t = performance.now();
    for (let i = 0; i < SUBMITS; i++) {
      const out = await submit(i);
      if (out.code !== 'OK') throw new Error(`personal-data bench: submit answered ${out.code}`);
    }
    const ms = performance.now() - t;
    return { perSecond: (SUBMITS / ms) * 1000, microsEach: (ms * 1000) / SUBMITS, phones: item.formFields.filter((f) => f.type === 'phone').length };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Measures the phone cipher and the submit throughput with and without its cost. */
export async function benchPersonalData(): Promise<BenchRow[]> {
  const key = freshSecrets().phoneKey;
  const phones = Array.from({ length: 1000 }, (_, i) => `1380537${String(i).padStart(4, '0')}`);
  const sealed = phones.map((p) => sealText(p, key));
  progress('personal', `AES-256-GCM seal and open, ${CIPHER_ROUNDS} rounds each`);
  const seal = microsPer(CIPHER_ROUNDS, (i) => sealText(phones[i % phones.length], key));
  const open = microsPer(CIPHER_ROUNDS, (i) => openText(sealed[i % sealed.length], key));
  progress('personal', `${SUBMITS} submits in process on SQLite`);
  const s = await submitThroughput();
  const sealingPerSubmit = seal * s.phones;
  const withoutSealing = 1e6 / (s.microsEach - sealingPerSubmit);
  return [
    { name: 'phone seal (AES-256-GCM)', value: round(seal, 2), unit: 'µs', rounds: 1, spread: 0, note: 'per phone: a submit seals each form phone once' },
    { name: 'phone open (AES-256-GCM)', value: round(open, 2), unit: 'µs', rounds: 1, spread: 0, note: "per phone: one clerk's 查看/拨打" },
    {
      name: 'submit in process, phones sealed',
      value: Math.round(s.perSecond),
      unit: 'req/s',
      rounds: 1,
      spread: 0,
      note: `${SUBMITS} sequential submits, SQLite file (WAL), ${round(s.microsEach, 0)} µs each`,
    },
    {
      name: 'submit in process, without the sealing cost',
      value: Math.round(withoutSealing),
      unit: 'req/s',
      rounds: 1,
      spread: 0,
      note: `same run less ${s.phones} × seal; sealing is ${round((sealingPerSubmit / s.microsEach) * 100, 2)} % of a submit`,
    },
  ];
}
