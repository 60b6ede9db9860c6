/**
 * Open311 on the local gateway under loopback load (SQLite file, WAL): `GET services.xml`, the
 * open read a partner system polls (every resident service rendered as XML), and `POST
 * requests.json`, a form-encoded filing for a resident (nearest village, routing, a new request).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway } from '../gateway/server';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { filledForm } from '../tests/support/sample.people';
import type { BenchRow } from './bench.types';
import { progress, round, summarize } from './bench.stats';
import { runLoad, type LoadPlan, type LoadReport } from './http.load';

const SECONDS = 8;
const WARMUP_SECONDS = 1;
const CONCURRENCY = 16;

const rowsOf = (label: string, r: LoadReport, note: string): BenchRow[] => {
  const s = summarize(r.latenciesMs);
  return [
    {
      name: `open311 ${label} throughput`,
      value: Math.round(r.requests / r.seconds),
      unit: 'req/s',
      rounds: 1,
      spread: 0,
      note: `${CONCURRENCY} keep-alive connections, ${r.seconds} s after ${WARMUP_SECONDS} s warm-up, ${r.requests} calls; ${note}`,
    },
    {
      name: `open311 ${label} latency p50`,
      value: round(s.p50, 2),
      unit: 'ms',
      rounds: 1,
      spread: 0,
      note: `p99 ${round(s.p99, 2)} ms, mean ${round(s.mean, 2)} ms`,
    },
    {
      name: `open311 ${label} errors`,
      value: r.errors,
      unit: 'calls',
      rounds: 1,
      spread: 0,
      note: r.firstError ? `first: ${r.firstError.slice(0, 120)}` : 'non-200 or another answer; must be 0',
    },
  ];
};

/** Measures the service list in XML and filing in JSON over HTTP on loopback. */
export async function benchOpen311(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-bench-311-'));
  const gw = await startGateway({ port: 0, dataDir, schedulerIntervalMs: 0, log: () => undefined });
  try {
    const call = async (fn: string, action: string, data: unknown, token?: string) =>
      (await (
        await fetch(`${gw.url}/api/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ action, data }),
        })
      ).json()) as any;
    const admin = (await call('session', 'devLogin', { persona: 'admin' })).data.token;
    const { apiKey } = (await call('admin', 'issuePartnerKey', { name: '压测系统', ratePerMinute: 6000 }, admin)).data;
    const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103' && c.offers.length > 0)!;
    const item = loadSampleItems().find((i) => i.level === 'village' && i.audience !== 'company' && village.offers.includes(i.code))!;
    const services = await (await fetch(`${gw.url}/open311/v2/services.xml`)).text();
    const plan = (path: string, extra: Partial<LoadPlan>): LoadPlan => ({
      url: `${gw.url}/open311/v2/${path}`,
      body: '',
      tokens: ['-'],
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      ...extra,
    });
    progress('open311', `GET services.xml for ${SECONDS} s at concurrency ${CONCURRENCY}`);
    const list = await runLoad(plan('services.xml', { method: 'GET', okPrefix: '<?xml' }));
    const body = new URLSearchParams({
      api_key: apiKey,
      service_code: item.code,
      lat: String(village.location.lat),
      long: String(village.location.lng),
      last_name: '王',
      first_name: '五',
      phone: '13805370000',
    });
    for (const [k, v] of Object.entries(filledForm(item))) body.set(`attribute[${k}]`, String(v));
    progress('open311', `POST requests.json for ${SECONDS} s at concurrency ${CONCURRENCY}`);
    const post = await runLoad(
      plan('requests.json', { body: body.toString(), contentType: 'application/x-www-form-urlencoded', okPrefix: '[{"service_request_id"' }),
    );
    const count = (services.match(/<service>/g) ?? []).length;
    return [
      ...rowsOf('GET services.xml', list, `${count} services, ${Math.round(services.length / 1024)} KiB of XML each`),
      ...rowsOf('POST requests.json', post, `${item.code} filed at ${village.id} (nearest village, routing, one request each)`),
    ];
  } finally {
    await gw.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
