/**
 * Open311 GeoReport v2 through its edge, in process, on both stores (SQLite, and CloudBase over
 * the wire against the fake): every endpoint in XML and JSON, keys issued, listed and revoked by the
 * administrator, filing for a resident through the same domain, deferred intake with tokens, the
 * rate limit, and a partner never seeing another partner's requests.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { createOpen311Edge, type Open311Edge } from '../../cloudfunctions/open311/open311.edge';
import { runPartnerIntake } from '../../cloudfunctions/core/services/partner.filing';
import { apiKeyHash } from '../../cloudfunctions/core/identity/partner.key';
import { expectSchema, expectXmlMatchesJson, parseXml, type SchemaName } from '../support/open311/open311.check';

const centers = loadSampleCenters();
const items = loadSampleItems();
const village = centers.find((c) => c.kind === 'village' && c.townshipCode === '103' && c.offers.length > 0)!;
const villageItem = items.find(
  (i) => i.level === 'village' && i.audience !== 'company' && village.offers.includes(i.code) && i.formFields.some((f) => f.type === 'select'),
)!;
const companyItem = items.find((i) => i.audience === 'company')!;
const AT_VILLAGE = { lat: String(village.location.lat), long: String(village.location.lng) };
const BASE = 'http://127.0.0.1/open311/v2';

type Answer = { status: number; body: string; type: string; json: any; headers: Record<string, string> };

describe.each<StoreKind>(['sqlite', 'cloudbase'])('Open311 on the %s store', (kind) => {
  let h: Harness;
  let edge: Open311Edge;
  let admin: string;
  const call = async (method: string, path: string, params: Record<string, string> = {}): Promise<Answer> => {
    const query = new URLSearchParams(method === 'GET' ? params : {});
    const body = method === 'POST' ? new URLSearchParams(params).toString() : '';
    const out = await edge.handle({ method, path: `/open311/v2/${path}`, query, body, contentType: 'application/x-www-form-urlencoded', baseUrl: BASE });
    const type = out.headers['content-type'];
    return { status: out.status, body: out.body, type, headers: out.headers, json: type.startsWith('application/json') ? JSON.parse(out.body) : null };
  };
  /** Calls one endpoint in both formats and checks them: JSON by its schema, XML element by element against it. */
  const both = async (method: 'GET' | 'POST', path: string, params: Record<string, string>, schema: SchemaName, root: string): Promise<Answer> => {
    const json = await call(method, `${path}.json`, params);
    expect(json.type).toBe('application/json; charset=utf-8');
    expectSchema(schema, json.json);
    if (method === 'GET') {
      const xml = await call(method, `${path}.xml`, params);
      expect(xml.status).toBe(json.status);
      expect(xml.type).toBe('text/xml; charset=utf-8');
      expectXmlMatchesJson(xml.body, root, json.json);
    }
    return json;
  };
  const issue = async (name: string, extra: Record<string, unknown> = {}) => h.ok('admin', 'issuePartnerKey', { name, ...extra }, admin);
  const filing = (key: string, extra: Record<string, string> = {}) => ({
    api_key: key,
    service_code: villageItem.code,
    ...AT_VILLAGE,
    last_name: '孟',
    first_name: '庆华',
    phone: '13905376789',
    description: '老人行动不便，由12345热线代为申请',
    address_string: `${village.name}附近`,
    ...Object.fromEntries(Object.entries(filledForm(villageItem)).map(([k, v]) => [`attribute[${k}]`, String(v)])),
    ...extra,
  });

  beforeAll(async () => {
    h = await makeHarness(kind, '2026-09-28T01:00:00.000Z');
    edge = createOpen311Edge(h.deps);
    admin = await h.login('admin');
  }, 60_000);
  afterAll(() => h.close());

  it('answers discovery, the service list and a definition to anyone, in both formats', async () => {
    const discovery = await both('GET', 'discovery', {}, 'discovery', 'discovery');
    expect(discovery.json.endpoints[0]).toMatchObject({ url: BASE, formats: ['text/xml', 'application/json'] });
    const services = await both('GET', 'services', {}, 'services', 'services');
    expect(services.json.length).toBe(items.filter((i) => i.audience !== 'company').length);
    expect(services.json.find((s: any) => s.service_code === villageItem.code)).toMatchObject({
      service_name: villageItem.name,
      metadata: true,
      type: 'realtime',
      group: villageItem.category,
    });
    const def = await both('GET', `services/${villageItem.code}`, {}, 'service_definition', 'service_definition');
    expect(def.json.attributes.map((a: any) => a.code)).toEqual(villageItem.formFields.map((f) => f.key));
    const select = villageItem.formFields.find((f) => f.type === 'select')!;
    expect(def.json.attributes.find((a: any) => a.code === select.key)).toMatchObject({
      datatype: 'singlevaluelist',
      values: select.options!.map((o) => ({ key: o, name: o })),
    });
  });

  it('answers an unknown service or resource with 404 and a Chinese description with the code word, in both formats', async () => {
    for (const path of [`services/${companyItem.code}`, 'services/ZC-NOPE-1', 'nothing']) {
      const json = await call('GET', `${path}.json`);
      expect(json.status).toBe(404);
      expectSchema('errors', json.json);
      expect(json.json[0].description).toMatch(/[\u4e00-\u9fff].*\((ITEM_NOT_FOUND|UNKNOWN_ACTION)\)$/);
      const xml = await call('GET', `${path}.xml`);
      expect(xml.status).toBe(404);
      expectXmlMatchesJson(xml.body, 'errors', json.json);
    }
  });

  it('lets the administrator issue, list and revoke keys, keeping only their hash and auditing each step', async () => {
    const resident = await h.login('resident', { villageId: village.id });
    expect(await h.call('admin', 'issuePartnerKey', { name: '越权系统' }, resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { partner, apiKey } = await issue('省级政务服务平台');
    expect(apiKey).toMatch(/^zc311_[A-Za-z0-9_-]{43}$/);
    const stored = await h.deps.partners.getPartner(partner.id);
    expect(stored?.keyHash).toBe(apiKeyHash(apiKey));
    expect(JSON.stringify(stored)).not.toContain(apiKey);
    const list = await h.ok('admin', 'listPartners', {}, admin);
    expect(list.items.find((p: any) => p.id === partner.id)).toEqual(partner);
    expect(JSON.stringify(list)).not.toContain(stored!.keyHash);

    expect((await call('GET', 'requests.json', { api_key: apiKey })).status).toBe(200);
    const { partner: revoked } = await h.ok('admin', 'revokePartnerKey', { id: partner.id, version: partner.version }, admin);
    expect(revoked.revokedAt).toBe(h.clock.now().toISOString());
    expect(await h.call('admin', 'revokePartnerKey', { id: partner.id, version: partner.version }, admin)).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    const refused = await call('POST', 'requests.json', filing(apiKey));
    expect(refused.status).toBe(403);
    expect(refused.json[0].description).toMatch(/吊销.*\(API_KEY_INVALID\)$/);
  });

  it('refuses keyed calls without a key, with a wrong key, with 403 in both formats', async () => {
    for (const params of [{}, { api_key: 'zc311_guessed' }] as Record<string, string>[]) {
      const json = await call('GET', 'requests.json', params);
      expect(json.status).toBe(403);
      expectSchema('errors', json.json);
      const xml = await call('POST', 'requests.xml', params);
      expect(xml.status).toBe(403);
      expect(parseXml(xml.body).content.error[0].code).toBe('403');
    }
  });

  it('files for a resident through the routing of the nearest village, recording the partner as channel', async () => {
    const { partner, apiKey } = await issue('12345政务服务便民热线');
    const posted = await both(
      'POST',
      'requests',
      filing(apiKey, { media_url: 'https://hotline.example.cn/media/1.jpg' }),
      'post_service_request',
      'service_requests',
    );
    expect(posted.status).toBe(200);
    const [{ service_request_id: id, service_notice: notice }] = posted.json;
    const stored = (await h.deps.requests.getRequest(id))!;
    expect(stored).toMatchObject({
      itemCode: villageItem.code,
      deciderId: village.id,
      intakeCenterId: village.id,
      rule: 'VILLAGE',
      state: 'submitted',
      applicant: { type: 'person', homeVillageId: village.id, nameMasked: '孟*华', phoneMasked: '139****6789' },
      channel: {
        kind: 'open311',
        partnerId: partner.id,
        partnerName: partner.name,
        location: { lat: village.location.lat, lng: village.location.lng },
        mediaUrl: 'https://hotline.example.cn/media/1.jpg',
        notice,
      },
    });
    expect(notice).toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.stringify(stored)).not.toContain('13905376789');
    expect(JSON.stringify(stored)).not.toContain('孟庆华');
    const timeline = await h.deps.requests.timeline(id);
    expect(timeline[0]).toMatchObject({ action: 'submit', actor: { role: 'partner', name: partner.name } });

    const read = await both('GET', `requests/${id}`, { api_key: apiKey }, 'service_requests', 'service_requests');
    expect(read.json[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: expect.stringContaining('已提交'),
      service_code: villageItem.code,
      agency_responsible: village.name,
      service_notice: notice,
      requested_datetime: '2026-09-28T09:00:00+08:00',
      lat: village.location.lat,
      long: village.location.lng,
      address: `${village.name}附近`,
      media_url: 'https://hotline.example.cn/media/1.jpg',
    });
    expect(read.json[0].expected_datetime).toBeUndefined();

    // a clerk accepts it in the village: the partner reads the deadline as expected_datetime, in China time
    const clerk = await h.login('clerk', { centerId: village.id });
    await h.ok('clerk', 'accept', { id, version: stored.version }, clerk);
    const accepted = (await call('GET', `requests/${id}.json`, { api_key: apiKey })).json[0];
    expect(accepted.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(accepted.status_notes).toContain('已受理');
  });

  it('answers a location outside Zoucheng, a bad phone and a form the app would refuse with 400, storing nothing', async () => {
    const { apiKey, partner } = await issue('济宁市12345');
    const cases: [Record<string, string>, RegExp][] = [
      [{ lat: '35.41', long: '116.59' }, /lat：这个位置不在邹城市范围内.*\(OUTSIDE_SERVICE_AREA\)/], // 济宁城区
      [{ lat: '39.9', long: '116.4' }, /OUTSIDE_SERVICE_AREA/], // 北京
      [{ phone: '12345' }, /phone：手机号码不正确/],
      [{ lat: '' }, /lat：/],
      [{ [`attribute[${villageItem.formFields.find((f) => f.required)!.key}]`]: '' }, /attribute\[.+\]：请(填写|选择)/],
      [{ service_code: companyItem.code }, /service_code：没有找到这个事项 \(ITEM_NOT_FOUND\)/],
    ];
    for (const [extra, description] of cases) {
      const res = await call('POST', 'requests.json', filing(apiKey, extra));
      expect(res.status).toBe(400);
      expectSchema('errors', res.json);
      expect(res.json.map((e: any) => e.description).join('\n')).toMatch(description);
      const xml = await call('POST', 'requests.xml', filing(apiKey, extra));
      expectXmlMatchesJson(xml.body, 'errors', res.json);
    }
    expect((await h.deps.requests.listRequests({ applicantUserId: `partner-${partner.id}` }, { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("shows a partner only the requests it filed: another partner's request is 404, and absent from its lists", async () => {
    const a = await issue('镇街大厅自助屏');
    const b = await issue('省级平台');
    const [{ service_request_id: ofA }] = (await call('POST', 'requests.json', filing(a.apiKey))).json;
    const [{ service_request_id: ofB }] = (await call('POST', 'requests.json', filing(b.apiKey))).json;
    expect((await call('GET', `requests/${ofA}.json`, { api_key: b.apiKey })).status).toBe(404);
    expect((await call('GET', `requests/${ofA}.xml`, { api_key: b.apiKey })).status).toBe(404);
    // the refused reads stay in the trail of the request that was probed, naming who tried
    const probes = (await h.deps.requests.timeline(ofA)).filter((e) => e.action === 'open311.getRequest');
    expect(probes.map((e) => [e.actor.name, e.note])).toEqual([
      [b.partner.name, 'NOT_FOUND'],
      [b.partner.name, 'NOT_FOUND'],
    ]);
    const listed = await both('GET', 'requests', { api_key: b.apiKey, service_request_id: `${ofA},${ofB}` }, 'service_requests', 'service_requests');
    expect(listed.json.map((r: any) => r.service_request_id)).toEqual([ofB]);
    const all = await call('GET', 'requests.json', { api_key: b.apiKey });
    expect(all.json.map((r: any) => r.service_request_id)).toEqual([ofB]);
  });

  it('filters GET requests by code, status and dates, at most 90 days, defaulting to the last 90 days', async () => {
    const { apiKey } = await issue('筛选测试');
    h.clock.set('2026-06-01T01:00:00.000Z');
    const [{ service_request_id: old }] = (await call('POST', 'requests.json', filing(apiKey))).json;
    h.clock.set('2026-09-29T01:00:00.000Z');
    const [{ service_request_id: recent }] = (await call('POST', 'requests.json', filing(apiKey))).json;
    const ids = async (params: Record<string, string>) =>
      (await both('GET', 'requests', { api_key: apiKey, ...params }, 'service_requests', 'service_requests')).json.map((r: any) => r.service_request_id);
    expect(await ids({})).toEqual([recent]);
    expect(await ids({ start_date: '2026-05-20T00:00:00+08:00', end_date: '2026-06-10T00:00:00+08:00' })).toEqual([old]);
    // an id list overrides the other filters, the window included
    expect(await ids({ service_request_id: `${old},${recent}`, status: 'closed' })).toEqual([old, recent]);
    expect(await ids({ status: 'closed' })).toEqual([]);
    expect(await ids({ status: 'open', service_code: villageItem.code })).toEqual([recent]);
    expect(await ids({ service_code: 'ZC-V-9999' })).toEqual([]);
    const tooLong = await call('GET', 'requests.json', { api_key: apiKey, start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-06-01T00:00:00+08:00' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json[0].description).toMatch(/90天.*\(DATE_RANGE_TOO_LONG\)/);
    const badDate = await call('GET', 'requests.json', { api_key: apiKey, start_date: 'yesterday' });
    expect(badDate.status).toBe(400);
    expect(badDate.json[0].description).toMatch(/^start_date：开始时间/);
  });

  it('answers a deferred partner with a token, files it on the intake run, then answers the id for the token', async () => {
    const { apiKey } = await issue('FixMyStreet 式平台', { intake: 'deferred' });
    const posted = await both('POST', 'requests', filing(apiKey), 'post_service_request', 'service_requests');
    const [{ token }] = posted.json;
    expect(posted.json[0].service_request_id).toBeUndefined();
    const pending = await both('GET', `tokens/${token}`, { api_key: apiKey }, 'token', 'service_requests');
    expect(pending.json).toEqual([{ token }]);
    expect((await h.deps.partners.getIntake(token))?.filing.phone).toBe('13905376789');

    expect(await runPartnerIntake(h.deps)).toEqual({ filed: 1, failed: 0, retried: 0 });
    const filed = await both('GET', `tokens/${token}`, { api_key: apiKey }, 'token', 'service_requests');
    const id = filed.json[0].service_request_id;
    expect((await h.deps.requests.getRequest(id))?.channel?.token).toBe(token);
    // once filed, the queued copy keeps the resident's phone masked only
    expect((await h.deps.partners.getIntake(token))?.filing).toMatchObject({ phone: '139****6789', last_name: '孟*华' });
    expect(await runPartnerIntake(h.deps)).toEqual({ filed: 0, failed: 0, retried: 0 });

    const other = await issue('别的系统');
    expect((await call('GET', `tokens/${token}.json`, { api_key: other.apiKey })).status).toBe(404);
    expect((await call('GET', 'tokens/tok-unknown.xml', { api_key: apiKey })).status).toBe(404);
  });

  it('rate-limits each key in a fixed one-minute window, and not its neighbours', async () => {
    const slow = await issue('限流测试', { ratePerMinute: 3 });
    const fast = await issue('不限流的邻居', { ratePerMinute: 100 });
    h.clock.set('2026-10-08T02:00:10.000Z');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('GET', 'requests.json', { api_key: slow.apiKey })).status);
    expect(statuses).toEqual([200, 200, 200, 400]);
    const limited = await call('GET', 'requests.xml', { api_key: slow.apiKey });
    expect(limited.headers['retry-after']).toBe('50');
    expect(parseXml(limited.body).content.error[0].description).toMatch(/太频繁.*\(RATE_LIMITED\)/);
    expect((await call('GET', 'requests.json', { api_key: fast.apiKey })).status).toBe(200);
    h.clock.set('2026-10-08T02:01:00.000Z');
    expect((await call('GET', 'requests.json', { api_key: slow.apiKey })).status).toBe(200);
  });

  it('leaves an audit entry of every keyed call, with the partner as actor', async () => {
    const { apiKey, partner } = await issue('审计测试');
    h.clock.set('2026-10-09T02:00:00.000Z');
    const [{ service_request_id: id }] = (await call('POST', 'requests.json', filing(apiKey))).json;
    // a minute later: entries of one instant have no write order in CloudBase (docs/stores.md)
    h.clock.advanceHours(1 / 60);
    await call('GET', `requests/${id}.json`, { api_key: apiKey });
    const trail = await h.deps.requests.timeline(id);
    expect(trail.map((e) => e.action)).toEqual(['submit', 'open311.postRequest', 'open311.getRequest']);
    expect(trail.slice(1).every((e) => e.actor.role === 'partner' && e.actor.name === partner.name)).toBe(true);
  });

  it('keeps the ID number in a filed form masked, with its keyed hash, as the app does', async () => {
    const withId = items.find((i) => i.audience !== 'company' && i.formFields.some((f) => f.type === 'idNumber') && village.offers.includes(i.code));
    if (!withId) throw new Error('sample data lost its village items with an ID number field');
    const { apiKey } = await issue('身份证测试');
    const field = withId.formFields.find((f) => f.type === 'idNumber')!;
    const id = validIdNumber('19750505', '321');
    const params = {
      ...filing(apiKey, { service_code: withId.code }),
      ...Object.fromEntries(Object.entries(filledForm(withId)).map(([k, v]) => [`attribute[${k}]`, String(v)])),
      [`attribute[${field.key}]`]: id,
    };
    const res = await call('POST', 'requests.json', params);
    expect(res.status).toBe(200);
    const stored = (await h.deps.requests.getRequest(res.json[0].service_request_id))!;
    expect(stored.form[field.key]).toBe(`3708**********${id.slice(-4)}`);
    expect(JSON.stringify(stored)).not.toContain(id);
  });
});
