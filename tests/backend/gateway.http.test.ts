/**
 * The local gateway over real HTTP on loopback: the same handlers and envelope, coded
 * errors for bad input, never a stack trace or a crash, and log lines without personal data.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startGateway, MAX_BODY_BYTES, type Gateway } from '../../gateway/server';
import { validIdNumber } from '../support/sample.people';

let gw: Gateway;
const lines: string[] = [];

const post = async (path: string, body: string, token?: string) => {
  const res = await fetch(gw.url + path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.status, json: (await res.json()) as any };
};
const call = (fn: string, action: string, data: unknown, token?: string) => post(`/api/${fn}`, JSON.stringify({ action, data }), token);

beforeAll(async () => {
  gw = await startGateway({ port: 0, checkOutput: true, dataDir: mkdtempSync(join(tmpdir(), 'zc-gw-')), log: (l) => lines.push(l) });
});
afterAll(() => gw.close());

describe('the local gateway', () => {
  it('answers a directory call in the envelope with the seeded sample data', async () => {
    const { status, json } = await call('directory', 'listCenters', { kind: 'township', pageSize: 50 });
    expect(status).toBe(200);
    expect(json.ok).toBe(true);
    expect(json.data.total).toBe(16);
  });

  it('answers malformed JSON with BAD_JSON and a Chinese message', async () => {
    const { status, json } = await post('/api/directory', '{"action": "listCenters",');
    expect(status).toBe(400);
    expect(json).toEqual({ ok: false, error: { code: 'BAD_JSON', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });

  it('answers an unknown function and an unknown action with their codes', async () => {
    expect((await call('nope', 'x', {})).json.error.code).toBe('UNKNOWN_FUNCTION');
    expect((await call('directory', 'dropTables', {})).json.error.code).toBe('UNKNOWN_ACTION');
    expect((await call('directory', 'constructor', {})).json.error.code).toBe('UNKNOWN_ACTION');
  });

  it('refuses an oversized body with PAYLOAD_TOO_LARGE and keeps serving', async () => {
    const big = JSON.stringify({ action: 'upload', data: { name: 'a.jpg', contentType: 'image/jpeg', dataBase64: 'A'.repeat(MAX_BODY_BYTES + 10) } });
    const { status, json } = await post('/api/files', big);
    expect(status).toBe(413);
    expect(json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await call('directory', 'listTownships', {})).json.ok).toBe(true);
  });

  it('answers wrong types with VALIDATION_FAILED naming the fields', async () => {
    const { status, json } = await call('directory', 'nearestCenters', { lat: 'north', lng: 116.9 });
    expect(status).toBe(400);
    expect(json.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(json.error.fields)).toContain('lat');
  });

  it('knows the caller only through a valid signed token', async () => {
    const login = await call('session', 'devLogin', { persona: 'resident', villageId: 'v-101-001' });
    expect(login.json.ok).toBe(true);
    const me = await call('session', 'whoami', {}, login.json.data.token);
    expect(me.json.data.user.id).toBe(login.json.data.user.id);
    const forged = login.json.data.token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await call('session', 'whoami', {}, forged)).json.data.user).toBeNull();
    expect((await call('session', 'whoami', { userId: login.json.data.user.id })).json.data.user).toBeNull();
  });

  it('refuses a token with .garbage appended: a token is exactly what was signed', async () => {
    const login = await call('session', 'devLogin', { persona: 'resident', villageId: 'v-101-001' });
    const token: string = login.json.data.token;
    expect((await call('session', 'whoami', {}, token)).json.data.user).not.toBeNull();
    for (const tampered of [`${token}.garbage`, `${token}.`, `x.${token}`]) {
      expect((await call('session', 'whoami', {}, tampered)).json.data.user).toBeNull();
    }
  });

  it('answers a GET of a path that is not valid percent-encoding (/%E0%A4%A) with 400 BAD_URL, not 500', async () => {
    const res = await fetch(`${gw.url}/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'BAD_URL', message: expect.stringMatching(/网址/) } });
  });

  it('logs one line per call without personal data', async () => {
    const login = await call('session', 'devLogin', { persona: 'resident', villageId: 'v-101-001' });
    const id = validIdNumber('19881212', '777');
    const bound = await call(
      'session',
      'bindResident',
      { name: '赵六', idNumber: id, phone: '13605379876', homeVillageId: 'v-101-001' },
      login.json.data.token,
    );
    expect(bound.json.ok).toBe(true);
    expect(bound.json.data.user.idMasked).toBe(`3708**********${id.slice(-4)}`);
    const logged = lines.join('\n');
    expect(logged).toMatch(/api session\.bindResident OK \d+\.\dms/);
    for (const secret of [id, '13605379876', '赵六']) expect(logged).not.toContain(secret);
  });

  it('tells the visitor to build the app when no H5 build is configured', async () => {
    const res = await fetch(gw.url + '/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build:h5');
  });
});

describe('a bug behind the gateway', () => {
  it('is answered as INTERNAL and reported once, with the function, the action and the stack, and no personal data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zc-gw-bug-'));
    const calls: string[] = [];
    const reports: string[] = [];
    const broken = await startGateway({
      port: 0,
      checkOutput: true,
      dataDir,
      schedulerIntervalMs: 0,
      log: (l) => calls.push(l),
      logError: (r) => reports.push(r),
    });
    try {
      const send = (action: string, data: unknown, token?: string) =>
        fetch(`${broken.url}/api/session`, {
          method: 'POST',
          body: JSON.stringify({ action, data }),
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        });
      const login = (await (await send('devLogin', { persona: 'resident', villageId: 'v-101-001' })).json()) as any;
      // a stored record that no longer parses: the store throws inside the handler
      const db = new Database(join(dataDir, 'zoucheng.sqlite'));
      db.prepare('UPDATE users SET doc = ? WHERE id = ?').run('{"broken', login.data.user.id);
      db.close();
      const id = validIdNumber('19900303', '303');
      const res = await send('bindResident', { name: '孙七', idNumber: id, phone: '13705371234', homeVillageId: 'v-101-001' }, login.data.token);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
      expect(calls).toContainEqual(expect.stringMatching(/^api session\.bindResident INTERNAL /));
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatch(/^internal error in session\.bindResident: SyntaxError: .*\n\s+at /);
      for (const secret of [id, '13705371234', '孙七']) expect(reports[0] + calls.join('\n')).not.toContain(secret);
    } finally {
      await broken.close();
    }
  });
});
