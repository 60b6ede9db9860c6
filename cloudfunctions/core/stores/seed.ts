/**
 * First-run seeding of the local store with the sample dataset (every record marked sample).
 * The official lists replace it through the administrator's import.
 */
import { loadSampleCenters, loadSampleItems } from '../../../data/sample';
import type { DirectoryStore } from './directory.port';
import type { MetaStore } from './meta.port';
import type { CompanyRecord, UserStore } from './user.port';

/**
 * Three sample companies: in the development zone, in 太平镇, and in 钢山街道. Credit codes are checksum-valid samples.
 * They are seeded as verified (their sample member is their administrator), with no 企业管家 yet: the home center's clerks choose one.
 */
export const SAMPLE_COMPANIES: Omit<CompanyRecord, 'createdAt'>[] = [
  { id: 'co-sample-zone', version: 1, creditCode: '91370883MA3C4K2L15', name: '邹城示例新材料有限公司（示例数据）', location: 'zone' },
  { id: 'co-sample-taiping', version: 1, creditCode: '91370883MA3D7N8P2W', name: '太平示例农业发展有限公司（示例数据）', location: { townshipCode: '107' } },
  { id: 'co-sample-gangshan', version: 1, creditCode: '91370883MA3F2Q6R3K', name: '钢山示例商贸有限公司（示例数据）', location: { townshipCode: '001' } },
];

/** Seeds the sample data once; answers whether it seeded now. */
export const seedSampleData = async (store: DirectoryStore & UserStore & MetaStore, nowIso: string): Promise<boolean> => {
  if (await store.getMeta('seededAt')) return false;
  await store.upsertCenters(loadSampleCenters());
  await store.upsertItems(loadSampleItems());
  for (const c of SAMPLE_COMPANIES) {
    if (!(await store.getCompany(c.id))) await store.putCompany({ ...c, createdAt: nowIso, verifiedAt: nowIso });
  }
  return (await store.setMetaIfAbsent('seededAt', nowIso)) === nowIso;
};
