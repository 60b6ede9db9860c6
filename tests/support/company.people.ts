/**
 * People and records of the company side for handler tests: bound residents, a licence photo,
 * a claim verified by the home center's clerk, a staff member who joined by invitation.
 */
import { creditCheckChar } from '../../shared/validators';
import type { Harness } from './harness';
import { validIdNumber } from './sample.people';

/** A 1×1 PNG, as a licence photo. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');

/** A checksum-valid credit code, distinct for each `n` (0-999). */
export const creditCode = (n: number): string => {
  const body = `91370883MA3${String(n).padStart(3, '0')}XY0`.slice(0, 17);
  return body + creditCheckChar(body);
};

let seq = 500;
/** A resident with a bound sample identity (a claimant or a staff member must be one). */
export const boundResident = async (h: Harness, villageId = 'v-001-001'): Promise<string> => {
  const id = await h.login('resident', { villageId });
  seq += 1;
  await h.ok(
    'session',
    'bindResident',
    { name: '企业经办', idNumber: validIdNumber('19850101', String(seq)), phone: '13805371234', homeVillageId: villageId },
    id,
  );
  return id;
};

/** Uploads a licence photo as `subject`; answers its file id. */
export const licencePhoto = async (h: Harness, subject: string): Promise<string> =>
  (await h.ok('files', 'upload', { name: 'licence.png', contentType: 'image/png', dataBase64: PNG }, subject)).fileId;

export type ClaimInput = { creditCode: string; name: string; location: 'zone' | { townshipCode: string } };

/** A claim made by `subject` with a fresh photo; answers the claim. */
export const claimAs = async (h: Harness, subject: string, c: ClaimInput) =>
  (await h.ok('company', 'claim', { ...c, licenceFileId: await licencePhoto(h, subject) }, subject)).claim;

/** A verified zone company: its administrator (acting for it), its zone clerk (the 企业管家), and its id. */
export const verifiedCompany = async (h: Harness, n: number, location: ClaimInput['location'] = 'zone') => {
  const owner = await boundResident(h);
  const claim = await claimAs(h, owner, { creditCode: creditCode(n), name: `示例企业${n}有限公司`, location });
  const clerk = await h.login('clerk', { centerId: claim.centerId });
  const { company } = await h.ok('company', 'verify', { id: claim.id, version: claim.version }, clerk);
  await h.ok('company', 'switch', { companyId: company.id }, owner);
  return { owner, clerk, companyId: company.id as string, centerId: claim.centerId as string };
};

/** A staff member invited by the company's administrator, joined and acting for the company. */
export const staffMember = async (h: Harness, owner: string): Promise<string> => {
  const { code } = await h.ok('company', 'invite', {}, owner);
  const staff = await boundResident(h);
  await h.ok('session', 'redeemInvite', { code }, staff);
  return staff;
};

/** A second clerk of a center: a bound resident who redeemed the administrator's invitation (with a masked name). */
export const invitedClerk = async (h: Harness, centerId: string): Promise<string> => {
  const admin = await h.login('admin');
  const { code } = await h.ok('admin', 'createInvite', { grant: { role: 'clerk', centerId } }, admin);
  const person = await boundResident(h);
  await h.ok('session', 'redeemInvite', { code }, person);
  return person;
};
