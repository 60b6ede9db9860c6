/**
 * Open311 over real HTTP: the local gateway on a SQLite file serves /open311/v2/, and a client
 * that is not ours talks to it the way FixMyStreet's Open311 client does (perllib/Open311.pm, as
 * its documentation describes it): XML only, GET services.xml and services/{code}.xml, a
 * form-urlencoded POST requests.xml with `attribute[code]=value`, `media_url`, `jurisdiction_id`
 * and its own extra attributes, then polling tokens/{token}.xml until the request id appears.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { startGateway, type Gateway } from '../../gateway/server';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { parseXml } from '../support/open311/open311.check';
import { validIdNumber } from '../support/sample.people';

const village = loadSampleCenters().find((c) => c.kind === 'village' && c.townshipCode === '107' && c.offers.length > 0)!;
const lines: string[] = [];
let gw: Gateway;

const api = async (fn: string, action: string, data: unknown, token?: string) => {
  const res = await fetch(`${gw.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  return (await res.json()) as any;
};

/** A FixMyStreet-style Open311 client: XML only, form posts, token polling. */
const fixMyStreetClient = (endpoint: string, apiKey: string) => {
  const xml = new XMLParser({ isArray: (name) => ['service', 'attribute', 'value', 'request', 'error'].includes(name), parseTagValue: false });
  const get = async (path: string, params: Record<string, string> = {}) => {
    const res = await fetch(`${endpoint}/${path}?${new URLSearchParams({ jurisdiction_id: 'zoucheng', ...params })}`);
    return { status: res.status, type: res.headers.get('content-type'), doc: xml.parse(await res.text()) };
  };
  return {
    serviceList: () => get('services.xml'),
    serviceMeta: (code: string) => get(`services/${code}.xml`),
    /** POST requests.xml as the client sends a report: form-encoded, attributes as attribute[code]. */
    async sendServiceRequest(report: Record<string, string>, attributes: Record<string, string>) {
      const body = new URLSearchParams({ api_key: apiKey, jurisdiction_id: 'zoucheng', ...report });
      for (const [code, value] of Object.entries(attributes)) body.append(`attribute[${code}]`, value);
      const res = await fetch(`${endpoint}/requests.xml`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      });
      return { status: res.status, type: res.headers.get('content-type'), doc: xml.parse(await res.text()) };
    },
    tokenStatus: (token: string) => get(`tokens/${token}.xml`, { api_key: apiKey }),
    request: (id: string) => get(`requests/${id}.xml`, { api_key: apiKey }),
  };
};

beforeAll(async () => {
  gw = await startGateway({
    port: 0,
    checkOutput: true,
    dataDir: mkdtempSync(join(tmpdir(), 'zc-o311-')),
    schedulerIntervalMs: 200,
    log: (l) => lines.push(l),
  });
});
afterAll(() => gw.close());

describe('a FixMyStreet-style client over HTTP', () => {
  it('reads the services, files a report with a deferred key, polls the token and reads the request', async () => {
    const admin = (await api('session', 'devLogin', { persona: 'admin' })).data.token;
    const issued = await api('admin', 'issuePartnerKey', { name: 'FixMyStreet 式报事平台', intake: 'deferred' }, admin);
    expect(issued.ok).toBe(true);
    const client = fixMyStreetClient(`${gw.url}/open311/v2`, issued.data.apiKey);

    const list = await client.serviceList();
    expect(list.status).toBe(200);
    expect(list.type).toBe('text/xml; charset=utf-8');
    const services = list.doc.services.service as any[];
    const chosen = services.find((s) => s.metadata === 'true' && village.offers.includes(s.service_code))!;
    expect(chosen).toMatchObject({ type: 'realtime', service_name: expect.any(String), group: expect.any(String) });

    const meta = await client.serviceMeta(chosen.service_code);
    expect(meta.status).toBe(200);
    const attributes = meta.doc.service_definition.attributes.attribute as any[];
    const item = loadSampleItems().find((i) => i.code === chosen.service_code)!;
    expect(attributes.map((a) => a.code)).toEqual(item.formFields.map((f) => f.key));
    // the client fills each attribute by its datatype, as its form would
    const values: Record<string, string> = { title: '代居民申请', report_url: 'https://report.example.cn/r/1' };
    for (const a of attributes) {
      if (a.datatype === 'singlevaluelist') values[a.code] = a.values.value[0].key;
      else if (a.datatype === 'datetime') values[a.code] = '2026-12-01T09:00:00+08:00';
      else if (a.datatype === 'number') values[a.code] = '2';
      else if (a.datatype_description === '11位手机号') values[a.code] = '13805370101';
      else if (a.datatype_description === '18位居民身份证号') values[a.code] = validIdNumber('19900101', '123');
      else values[a.code] = '居民电话反映，请村里帮办';
    }
    const sent = await client.sendServiceRequest(
      {
        service_code: chosen.service_code,
        lat: String(village.location.lat + 0.001),
        long: String(village.location.lng),
        email: 'resident@example.cn',
        first_name: '秀兰',
        last_name: '王',
        phone: '13805370101',
        description: '申请办理',
        media_url: 'https://report.example.cn/photo/1.jpeg',
      },
      values,
    );
    expect(sent.doc.errors ?? null).toBeNull();
    expect(sent.status).toBe(200);
    const [posted] = sent.doc.service_requests.request;
    expect(posted.token).toMatch(/^tok-/);
    expect(posted.service_request_id).toBeUndefined();

    let id: string | undefined;
    for (let poll = 0; poll < 100 && !id; poll++) {
      const status = await client.tokenStatus(posted.token);
      expect(status.status).toBe(200);
      id = status.doc.service_requests.request[0].service_request_id;
      if (!id) await new Promise((r) => setTimeout(r, 100));
    }
    expect(id).toMatch(/^req-/);

    const read = await client.request(id!);
    expect(read.status).toBe(200);
    const [request] = read.doc.service_requests.request;
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: chosen.service_code,
      media_url: 'https://report.example.cn/photo/1.jpeg',
      description: '申请办理',
    });
    expect(request.requested_datetime).toMatch(/\+08:00$/);
    expect(lines.some((l) => /^scheduler .*filed=1/.test(l))).toBe(true);
  });

  it("answers errors in the spec's XML and JSON bodies with their status codes", async () => {
    const unknown = await fetch(`${gw.url}/open311/v2/reports.xml`);
    expect(unknown.status).toBe(404);
    expect(parseXml(await unknown.text()).content.error).toMatchObject([
      { code: '404', description: expect.stringMatching(/[\u4e00-\u9fff].*\(UNKNOWN_ACTION\)$/) },
    ]);
    const noKey = await fetch(`${gw.url}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams({ service_code: 'ZC-V-0001' }) });
    expect(noKey.status).toBe(403);
    expect(noKey.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await noKey.json()).toEqual([{ code: 403, description: expect.stringMatching(/^api_key：.*\(API_KEY_INVALID\)$/) }]);
    expect(lines).toContain(lines.find((l) => /^open311 postRequest API_KEY_INVALID \d+\.\dms$/.test(l)));
  });

  it('refuses a revoked key at once, over HTTP', async () => {
    const admin = (await api('session', 'devLogin', { persona: 'admin' })).data.token;
    const { data } = await api('admin', 'issuePartnerKey', { name: '即将停用的系统' }, admin);
    const read = () => fetch(`${gw.url}/open311/v2/requests.xml?api_key=${encodeURIComponent(data.apiKey)}`);
    expect((await read()).status).toBe(200);
    expect((await api('admin', 'revokePartnerKey', { id: data.partner.id, version: data.partner.version }, admin)).ok).toBe(true);
    const refused = await read();
    expect(refused.status).toBe(403);
    expect(parseXml(await refused.text()).content.error).toMatchObject([{ code: '403' }]);
  });
});
