/**
 * The deployed form of the functions: each esbuild bundle runs on its own (outside the
 * project, so nothing is resolved from node_modules), talks to CloudBase over HTTP (the local
 * fake), and knows the caller only from the platform's OPENID, never from the call's data.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleFunction } from '../../tools/build-functions';
import { startFakeCloudbase, type FakeCloudbase } from '../support/fake-cloudbase';
import { pointSdkAt, SDK_ENV_KEYS } from '../support/cloudbase.env';
import { createCloudbaseStore } from '../../cloudfunctions/core/stores/cloudbase.store';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { validIdNumber } from '../support/sample.people';
import { makeRequest } from '../support/request.fixture';
import { makeUser } from '../support/directory.fixture';

const run = promisify(execFile);
const outRoot = mkdtempSync(join(tmpdir(), 'zc-bundles-'));
const village = loadSampleCenters().find((c) => c.kind === 'village')!;
let fake: FakeCloudbase;
const saved = Object.fromEntries(SDK_ENV_KEYS.map((k) => [k, process.env[k]]));

/** The keys a deployment sets for the functions that hash and encrypt personal numbers. */
const KEYS = { ZC_ID_HASH_KEY: 'bundle-test-id-hash-key', ZC_PHONE_KEY: 'ab'.repeat(32) };

/** Invokes a bundle's main in a fresh node process as the platform would, with an OPENID in its context. */
const invoke = async (bundle: string, event: unknown, openId: string | null) => {
  const script = `require(${JSON.stringify(bundle)}).main(${JSON.stringify(event)}, undefined).then((r) => process.stdout.write('\\n@@' + JSON.stringify(r)))`;
  const env = { ...process.env, ...KEYS, ...(openId ? { WX_OPENID: openId, TCB_CONTEXT_KEYS: 'TCB_ENV,WX_OPENID' } : {}) };
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: outRoot, env, timeout: 30_000 });
  return JSON.parse(stdout.split('\n@@').pop()!);
};

beforeAll(async () => {
  fake = await startFakeCloudbase();
  pointSdkAt(fake.url, 'zc-bundle-test');
  const store = createCloudbaseStore({ env: process.env.TCB_ENV });
  await store.upsertCenters([village]);
  await store.close();
}, 60_000);
afterAll(async () => {
  await fake.stop();
  for (const k of SDK_ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('the bundled session function', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = (await bundleFunction('session', outRoot)).outfile;
  }, 60_000);

  it('binds the caller named by the platform OPENID and ignores an identity claimed in data', async () => {
    const bound = await invoke(
      bundle,
      {
        action: 'bindResident',
        data: {
          name: '周八',
          idNumber: validIdNumber('19820202', '828'),
          phone: '13805378888',
          homeVillageId: village.id,
          userId: 'someone-else',
          openId: 'o-forged',
        },
      },
      'o-platform-1',
    );
    expect(bound).toMatchObject({ ok: true, data: { user: { id: 'o-platform-1', bound: true } } });
    const me = await invoke(bundle, { action: 'whoami', data: { openId: 'o-platform-1' } }, 'o-platform-2');
    expect(me).toEqual({ ok: true, data: { user: null } });
  });

  it('refuses the development login outside local mode', async () => {
    expect(await invoke(bundle, { action: 'devLogin', data: { persona: 'admin' } }, 'o-platform-3')).toMatchObject({
      ok: false,
      error: { code: 'LOCAL_MODE_ONLY' },
    });
  });

  it('answers a call without an OPENID as unauthenticated', async () => {
    const answer = await invoke(
      bundle,
      { action: 'bindResident', data: { name: '周八', idNumber: validIdNumber(), phone: '13805378888', homeVillageId: village.id } },
      null,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses to start without ZC_ID_HASH_KEY and ZC_PHONE_KEY, naming both (regression: the hash key lived beside the hashes)', async () => {
    const script = `require(${JSON.stringify(bundle)}).main({ action: 'whoami', data: {} }).then(() => process.stdout.write('answered'), (e) => process.stderr.write(e.message))`;
    const { stdout, stderr } = await run(process.execPath, ['-e', script], {
      cwd: outRoot,
      env: { ...process.env, WX_OPENID: 'o-platform-5' },
      timeout: 30_000,
    });
    expect(stdout).not.toContain('answered');
    expect(stderr).toMatch(/session refuses to start: ZC_ID_HASH_KEY .*ZC_PHONE_KEY/);
  });

  it('answers a malformed event in the envelope, not with a crash', async () => {
    expect(await invoke(bundle, { nothing: true }, 'o-platform-4')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('the bundled files function (regression: uploaded photos were readable by anyone)', () => {
  let bundle: string;
  const fileID = 'cloud://zc-bundle-test.7a63/materials/key-1/m0-1.jpg';
  beforeAll(async () => {
    bundle = (await bundleFunction('files', outRoot)).outfile;
    const store = createCloudbaseStore({ env: process.env.TCB_ENV });
    await store.putUser(makeUser({ id: 'o-owner', homeVillageId: 'v-001' }));
    await store.putUser({ ...makeUser({ id: 'o-clerk-far' }), role: 'clerk', centerId: 't-999' });
    await store.createRequest(
      makeRequest({
        id: 'req-cloud-file',
        idempotencyKey: 'k-cloud-file',
        applicant: { userId: 'o-owner', type: 'person', nameMasked: '张*' },
        materials: [{ name: '身份证', fileId: fileID, paperSeen: false }],
      }),
      [],
    );
    await store.close();
  }, 60_000);

  it('hands a temporary cloud-storage URL to the applicant, and nothing to a clerk off the path', async () => {
    const mine = await invoke(bundle, { action: 'tempUrls', data: { fileIds: [fileID] } }, 'o-owner');
    expect(mine).toMatchObject({ ok: true, data: { urls: { [fileID]: expect.stringMatching(/^https:\/\/fake-storage\.local\/.*max_age=600/) } } });
    expect(await invoke(bundle, { action: 'tempUrls', data: { fileIds: [fileID] } }, 'o-clerk-far')).toEqual({ ok: true, data: { urls: {} } });
    expect(await invoke(bundle, { action: 'upload', data: { name: 'a.jpg', contentType: 'image/jpeg', dataBase64: 'AAAA' } }, 'o-owner')).toMatchObject({
      ok: false,
      error: { code: 'LOCAL_MODE_ONLY' },
    });
  });
});

describe('the bundled open311 function (HTTP-triggered)', () => {
  let bundle: string;
  const item = loadSampleItems().find((i) => i.audience !== 'company' && i.formFields.some((f) => f.type === 'select'))!;
  beforeAll(async () => {
    bundle = (await bundleFunction('open311', outRoot)).outfile;
    const store = createCloudbaseStore({ env: process.env.TCB_ENV });
    await store.upsertItems([item]);
    await store.close();
  }, 60_000);
  const http = (path: string, extra: object = {}) =>
    invoke(bundle, { httpMethod: 'GET', path, headers: { Host: 'zc-env.app.tcloudbase.com' }, queryStringParameters: {}, ...extra }, null);

  it('answers the HTTP access service in its integration-response form, XML and JSON by extension', async () => {
    const xml = await http('/open311/v2/services.xml');
    expect(xml).toMatchObject({ statusCode: 200, isBase64Encoded: false, headers: { 'content-type': 'text/xml; charset=utf-8' } });
    expect(xml.body).toContain(`<service_code>${item.code}</service_code>`);
    const def = await http(`/open311/v2/services/${item.code}.json`);
    expect(JSON.parse(def.body)).toMatchObject({
      service_code: item.code,
      attributes: expect.arrayContaining([expect.objectContaining({ datatype: 'singlevaluelist' })]),
    });
    const discovery = JSON.parse((await http('/open311/v2/discovery.json')).body);
    expect(discovery.endpoints[0].url).toBe('https://zc-env.app.tcloudbase.com/open311/v2');
  });

  it('refuses a keyed call without a key with 403, and a base64 form post with a bad key too', async () => {
    expect(await http('/open311/v2/requests.json')).toMatchObject({ statusCode: 403, body: expect.stringContaining('API_KEY_INVALID') });
    const body = Buffer.from(new URLSearchParams({ api_key: 'zc311_nope', service_code: item.code }).toString()).toString('base64');
    const posted = await http('/open311/v2/requests.xml', {
      httpMethod: 'POST',
      body,
      isBase64Encoded: true,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(posted).toMatchObject({
      statusCode: 403,
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: expect.stringContaining('<code>403</code>'),
    });
  });
});
