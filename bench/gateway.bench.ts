/**
 * The local gateway under loopback load: a SQLite file in WAL mode, residents logged in and
 * bound over HTTP, then a fixed window of closed-loop load on `requests.submit` (a write with a
 * fresh idempotency key each time) and on `directory.guide` (a read that routes an item).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type Gateway } from '../gateway/server';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { filledForm, validIdNumber } from '../tests/support/sample.people';
import type { Item } from '../shared/catalogue.schema';
import type { BenchRow } from './bench.types';
import { progress, round, summarize } from './bench.stats';
import { runLoad, UNIQUE_KEY, type LoadPlan, type LoadReport } from './http.load';

const SECONDS = 8;
const WARMUP_SECONDS = 1;
const CONCURRENCY = 16;
const RESIDENTS = 4;

type Call = { ok: boolean; data?: any; error?: { code: string } };

const call = async (gw: Gateway, fn: string, action: string, data: unknown, token?: string): Promise<Call> => {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${gw.url}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, data }) });
  return (await res.json()) as Call;
};

const must = (answer: Call, what: string) => {
  if (!answer.ok) throw new Error(`gateway bench: ${what} failed with ${answer.error?.code}`);
  return answer.data;
};

/** Logs in and binds residents of one village over HTTP; answers their tokens. */
const residents = async (gw: Gateway, villageId: string): Promise<string[]> => {
  const tokens: string[] = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const { token } = must(await call(gw, 'session', 'devLogin', { persona: 'resident', villageId }), 'devLogin');
    const id = validIdNumber(`1980010${i + 1}`, `${400 + i}`);
    must(await call(gw, 'session', 'bindResident', { rounds: 1, spread: 0, name: `测试居民${i}`, idNumber: id, phone: `1380537${String(1000 + i)}`, homeVillageId: villageId }, token), 'bindResident');
    tokens.push(token);
  }
  return tokens;
};

/** A township matter a resident hands in at their own village center. */
const townshipItem = (items: Item[]): Item =>
  items.find((i) => i.level === 'township' && i.audience !== 'company' && i.kind === 'promised' && !i.lists.includes('taiping'))!;

const rowsOf = (label: string, r: LoadReport): BenchRow[] => {
  const s = summarize(r.latenciesMs);
  const window = `${CONCURRENCY} keep-alive connections, ${r.seconds} s after ${WARMUP_SECONDS} s warm-up, ${r.requests} calls`;
  return [
    { rounds: 1, spread: 0, name: `gateway ${label} throughput`, value: Math.round(r.requests / r.seconds), unit: 'req/s', note: window },
    { rounds: 1, spread: 0, name: `gateway ${label} latency p50`, value: round(s.p50, 2), unit: 'ms', note: `mean ${round(s.mean, 2)} ms` },
    { rounds: 1, spread: 0, name: `gateway ${label} latency p99`, value: round(s.p99, 2), unit: 'ms' },
    { rounds: 1, spread: 0, name: `gateway ${label} errors`, value: r.errors, unit: 'calls', note: r.firstError ? `first: ${r.firstError.slice(0, 120)}` : 'non-200 or failed envelope; must be 0' },
  ];
};

/** Measures submit and guide throughput and latency over HTTP on loopback. */
export async function benchGateway(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-bench-gw-'));
  const gw = await startGateway({ port: 0, dataDir, schedulerIntervalMs: 0, log: () => undefined });
  try {
    const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103')!;
    const item = townshipItem(loadSampleItems());
    const tokens = await residents(gw, village.id);
    const plan = (fn: string, body: object): LoadPlan => ({
      url: `${gw.url}/api/${fn}`, body: JSON.stringify(body), tokens, concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS,
    });
    progress('gateway', `requests.submit for ${SECONDS} s at concurrency ${CONCURRENCY}`);
    const submit = await runLoad(plan('requests', {
      action: 'submit', data: { itemCode: item.code, intakeCenterId: village.id, form: filledForm(item), materials: [{ rounds: 1, spread: 0, name: '居民身份证', fileId: 'file-1' }], idempotencyKey: UNIQUE_KEY },
    }));
    progress('gateway', `directory.guide for ${SECONDS} s at concurrency ${CONCURRENCY}`);
    const guide = await runLoad(plan('directory', { action: 'guide', data: { itemCode: item.code } }));
    return [...rowsOf('requests.submit', submit), ...rowsOf('directory.guide', guide)];
  } finally {
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
