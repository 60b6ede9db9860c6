/**
 * The local gateway: one Node process serving `POST /api/<function>` with the same
 * handlers and envelope as the cloud, Open311 GeoReport v2 under `/open311/v2/`, uploaded
 * photos, and the H5 build of the app.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppError } from '../shared/errors';
import { dispatch, type CallOutcome } from '../cloudfunctions/core/edge/dispatch';
import { errorEnvelope, normalizeError } from '../cloudfunctions/core/edge/envelope';
import { internalErrorReport } from '../cloudfunctions/core/edge/call.log';
import { httpStatusFor } from '../cloudfunctions/core/edge/http.status';
import { tokenVerifier } from '../cloudfunctions/core/identity/token';
import { mayReadFile, verifyFileLink } from '../cloudfunctions/core/services/file.access';
import { FUNCTIONS } from '../cloudfunctions/core/edge/functions';
import { createDeps } from '../cloudfunctions/core/services/deps';
import type { DepsSettings, KeySettings } from '../cloudfunctions/core/services/config';
import { localSecrets, secretsWarning } from '../cloudfunctions/core/services/secrets';
import { createFolderStorage } from '../cloudfunctions/core/services/file.storage';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import type { Deps } from '../cloudfunctions/core/services/context';
import { serveStatic } from './static.files';
import { deliverOutbox, inAppSender, runOverdueScan } from '../cloudfunctions/scheduler/scheduler.jobs';
import { queueCalendarNotices, queueRectificationNotices } from '../cloudfunctions/scheduler/admin.notices';
import { noticeOverdueDemands } from '../cloudfunctions/scheduler/demand.overdue';
import { queueBookingReminders } from '../cloudfunctions/scheduler/booking.reminders';
import { repairLogOf, repairSlotCounts } from '../cloudfunctions/scheduler/booking.repair';
import { runCertifyPass } from '../cloudfunctions/core/services/certify.pass';
import { runPartnerIntake } from '../cloudfunctions/core/services/partner.filing';
import { createOpen311Edge, type Open311Edge } from '../cloudfunctions/open311/open311.edge';

export const MAX_BODY_BYTES = 4_500_000;

export type GatewayOptions = {
  port?: number;
  host?: string;
  dataDir: string;
  /** the SQLite file, or ':memory:'; defaults to zoucheng.sqlite in the data directory */
  dbPath?: string;
  /** the H5 build to serve at / (optional in API-only tests) */
  staticDir?: string;
  /** the lifecycle limits, from `loadConfig`; absent ones take its defaults */
  settings?: Partial<DepsSettings>;
  /** keys set in the environment; the others come from the key file in `dataDir` */
  keys?: KeySettings;
  now?: () => Date;
  /** one line per call; never personal data */
  log?: (line: string) => void;
  /** the report of a bug (INTERNAL), with its stack; console.error unless given */
  logError?: (report: string) => void;
  /** how often the local timer flags overdue matters and delivers notices; 0 turns it off */
  schedulerIntervalMs?: number;
  /**
   * checks every answer against its action's output schema, and answers INTERNAL for one that
   * breaks it: the tests turn it on; off by default, as in the cloud, since it parses every answer again
   */
  checkOutput?: boolean;
};

export type Gateway = { url: string; port: number; deps: Deps; close(): Promise<void> };

/** Starts the gateway with the SQLite store under `dataDir`, seeding sample data on first start. */
export const startGateway = async (o: GatewayOptions): Promise<Gateway> => {
  const store = createSqliteStore({ path: o.dbPath ?? join(o.dataDir, 'zoucheng.sqlite') });
  const log: Logs = { line: o.log ?? ((line) => console.log(line)), error: o.logError ?? ((report) => console.error(report)) };
  const keys = await localSecrets(o.dataDir, store, o.keys);
  log.line(secretsWarning(keys));
  const deps = await createDeps({
    store,
    mode: 'local',
    secrets: keys.secrets,
    files: createFolderStorage(join(o.dataDir, 'uploads')),
    checkOutput: o.checkOutput ?? false,
    ...o.settings,
    ...(o.now ? { now: o.now } : {}),
  });
  await seedSampleData(store, deps.now().toISOString());
  const verify = tokenVerifier(deps.secrets.token);
  const open311 = createOpen311Edge(deps);
  const server = createServer((req, res) => {
    handle(deps, verify, o, req, res, log, open311).catch((e) => {
      const error = normalizeError(e);
      reportInternal(log, 'gateway', req.method ?? '?', error);
      sendJson(res, 500, errorEnvelope(error));
    });
  });
  server.keepAliveTimeout = 5000;
  const timer = startScheduler(deps, o.schedulerIntervalMs ?? 60_000, log.line);
  await new Promise<void>((resolve) => server.listen(o.port ?? 8080, o.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    port,
    deps,
    close: async () => {
      if (timer) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
};

/** The local stand-in for the cloud timer trigger: one pass now and then every interval. */
const startScheduler = (deps: Deps, intervalMs: number, log: (l: string) => void) => {
  if (!intervalMs) return null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const scan = await runOverdueScan(deps);
      await queueCalendarNotices(deps);
      await queueRectificationNotices(deps);
      await noticeOverdueDemands(deps);
      await queueBookingReminders(deps);
      const slots = await repairSlotCounts(deps, { ms: 5_000 });
      const intake = await runPartnerIntake(deps);
      const certify = await runCertifyPass(deps, { ms: 20_000 });
      const sent = await deliverOutbox(deps, inAppSender);
      if (scan.flagged || intake.filed || intake.failed || certify.scanned || slots.repaired.length || sent.sent || sent.failed) {
        log(
          `scheduler flagged=${scan.flagged} filed=${intake.filed} intakeFailed=${intake.failed} certifyScanned=${certify.scanned} certifiedSilently=${certify.silent} ${repairLogOf(slots)} sent=${sent.sent} failed=${sent.failed}`,
        );
      }
    } catch (e) {
      log(`scheduler error ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return timer;
};

/** Where the gateway writes: a line per call, and a report per bug. */
type Logs = { line: (line: string) => void; error: (report: string) => void };

const reportInternal = (log: Logs, fn: string, action: string, error: AppError | undefined) => {
  const report = internalErrorReport(fn, action, error);
  if (report) log.error(report);
};

type Verify = ReturnType<typeof tokenVerifier>;

const handle = async (deps: Deps, verify: Verify, o: GatewayOptions, req: IncomingMessage, res: ServerResponse, log: Logs, open311: Open311Edge) => {
  const url = new URL(req.url ?? '/', 'http://local');
  // a path that is not valid percent-encoding (GET /%E0%A4%A) is the caller's mistake, not a bug
  if (!isDecodable(url.pathname)) return sendJson(res, 400, errorEnvelope(new AppError('BAD_URL')));
  if (url.pathname.startsWith('/open311/')) return callOpen311(open311, url, req, res, log);
  const api = url.pathname.match(/^\/api\/([a-zA-Z]+)\/?$/);
  if (api && req.method === 'POST') return callFunction(deps, verify, api[1], req, res, log);
  if (api || url.pathname.startsWith('/api/')) return sendJson(res, 405, errorEnvelope(new AppError('UNKNOWN_FUNCTION')));
  const file = url.pathname.match(/^\/files\/([a-z0-9-]+)$/i);
  if (file && req.method === 'GET') return sendFile(deps, file[1], await fileAllowed(deps, verify, file[1], url, req), res);
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(o.staticDir, url.pathname, res);
  sendJson(res, 405, errorEnvelope(new AppError('UNKNOWN_FUNCTION')));
};

const isDecodable = (pathname: string): boolean => {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
};

const callFunction = async (deps: Deps, verify: Verify, name: string, req: IncomingMessage, res: ServerResponse, log: Logs) => {
  const started = process.hrtime.bigint();
  const outcome = await outcomeOf(deps, verify, name, req);
  const code = outcome.envelope.ok ? 'OK' : outcome.envelope.error.code;
  sendJson(res, httpStatusFor(code), outcome.envelope);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  log.line(`api ${name}.${outcome.action} ${code} ${ms.toFixed(1)}ms`);
  reportInternal(log, name, outcome.action, outcome.error);
};

const outcomeOf = async (deps: Deps, verify: Verify, name: string, req: IncomingMessage): Promise<CallOutcome> => {
  const failed = (e: AppError): CallOutcome => ({ action: '?', code: e.code, envelope: errorEnvelope(e), error: e });
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) {
    req.resume();
    return failed(new AppError('UNKNOWN_FUNCTION', undefined, name));
  }
  const body = await readBody(req);
  if (body instanceof AppError) return failed(body);
  let call: unknown;
  try {
    call = JSON.parse(body || '{}');
  } catch {
    return failed(new AppError('BAD_JSON'));
  }
  return dispatch(fn, call, deps, subjectOf(deps, verify, req));
};

/** One Open311 call: the same edge as the HTTP-triggered cloud function, with the spec's bodies. */
const callOpen311 = async (edge: Open311Edge, url: URL, req: IncomingMessage, res: ServerResponse, log: Logs) => {
  const started = process.hrtime.bigint();
  const body = req.method === 'POST' ? await readBody(req) : (req.resume(), '');
  const baseUrl = `http://${req.headers.host ?? 'localhost'}/open311/v2`;
  const out =
    body instanceof AppError
      ? edge.refuse(url.pathname, body)
      : await edge.handle({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          body,
          contentType: req.headers['content-type'],
          baseUrl,
        });
  if (!res.headersSent) {
    res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body) });
    res.end(req.method === 'HEAD' ? undefined : out.body);
  }
  log.line(`open311 ${out.op} ${out.code} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)}ms`);
  reportInternal(log, 'open311', out.op, out.error);
};

/** The subject of a verified dev token in `Authorization: Bearer`, else null. */
const subjectOf = (deps: Deps, verify: Verify, req: IncomingMessage): string | null => {
  const m = (req.headers.authorization ?? '').match(/^Bearer\s+(\S+)$/);
  return m ? (verify(m[1], deps.now().getTime())?.sub ?? null) : null;
};

const readBody = (req: IncomingMessage): Promise<string | AppError> =>
  new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return resolve(new AppError('PAYLOAD_TOO_LARGE'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? new AppError('PAYLOAD_TOO_LARGE') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(new AppError('BAD_JSON')));
  });

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

/**
 * A photo is served on a signed link from `files.tempUrls` (what an <img> can carry), or to a
 * bearer token of someone who may see it; anyone else is told it does not exist.
 */
const fileAllowed = async (deps: Deps, verify: Verify, id: string, url: URL, req: IncomingMessage): Promise<boolean> => {
  if (url.searchParams.has('sig'))
    return verifyFileLink(id, url.searchParams.get('exp'), url.searchParams.get('sig'), deps.secrets.token, deps.now().getTime());
  const subject = subjectOf(deps, verify, req);
  return !!subject && mayReadFile({ deps, caller: { subject, user: null } }, subject, await deps.users.getUser(subject), id);
};

const sendFile = (deps: Deps, id: string, allowed: boolean, res: ServerResponse) => {
  const f = allowed ? deps.files?.read(id) : null;
  if (!f) return sendJson(res, 404, errorEnvelope(new AppError('NOT_FOUND')));
  res.writeHead(200, { 'content-type': f.contentType, 'cache-control': 'private, max-age=600', 'content-length': f.bytes.length });
  res.end(f.bytes);
};
