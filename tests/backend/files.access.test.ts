/**
 * Regression for "uploaded photos are readable without logging in": over real HTTP, a photo is
 * served only to its uploader and to those who may see a request that carries it (the clerks of
 * the centers on its path), on a short-lived signed link or a bearer token; everyone else, and
 * a tampered or expired link, gets 404. On WeChat the same check hands out cloud storage's
 * temporary URLs, tried here through the deployed bundle against the fake CloudBase API.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type Gateway } from '../../gateway/server';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { FILE_LINK_SECONDS } from '../../cloudfunctions/core/services/file.access';

const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '103')!;
const item = loadSampleItems().find((i) => i.level === 'township' && i.audience === 'person' && !i.lists.includes('taiping'))!;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

let gw: Gateway;
let nowMs = Date.parse('2026-09-28T01:00:00.000Z');
const api = async (fn: string, action: string, data: unknown, token?: string) => {
  const res = await fetch(`${gw.url}/api/${fn}`, {
    method: 'POST',
    body: JSON.stringify({ action, data }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return (await res.json()) as any;
};
const login = async (persona: string, extra: Record<string, string> = {}) => (await api('session', 'devLogin', { persona, ...extra })).data.token as string;
const status = async (path: string, token?: string) => (await fetch(gw.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;
const linkOf = async (fileId: string, token: string) => (await api('files', 'tempUrls', { fileIds: [fileId] }, token)).data.urls[fileId] as string | undefined;

beforeAll(async () => {
  gw = await startGateway({
    port: 0,
    checkOutput: true,
    dataDir: mkdtempSync(join(tmpdir(), 'zc-files-')),
    log: () => undefined,
    schedulerIntervalMs: 0,
    now: () => new Date(nowMs),
  });
});
afterAll(() => gw.close());

describe('an uploaded photo', () => {
  let resident: string;
  let fileId: string;
  beforeAll(async () => {
    resident = await login('resident', { villageId: village.id });
    await api(
      'session',
      'bindResident',
      { name: '孙七', idNumber: validIdNumber('19810303', '717'), phone: '13805377777', homeVillageId: village.id },
      resident,
    );
    fileId = (await api('files', 'upload', { name: 'id.png', contentType: 'image/png', dataBase64: PNG }, resident)).data.fileId;
  });

  it('answers 404 without a token, and to another resident, even before any request carries it', async () => {
    expect(await status(`/files/${fileId}`)).toBe(404);
    const stranger = await login('resident', { villageId: village.id });
    expect(await status(`/files/${fileId}`, stranger)).toBe(404);
    expect(await linkOf(fileId, stranger)).toBeUndefined();
  });

  it('is served to its uploader, by token and by the signed link tempUrls hands out', async () => {
    expect(await status(`/files/${fileId}`, resident)).toBe(200);
    const link = (await linkOf(fileId, resident))!;
    expect(link).toMatch(/^\/files\/file-[a-z0-9]+\?exp=\d+&sig=/);
    const res = await fetch(gw.url + link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('is served to the clerks on the path of a request that carries it, and to no other clerk', async () => {
    await api(
      'requests',
      'submit',
      {
        itemCode: item.code,
        intakeCenterId: village.id,
        form: filledForm(item),
        materials: [{ name: '居民身份证', fileId }],
        idempotencyKey: 'files-access-01',
      },
      resident,
    );
    for (const centerId of [village.id, 'ts-103']) {
      const clerk = await login('clerk', { centerId });
      expect(await status(`/files/${fileId}`, clerk)).toBe(200);
      expect(await linkOf(fileId, clerk)).toBeDefined();
    }
    const outsider = await login('clerk', { centerId: 'ts-104' });
    expect(await status(`/files/${fileId}`, outsider)).toBe(404);
    expect(await linkOf(fileId, outsider)).toBeUndefined();
    expect(await status(`/files/${fileId}`, await login('admin'))).toBe(404);
  });

  it('refuses a tampered, a borrowed and an expired link', async () => {
    const link = (await linkOf(fileId, resident))!;
    expect(await status(link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A'))).toBe(404);
    const other = (await api('files', 'upload', { name: 'b.png', contentType: 'image/png', dataBase64: PNG }, resident)).data.fileId;
    expect(await status(link.replace(fileId, other))).toBe(404);
    nowMs += (FILE_LINK_SECONDS + 1) * 1000;
    expect(await status(link)).toBe(404);
  });
});
