/**
 * Matters for the administrator's walk, made over the gateway's HTTP API as the app makes
 * them: residents of two villages each of 香城镇 and 峄山镇 hand in village items at their village
 * center; the clerk accepts and decides; some are delivered and rated, one badly (不满意), which
 * opens a rectification case for the return call.
 */
import { filledForm, validIdNumber } from '../support/sample.people';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

type Api = <T = any>(fn: string, action: string, data: unknown, token?: string) => Promise<T>;

/** Calls the gateway's API, failing loudly on a refusal. */
export const apiOf =
  (base: string): Api =>
  async (fn, action, data, token) => {
    const res = await fetch(`${base}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, data }),
    });
    const body = (await res.json()) as { ok: boolean; data?: any; error?: { code: string } };
    if (!body.ok) throw new Error(`${fn}.${action} refused: ${body.error?.code}`);
    return body.data;
  };

/** Makes `perVillage` matters at each of a few villages; answers the id of the badly rated one. */
export const makeMatters = async (base: string, perVillage = 3): Promise<{ badId: string; village: string }> => {
  const api = apiOf(base);
  const items = loadSampleItems();
  const offering = loadSampleCenters().filter((c) => c.kind === 'village' && c.offers.length > 0);
  // two villages of 香城镇 and two of 峄山镇
  const villages = ['101', '110'].flatMap((t) => offering.filter((c) => c.townshipCode === t).slice(0, 2));
  let badId = '';
  for (const [v, village] of villages.entries()) {
    const item = items.find((i) => i.level === 'village' && i.audience !== 'company' && village.offers.includes(i.code))!;
    const clerk = (await api('session', 'devLogin', { persona: 'clerk', centerId: village.id })).token;
    for (let n = 0; n < perVillage; n++) {
      const resident = await api('session', 'devLogin', { persona: 'resident', villageId: village.id });
      const serial = String(v * 10 + n + 1).padStart(3, '0');
      await api(
        'session',
        'bindResident',
        { name: `测试${serial}`, idNumber: validIdNumber('19700101', serial), phone: `1380537${serial.padStart(4, '0')}`, homeVillageId: village.id },
        resident.token,
      );
      let { request: r } = await api(
        'requests',
        'submit',
        { itemCode: item.code, intakeCenterId: village.id, form: filledForm(item), materials: [], idempotencyKey: `e2e-admin-${village.id}-${n}` },
        resident.token,
      );
      if (n === perVillage - 1) continue; // one waits at the counter
      r = (await api('clerk', 'accept', { id: r.id, version: r.version }, clerk)).request;
      r = (await api('clerk', 'decide', { id: r.id, version: r.version, outcome: 'approved', reasons: '符合条件' }, clerk)).request;
      r = (await api('clerk', 'deliver', { id: r.id, version: r.version }, clerk)).request;
      const bad = v === 0 && n === 0;
      const rating = bad ? { level: '不满意', comment: '来回跑了两趟', reasons: ['来回跑了多次'] } : { level: '满意', comment: '' };
      r = (await api('requests', 'rate', { id: r.id, version: r.version, ...rating }, resident.token)).request;
      if (bad) badId = r.id;
    }
  }
  return { badId, village: villages[0].id };
};
