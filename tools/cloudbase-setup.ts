/**
 * `npm run cloudbase:setup`: prepares a CloudBase environment's database. It creates every
 * collection (node-sdk `createCollection`, the `database.addCollection` call), the indexes
 * docs/stores.md lists, and a security rule on each collection that refuses every client read
 * and write, so all access goes through the cloud functions. The indexes and rules are data in
 * cloudbase/database/; the rules and indexes are set through Tencent Cloud API 3.0 (TC3-signed):
 * tcb DescribeEnvs for the database instance, flexdb DescribeTable / UpdateTable for indexes,
 * tcb ModifySafeRule for the rules. Then it fills the listing fields of companies stored before
 * they existed (`backfillCompanyFields`, the CloudBase side of SQLite's migration 32). Running it
 * again changes nothing already in place.
 *
 *   TCB_ENV=<env-id> TENCENTCLOUD_SECRETID=... TENCENTCLOUD_SECRETKEY=... npm run cloudbase:setup
 *
 * `TENCENTCLOUD_API_ENDPOINT` (a URL with `{service}`) points the API calls elsewhere, as the tests do.
 */
import { createHash, createHmac } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import indexes from '../cloudbase/database/indexes.json';
import rules from '../cloudbase/database/security-rules.json';
import { backfillCompanyFields, type BackfillBudget, type BackfillReport } from '../cloudfunctions/core/stores/cloudbase.backfill';

export const COLLECTIONS = Object.keys(indexes) as (keyof typeof indexes)[];

/** The name an index gets: its fields joined, so a second run finds it. */
export const indexName = (fields: readonly string[]): string => `by_${fields.join('_')}`;

type Credentials = { secretId: string; secretKey: string; token?: string };
type CloudApi = (service: string, version: string, action: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** The TC3-HMAC-SHA256 Authorization header of a JSON POST (Tencent Cloud API 3.0 signature). */
export const tc3Authorization = (c: Credentials, service: string, host: string, body: string, timestamp: number): string => {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ['POST', '/', '', 'content-type:application/json', `host:${host}`, '', 'content-type;host', sha256(body)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${c.secretKey}`, date), service), 'tc3_request');
  return `TC3-HMAC-SHA256 Credential=${c.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${createHmac('sha256', key).update(toSign).digest('hex')}`;
};

/** A Tencent Cloud API 3.0 caller; an answer with `Response.Error` throws with its code. */
export const cloudApi =
  (
    c: Credentials,
    endpoint = process.env.TENCENTCLOUD_API_ENDPOINT ?? 'https://{service}.tencentcloudapi.com',
    region = process.env.TENCENTCLOUD_REGION ?? 'ap-shanghai',
  ): CloudApi =>
  async (service, version, action, params) => {
    const url = new URL(endpoint.replace('{service}', service));
    const body = JSON.stringify(params);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'X-TC-Action': action,
      'X-TC-Version': version,
      'X-TC-Region': region,
      'X-TC-Timestamp': String(timestamp),
      Authorization: tc3Authorization(c, service, url.hostname, body, timestamp),
      ...(c.token ? { 'X-TC-Token': c.token } : {}),
    };
    const answer = (await (await fetch(url, { method: 'POST', headers, body })).json()) as {
      Response: Record<string, unknown> & { Error?: { Code: string; Message: string } };
    };
    if (answer.Response.Error)
      throw Object.assign(new Error(`${service}.${action}: ${answer.Response.Error.Code} ${answer.Response.Error.Message}`), {
        code: answer.Response.Error.Code,
      });
    return answer.Response;
  };

const TCB = ['tcb', '2018-06-08'] as const;
const FLEXDB = ['flexdb', '2018-11-27'] as const;

/** What a run did, per collection, and what the companies' backfill did. */
export type SetupReport = { created: string[]; indexesCreated: string[]; rulesSet: string[]; companies: BackfillReport };

/** Creates the collections, their indexes and their rules in an environment, then backfills companies; safe to run again. */
export const setUpCloudbase = async (
  envId: string,
  api: CloudApi,
  db = tcb.init({ env: envId }).database(),
  backfill: BackfillBudget = {},
): Promise<SetupReport> => {
  const report: Omit<SetupReport, 'companies'> = { created: [], indexesCreated: [], rulesSet: [] };
  const envs = (await api(...TCB, 'DescribeEnvs', { EnvId: envId })) as { EnvList?: { Databases?: { InstanceId: string }[] }[] };
  const tag = envs.EnvList?.[0]?.Databases?.[0]?.InstanceId;
  if (!tag) throw new Error(`cloudbase:setup: environment ${envId} has no database instance`);
  for (const name of COLLECTIONS) {
    const added = (await db.createCollection(name).catch((e: { code?: string }) => ({ code: e.code }))) as { code?: string };
    if (added.code && added.code !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw new Error(`cloudbase:setup: createCollection ${name}: ${added.code}`);
    if (!added.code) report.created.push(name);
    const table = (await api(...FLEXDB, 'DescribeTable', { Tag: tag, TableName: name })) as { Indexes?: { Name: string }[] };
    const existing = new Set((table.Indexes ?? []).map((i) => i.Name));
    const missing = (indexes[name] as string[][]).filter((fields) => !existing.has(indexName(fields)));
    if (missing.length) {
      const CreateIndexes = missing.map((fields) => ({
        IndexName: indexName(fields),
        MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: fields.map((Name) => ({ Name, Direction: '1' })) },
      }));
      await api(...FLEXDB, 'UpdateTable', { Tag: tag, TableName: name, CreateIndexes });
      report.indexesCreated.push(...missing.map((fields) => `${name}.${indexName(fields)}`));
    }
    await api(...TCB, 'ModifySafeRule', { EnvId: envId, CollectionName: name, AclTag: 'CUSTOM', Rule: JSON.stringify(rules[name]) });
    report.rulesSet.push(name);
  }
  // after the indexes: companies stored before `homeKey` / `verifiedAt` existed get them
  return { ...report, companies: await backfillCompanyFields(db, backfill) };
};

/** Reads the environment and credentials, runs the setup and prints what it did. */
async function main(): Promise<void> {
  const envId = process.env.TCB_ENV ?? process.env.TCB_ENV_ID;
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, TENCENTCLOUD_SESSIONTOKEN: token } = process.env;
  if (!envId || !secretId || !secretKey) throw new Error('cloudbase:setup needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  const minutes = Number(process.env.ZC_BACKFILL_MINUTES);
  const report = await setUpCloudbase(envId, cloudApi({ secretId, secretKey, token }), undefined, minutes > 0 ? { ms: minutes * 60_000 } : {});
  console.log(`collections created: ${report.created.join(', ') || 'none (all there)'}`);
  console.log(`indexes created: ${report.indexesCreated.length}; security rules set: ${report.rulesSet.length} (no client read or write)`);
  const c = report.companies;
  console.log(
    `companies backfilled: ${c.filled} of ${c.scanned} read (${c.raced} changed meanwhile, already right)${c.complete ? '' : '; stopped by ZC_BACKFILL_MINUTES: run again to resume'}`,
  );
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
