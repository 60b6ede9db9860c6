/**
 * The local gateway under loopback load, against its ceiling in the same run. `requests.submit`
 * through the gateway (a SQLite file in WAL mode, residents logged in and bound over HTTP, a
 * fresh idempotency key per call) runs in interleaved rounds with a bare `node:http` server whose
 * only work is `RequestStore.createRequest` of the same request on a store of its own seeded the
 * same way: what a submit would cost with no parsing, identity, routing or form checks. "The same
 * request" is the record the gateway stored (not the view it answered, which lacks the sealed
 * fields and hashes), with what a submit makes fresh made by the same makers: id, tracking number,
 * the submit instant.
 * Then a window of `directory.guide`, a read that routes an item.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startGateway, type Gateway } from '../gateway/server';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import type { Stores } from '../cloudfunctions/core/stores/store.port';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { queuedNotices } from '../cloudfunctions/core/services/queued.notices';
import { submissionNotices } from '../shared/notify.rules';
import { filledForm, validIdNumber } from '../tests/support/sample.people';
import type { Item } from '../shared/catalogue.schema';
import type { Request } from '../shared/request.schema';
import type { Deps } from '../cloudfunctions/core/services/context';
import { nowIso } from '../cloudfunctions/core/services/context';
import { newTrackingNo } from '../cloudfunctions/core/services/tracking.no';
import type { BenchRow } from './bench.types';
import { abRounds, once, progress, round, row, summarize } from './bench.stats';
import { runLoad, UNIQUE_KEY, type LoadPlan, type LoadReport } from './http.load';

const SECONDS = 3;
const ROUNDS = 4;
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
    must(
      await call(gw, 'session', 'bindResident', { name: `测试居民${i}`, idNumber: id, phone: `1380537${String(1000 + i)}`, homeVillageId: villageId }, token),
      'bindResident',
    );
    tokens.push(token);
  }
  return tokens;
};

/** A township matter a resident hands in at their own village center. */
const townshipItem = (items: Item[]): Item =>
  items.find((i) => i.level === 'township' && i.audience !== 'company' && i.kind === 'promised' && !i.lists.includes('taiping'))!;

/**
 * The ceiling: node:http reading the same body, then `createRequest` of a copy of a stored
 * submitted request of the caller's resident (fresh id, key, tracking number and instants, from
 * the gateway's own makers) with its audit entry and the notice a submit queues for the intake
 * center (the same write as the gateway's), answered as the gateway answers (the request without
 * its key, hashes and sealed values).
 */
/** What a submit answers of its request: neither the key nor the hashes nor the sealed values. */
const answerOf = ({ idempotencyKey: _k, idempotencyHash: _h, formHashes: _f, sealed: _s, ...shown }: Request) => shown;

const bareServer = async (
  store: Stores,
  templates: Map<string, Request>,
  deps: Pick<Deps, 'newId' | 'newCode' | 'now'>,
): Promise<{ url: string; server: Server }> => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { idempotencyKey: string } };
      // the applicant the gateway would find for this caller's token: one template per resident
      const template = templates.get(req.headers.authorization ?? '')!;
      const id = deps.newId('req');
      const at = nowIso({ deps });
      const request = { ...template, id, idempotencyKey: body.data.idempotencyKey, trackingNo: newTrackingNo({ deps }), submittedAt: at, updatedAt: at };
      const saved = await store.createRequest(
        request,
        [
          {
            requestId: id,
            at,
            actor: { userId: template.applicant.userId, role: 'resident' },
            action: 'submit',
            toState: 'submitted',
            centerId: template.intakeCenterId,
          },
        ],
        queuedNotices(deps.newId, submissionNotices(request), id, at),
      );
      const text = JSON.stringify(saved.ok ? { ok: true, data: { request: answerOf(saved.value.request) } } : { ok: false, error: saved.error });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/requests`, server };
};

const rate = (r: LoadReport): number => r.requests / r.seconds;
const firstError = (reports: LoadReport[]): string => reports.find((r) => r.firstError)?.firstError?.slice(0, 120) ?? '';

/** Measures submit against its ceiling, and guide, over HTTP on loopback. */
export async function benchGateway(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zc-bench-gw-'));
  const gw = await startGateway({ port: 0, dataDir, schedulerIntervalMs: 0, log: () => undefined });
  const bareStore = createSqliteStore({ path: join(dataDir, 'bare.sqlite') });
  try {
    const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103')!;
    const item = townshipItem(loadSampleItems());
    const tokens = await residents(gw, village.id);
    const data = { itemCode: item.code, intakeCenterId: village.id, form: filledForm(item), materials: [{ name: '居民身份证', fileId: 'file-1' }] };
    const templates = new Map<string, Request>();
    for (const [i, token] of tokens.entries()) {
      const answered = must(await call(gw, 'requests', 'submit', { ...data, idempotencyKey: `bench-template-${i}` }, token), 'submit').request as Request;
      templates.set(`Bearer ${token}`, (await gw.deps.requests.getRequest(answered.id))!);
    }
    await seedSampleData(bareStore, gw.deps.now().toISOString());
    const bare = await bareServer(bareStore, templates, gw.deps);
    const body = JSON.stringify({ action: 'submit', data: { ...data, idempotencyKey: UNIQUE_KEY } });
    const plan = (url: string, b: string, seconds = SECONDS): LoadPlan => ({
      url,
      body: b,
      tokens,
      concurrency: CONCURRENCY,
      seconds,
      warmupSeconds: WARMUP_SECONDS,
    });
    const reports = { submit: [] as LoadReport[], bare: [] as LoadReport[] };
    progress('gateway', `requests.submit against the bare ceiling, ${ROUNDS} rounds of ${SECONDS} s each at concurrency ${CONCURRENCY}`);
    const rounds = await abRounds(
      ROUNDS,
      async () => rate(reports.submit[reports.submit.push(await runLoad(plan(`${gw.url}/api/requests`, body))) - 1]),
      async () => rate(reports.bare[reports.bare.push(await runLoad(plan(bare.url, body))) - 1]),
    );
    bare.server.close();
    progress('gateway', `directory.guide for ${SECONDS * 2} s`);
    const guide = await runLoad(plan(`${gw.url}/api/directory`, JSON.stringify({ action: 'guide', data: { itemCode: item.code } }), SECONDS * 2));
    const latency = summarize(reports.submit.flatMap((r) => r.latenciesMs));
    const bareLatency = summarize(reports.bare.flatMap((r) => r.latenciesMs));
    const guideLatency = summarize(guide.latenciesMs);
    const errors = [...reports.submit, ...reports.bare].reduce((n, r) => n + r.errors, 0);
    const cpu = (rs: LoadReport[]) => rs.flatMap((r) => (r.serverCpuUs === undefined ? [] : [r.serverCpuUs]));
    const window = `${CONCURRENCY} keep-alive connections, ${ROUNDS} rounds of ${SECONDS} s after ${WARMUP_SECONDS} s warm-up each`;
    return [
      row({
        name: 'gateway requests.submit throughput',
        unit: 'req/s',
        samples: rounds.a,
        reference: { name: 'bare node:http + RequestStore.createRequest', samples: rounds.b },
        goal: { of: 'ratio', atLeast: 0.7 },
        note: `${window}; WAL, synchronous NORMAL on both`,
      }),
      ...(cpu(reports.submit).length
        ? [
            row({
              name: 'gateway requests.submit server CPU per call',
              unit: 'µs',
              samples: cpu(reports.submit),
              reference: { name: 'bare node:http + RequestStore.createRequest', samples: cpu(reports.bare) },
              note: "the server thread's CPU time per answered call (Linux /proc), the same rounds; it holds when other work shares the cores, where throughput does not",
            }),
          ]
        : []),
      once('gateway requests.submit latency p50', round(latency.p50, 2), 'ms', `mean ${round(latency.mean, 2)} ms over ${latency.count} calls`, undefined, {
        name: 'bare p50',
        value: round(bareLatency.p50, 2),
      }),
      once('gateway requests.submit latency p99', round(latency.p99, 2), 'ms', undefined, undefined, { name: 'bare p99', value: round(bareLatency.p99, 2) }),
      once(
        'gateway requests.submit errors',
        errors,
        'calls',
        errors ? `first: ${firstError([...reports.submit, ...reports.bare])}` : 'non-200 or failed envelope, gateway and bare; must be 0',
        { of: 'value', atMost: 0 },
      ),
      once(
        'gateway directory.guide throughput',
        Math.round(rate(guide)),
        'req/s',
        `${CONCURRENCY} keep-alive connections, ${guide.seconds} s after ${WARMUP_SECONDS} s warm-up, ${guide.requests} calls`,
      ),
      once('gateway directory.guide latency p50', round(guideLatency.p50, 2), 'ms', `mean ${round(guideLatency.mean, 2)} ms`),
      once('gateway directory.guide latency p99', round(guideLatency.p99, 2), 'ms'),
      once('gateway directory.guide errors', guide.errors, 'calls', guide.firstError ? `first: ${guide.firstError.slice(0, 120)}` : 'must be 0', {
        of: 'value',
        atMost: 0,
      }),
    ];
  } finally {
    await gw.close();
    await bareStore.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
