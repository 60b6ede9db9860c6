/**
 * A closed-loop HTTP load generator over keep-alive connections. It runs in a worker thread so
 * that the client and the gateway under test each have an event loop (and a core) of their own:
 * sharing one loop would measure the client as much as the server.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * Every occurrence in a body is replaced by a key fresh for every request of every run: each run
 * (a new worker) draws its own prefix, so a later round never sends an earlier round's key (which
 * a server would answer as a retry, without the write being measured).
 */
export const UNIQUE_KEY = '__UNIQUE_KEY__';

export type LoadPlan = {
  /** the endpoint, e.g. http://127.0.0.1:1234/api/requests */
  url: string;
  /** the JSON body sent on every request, with UNIQUE_KEY where a fresh value is needed */
  body: string;
  /** bearer tokens; connection i sends tokens[i % tokens.length] */
  tokens: string[];
  concurrency: number;
  seconds: number;
  /** load before the measured window, so JIT and caches are warm */
  warmupSeconds: number;
  /** GET sends no body; default POST */
  method?: 'GET' | 'POST';
  /** default application/json */
  contentType?: string;
  /** what a good answer starts with; default the ok envelope `{"ok":true` */
  okPrefix?: string;
};

export type LoadReport = {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  firstError?: string;
  /** every answered request, the warm-up's included */
  answered: number;
  /**
   * CPU time of the calling thread (the server's event loop) per answered request, in µs, where
   * the platform tells it (Linux). Unlike throughput it holds when other work shares the cores.
   */
  serverCpuUs?: number;
};

type Sample = { ms: number; error?: string };

/** CPU ms the main thread has used (user + system), from /proc on Linux; null elsewhere. */
const mainThreadCpuMs = (): number | null => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
};
/** USER_HZ, the unit of /proc's CPU times: 100 on every Linux build Node runs on. */
const CLOCK_TICKS = 100;

/** Runs the plan in a worker thread and answers what the measured window saw, with the server thread's CPU per request. */
export const runLoad = async (plan: LoadPlan): Promise<LoadReport> => {
  const before = mainThreadCpuMs();
  const report = await runWorker(plan);
  const after = mainThreadCpuMs();
  return before === null || after === null || !report.answered ? report : { ...report, serverCpuUs: ((after - before) * 1000) / report.answered };
};

const runWorker = (plan: LoadPlan): Promise<LoadReport> =>
  new Promise((resolve, reject) => {
    // tsx registers itself in the worker, so this very file can run there
    const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
    const worker = new Worker(boot, { eval: true, workerData: { kind: 'http-load', plan } });
    worker.once('message', (report: LoadReport) => resolve(report));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });

/** One request on a keep-alive agent; an error is a non-200 or a failed envelope. */
const send = (agent: http.Agent, plan: LoadPlan, token: string, body: string): Promise<Sample> =>
  new Promise((resolve) => {
    const start = performance.now();
    const method = plan.method ?? 'POST';
    const headers = {
      'content-type': plan.contentType ?? 'application/json',
      'content-length': method === 'GET' ? 0 : Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
    };
    const req = http.request(plan.url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const ok = res.statusCode === 200 && text.startsWith(plan.okPrefix ?? '{"ok":true');
        resolve({ ms: performance.now() - start, ...(ok ? {} : { error: `${res.statusCode} ${text.slice(0, 200)}` }) });
      });
    });
    req.on('error', (e) => resolve({ ms: performance.now() - start, error: e.message }));
    req.end(method === 'GET' ? undefined : body);
  });

/** The worker side: `concurrency` loops, each sending its next request when the last answered. */
const drive = async (plan: LoadPlan): Promise<LoadReport> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  let counter = 0;
  const run = randomBytes(6).toString('hex');
  const bodyOf = () => plan.body.split(UNIQUE_KEY).join(`bench-${run}-${++counter}`);
  const warmEnd = performance.now() + plan.warmupSeconds * 1000;
  const end = warmEnd + plan.seconds * 1000;
  const report: LoadReport = { requests: 0, errors: 0, seconds: plan.seconds, latenciesMs: [], answered: 0 };
  const loop = async (i: number) => {
    const token = plan.tokens[i % plan.tokens.length];
    while (performance.now() < end) {
      const started = performance.now();
      const s = await send(agent, plan, token, bodyOf());
      report.answered += 1;
      if (started < warmEnd || performance.now() > end) continue;
      report.requests += 1;
      report.latenciesMs.push(s.ms);
      if (s.error) report.errors += 1;
      if (s.error && !report.firstError) report.firstError = s.error;
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, (_, i) => loop(i)));
  agent.destroy();
  return report;
};

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === 'http-load') {
  void drive((workerData as { plan: LoadPlan }).plan).then((report) => parentPort!.postMessage(report));
}
