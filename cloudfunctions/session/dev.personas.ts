/**
 * Sample personas for local mode: a resident of a village, the clerk of a center,
 * a member of a company, the administrator. Refused outside local mode by the caller.
 */
import { AppError } from '../../shared/errors';
import { nowIso, type CtxWith } from '../core/services/context';
import { unwrap } from '../core/edge/envelope';
import type { UserRecord } from '../core/stores/user.port';
import { idCheckChar } from '../../shared/validators';
import { keyedHash } from '../core/identity/token';
import { residentIdentity } from '../core/identity/personal.data';
import type { Role } from '../../shared/identity.schema';
import { memberIdOf } from '../../shared/company.schema';

type PersonaInput = { persona: Role; villageId?: string; centerId?: string; companyId?: string; sampleIdentity?: boolean };

/**
 * The sample identity of a ready-bound demo resident: checksum-valid, marked as sample in its
 * name. One ID number binds one account, so each persona gets its own number, drawn from its id:
 * a birth date in 1950-2004 and a sequence number.
 */
const sampleIdentity = (ctx: CtxWith<'secrets'>, userId: string): Partial<UserRecord> => {
  const n = parseInt(keyedHash(userId, 'sample-identity').slice(0, 12), 16);
  const birth = new Date(Date.UTC(1950, 0, 1) + (n % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const body = `370883${birth}${String(Math.floor(n / 20_000) % 1000).padStart(3, '0')}`;
  return residentIdentity(ctx, { name: '示例居民', idNumber: body + idCheckChar(body), phone: '13800005370' });
};

/** Finds or creates the user record a persona logs in as. */
export const devPersona = async (ctx: CtxWith<'users' | 'companies' | 'directory' | 'now' | 'newId' | 'secrets'>, input: PersonaInput): Promise<UserRecord> => {
  const { users } = ctx.deps;
  const at = nowIso(ctx);
  const base = { version: 1, createdAt: at, updatedAt: at };
  switch (input.persona) {
    case 'resident': {
      if (input.villageId) await requireCenter(ctx, input.villageId, 'villageId', 'village');
      if (input.sampleIdentity && !input.villageId) throw new AppError('VALIDATION_FAILED', { villageId: '请选择示例居民所在的村居' });
      const id = ctx.deps.newId('res');
      const user: UserRecord = {
        ...base,
        id,
        role: 'resident',
        ...(input.villageId ? { homeVillageId: input.villageId } : {}),
        ...(input.sampleIdentity ? sampleIdentity(ctx, id) : {}),
      };
      return unwrap(await users.putUser(user));
    }
    case 'clerk': {
      if (!input.centerId) throw new AppError('VALIDATION_FAILED', { centerId: '请选择服务中心' });
      const center = await requireCenter(ctx, input.centerId, 'centerId');
      return findOrCreate(ctx, { ...base, id: `clerk-${center.id}`, role: 'clerk', centerId: center.id, nameMasked: `${center.name.slice(0, 2)}*代办员` });
    }
    case 'company': {
      if (!input.companyId) return unwrap(await users.putUser({ ...base, id: ctx.deps.newId('cm'), role: 'company' }));
      const company = await users.getCompany(input.companyId);
      if (!company) throw new AppError('NOT_FOUND', { companyId: 'NOT_FOUND' });
      const member = await findOrCreate(ctx, { ...base, id: `member-${company.id}`, role: 'company', companyId: company.id });
      // the sample member runs the sample company: its administrator, as a verified claim would make them
      if (!(await ctx.deps.companies.getMember(company.id, member.id))) {
        await ctx.deps.companies.putMember({
          id: memberIdOf(company.id, member.id),
          version: 1,
          companyId: company.id,
          userId: member.id,
          role: 'admin',
          joinedAt: at,
          via: 'seed',
        });
      }
      return member;
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
