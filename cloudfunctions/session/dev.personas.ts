/**
 * Sample personas for local mode: a resident of a village, the clerk of a center,
 * a member of a company, the administrator. Refused outside local mode by the caller.
 */
import { AppError } from '../../shared/errors';
import { nowIso, type CtxWith } from '../core/services/context';
import { unwrap } from '../core/edge/envelope';
import type { UserRecord } from '../core/stores/user.port';
import { idCheckChar } from '../../shared/validators';
import { maskIdNumber, maskName, maskPhone } from '../../shared/masking';
import { keyedHash } from '../core/identity/token';
import type { Role } from '../../shared/identity.schema';

type PersonaInput = { persona: Role; villageId?: string; centerId?: string; companyId?: string; sampleIdentity?: boolean };

/** The sample identity of a ready-bound demo resident: checksum-valid, marked as sample in its name. */
const SAMPLE_ID_BODY = '37088319700101002';
const sampleIdentity = (ctx: CtxWith<'secrets'>): Partial<UserRecord> => {
  const idNumber = SAMPLE_ID_BODY + idCheckChar(SAMPLE_ID_BODY);
  const phone = '13800005370';
  const key = ctx.deps.secrets.idHash;
  return {
    name: '示例居民', nameMasked: maskName('示例居民'), idHash: keyedHash(idNumber, key), idMasked: maskIdNumber(idNumber),
    phoneHash: keyedHash(phone, key), phoneMasked: maskPhone(phone),
  };
};

/** Finds or creates the user record a persona logs in as. */
export const devPersona = async (ctx: CtxWith<'users' | 'directory' | 'now' | 'newId' | 'secrets'>, input: PersonaInput): Promise<UserRecord> => {
  const { users } = ctx.deps;
  const at = nowIso(ctx);
  const base = { version: 1, createdAt: at, updatedAt: at };
  switch (input.persona) {
    case 'resident': {
      if (input.villageId) await requireCenter(ctx, input.villageId, 'villageId', 'village');
      if (input.sampleIdentity && !input.villageId) throw new AppError('VALIDATION_FAILED', { villageId: '请选择示例居民所在的村居' });
      const user: UserRecord = {
        ...base, id: ctx.deps.newId('res'), role: 'resident',
        ...(input.villageId ? { homeVillageId: input.villageId } : {}),
        ...(input.sampleIdentity ? sampleIdentity(ctx) : {}),
      };
      return unwrap(await users.putUser(user));
    }
    case 'clerk': {
      if (!input.centerId) throw new AppError('VALIDATION_FAILED', { centerId: '请选择服务中心' });
      const center = await requireCenter(ctx, input.centerId, 'centerId');
      return findOrCreate(ctx, { ...base, id: `clerk-${center.id}`, role: 'clerk', centerId: center.id, name: `${center.name}代办员`, nameMasked: `${center.name.slice(0, 2)}*代办员` });
    }
    case 'company': {
      if (!input.companyId) return unwrap(await users.putUser({ ...base, id: ctx.deps.newId('cm'), role: 'company' }));
      const company = await users.getCompany(input.companyId);
      if (!company) throw new AppError('NOT_FOUND', { companyId: 'NOT_FOUND' });
      return findOrCreate(ctx, { ...base, id: `member-${company.id}`, role: 'company', companyId: company.id });
    }
    case 'admin':
      return findOrCreate(ctx, { ...base, id: 'admin', role: 'admin', nameMasked: '管理员' });
  }
};

const requireCenter = async (ctx: CtxWith<'directory'>, id: string, field: string, kind?: string) => {
  const center = await ctx.deps.directory.getCenter(id);
  if (!center || (kind && center.kind !== kind)) throw new AppError('CENTER_NOT_FOUND', { [field]: 'CENTER_NOT_FOUND' });
  return center;
};

const findOrCreate = async (ctx: CtxWith<'users'>, user: UserRecord): Promise<UserRecord> => {
  const existing = await ctx.deps.users.getUser(user.id);
  if (existing) return existing;
  const created = await ctx.deps.users.putUser(user);
  if (created.ok) return created.value;
  const raced = await ctx.deps.users.getUser(user.id);
  if (!raced) throw AppError.of(created.error);
  return raced;
};
