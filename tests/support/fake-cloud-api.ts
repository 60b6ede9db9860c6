/**
 * The part of Tencent Cloud API 3.0 that `npm run cloudbase:setup` calls, faked for tests:
 * POST /tcapi/<service> with the action in `X-TC-Action` and a TC3-HMAC-SHA256 Authorization
 * header, answered as the real API answers: 200 with `{Response: {...}}`, an error as
 * `Response.Error {Code, Message}`. Shapes follow the API reference: tcb DescribeEnvs
 * (`EnvList[].Databases[].InstanceId`), tcb ModifySafeRule (`EnvId, CollectionName, AclTag,
 * Rule`), flexdb DescribeTable (`Tag, TableName` -> `Indexes[].Name`) and UpdateTable
 * (`CreateIndexes[].{IndexName, MgoKeySchema: {MgoIsUnique, MgoIndexKeys[].{Name, Direction}}}`).
 */
import { randomBytes } from 'node:crypto';

export type CreateIndex = { IndexName: string; MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] } };

/** What the fake environment holds of the database's administration. */
export type CloudApiState = {
  envId: string;
  instanceId: string;
  /** collections that exist (created by `database.addCollection` or by a first write) */
  collections: Set<string>;
  indexes: Map<string, CreateIndex[]>;
  rules: Map<string, { AclTag: string; Rule: string }>;
};

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=[^/]+\/\d{4}-\d{2}-\d{2}\/([a-z]+)\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/;

const table = (s: CloudApiState, p: Record<string, unknown>): string => {
  if (p.Tag !== s.instanceId) throw new ApiError('ResourceNotFound', `no database instance ${String(p.Tag)}`);
  const name = String(p.TableName ?? '');
  if (!s.collections.has(name)) throw new ApiError('ResourceNotFound.TableNotExist', `table ${name} does not exist`);
  return name;
};

const ACTIONS: Record<string, (s: CloudApiState, p: Record<string, unknown>) => Record<string, unknown>> = {
  'tcb.DescribeEnvs': (s, p) => ({
    EnvList: p.EnvId === s.envId ? [{ EnvId: s.envId, Databases: [{ InstanceId: s.instanceId, Status: 'RUNNING', Region: 'ap-shanghai' }] }] : [],
  }),
  'tcb.ModifySafeRule': (s, p) => {
    const name = String(p.CollectionName ?? '');
    if (p.EnvId !== s.envId || !s.collections.has(name)) throw new ApiError('ResourceNotFound', `no collection ${name} in ${String(p.EnvId)}`);
    if (p.AclTag !== 'CUSTOM' || typeof p.Rule !== 'string') throw new ApiError('InvalidParameter', 'a custom rule needs AclTag CUSTOM and Rule');
    JSON.parse(p.Rule);
    s.rules.set(name, { AclTag: p.AclTag, Rule: p.Rule });
    return {};
  },
  'flexdb.DescribeTable': (s, p) => {
    const list = s.indexes.get(table(s, p)) ?? [];
    return {
      IndexNum: list.length + 1,
      Indexes: [
        { Name: '_id_', Size: 0, Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
        ...list.map((i) => ({ Name: i.IndexName, Size: 0, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique })),
      ],
    };
  },
  'flexdb.UpdateTable': (s, p) => {
    const name = table(s, p);
    const list = s.indexes.get(name) ?? [];
    for (const i of (p.CreateIndexes ?? []) as CreateIndex[]) {
      if (list.some((x) => x.IndexName === i.IndexName)) throw new ApiError('FailedOperation', `index ${i.IndexName} exists`);
      if (!i.MgoKeySchema?.MgoIndexKeys?.length) throw new ApiError('InvalidParameter', 'an index needs keys');
      list.push(i);
    }
    s.indexes.set(name, list);
    return {};
  },
};

/** Answers one Tencent Cloud API call for a service; unknown actions answer as the API does. */
export const answerCloudApi = (
  s: CloudApiState,
  service: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  unknown: string[],
): Record<string, unknown> => {
  const RequestId = randomBytes(8).toString('hex');
  const action = `${service}.${String(headers['x-tc-action'] ?? '')}`;
  const auth = AUTHORIZATION.exec(String(headers.authorization ?? ''));
  if (!auth || auth[1] !== service) return { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad TC3 signature header' }, RequestId } };
  const handler = ACTIONS[action];
  if (!handler) {
    unknown.push(action);
    console.error(`[fake-cloudbase] UNKNOWN CLOUD API ACTION ${action}`);
    return { Response: { Error: { Code: 'InvalidAction', Message: `fake does not implement ${action}` }, RequestId } };
  }
  try {
    return { Response: { ...handler(s, JSON.parse(body || '{}') as Record<string, unknown>), RequestId } };
  } catch (e) {
    const code = e instanceof ApiError ? e.code : 'InternalError';
    return { Response: { Error: { Code: code, Message: (e as Error).message }, RequestId } };
  }
};
