/**
 * Who may see an uploaded photo of a material: its uploader, and whoever may see a request
 * that carries it (the applicant, a company's member, a clerk of a center on its path).
 * Everyone else is told the file does not exist, so file ids cannot be probed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canSeeRequest } from '../../../shared/access.rules';
import { canSeeDemand } from '../../../shared/demand.machine';
import { viewerOf } from '../identity/caller';
import type { UserRecord } from '../stores/user.port';
import type { CtxWith } from './context';

/** How many carrying requests are looked at; a file is carried by one request, rarely a few. */
const CARRIERS = 20;

/** Tells whether `user` (or the bare subject, before they have a record) may see the file. */
export const mayReadFile = async (
  ctx: CtxWith<'requests' | 'files' | 'companies' | 'demands'>,
  subject: string,
  user: UserRecord | null,
  fileId: string,
): Promise<boolean> => {
  if (ctx.deps.files?.uploaderOf(fileId) === subject) return true;
  if (!user || user.role === 'admin') return false; // the indicators need no photo
  const carriers = await ctx.deps.requests.requestsWithFile(fileId, CARRIERS);
  if (carriers.some((r) => canSeeRequest(viewerOf(user), r))) return true;
  // a licence photo: the clerks of the center that checks the claim; a demand's attachment: whoever may see the demand
  if (user.role === 'clerk' && (await ctx.deps.companies.claimsWithFile(fileId, CARRIERS)).some((c) => c.centerId === user.centerId)) return true;
  const viewer = { id: user.id, role: user.role, centerId: user.centerId, companyId: user.companyId };
  return (await ctx.deps.demands.demandsWithFile(fileId, CARRIERS)).some((d) => canSeeDemand(viewer, d));
};

/** How long a file link stays valid: long enough to view a page, short enough not to be passed around. */
export const FILE_LINK_SECONDS = 600;

const mac = (fileId: string, exp: number, secret: string) => createHmac('sha256', secret).update(`file:${fileId}:${exp}`).digest('base64url');

/** A local-mode link to a file the caller may see: the gateway serves it until `exp` without a token. */
export const signedFileLink = (fileId: string, secret: string, nowMs: number): string => {
  const exp = Math.floor(nowMs / 1000) + FILE_LINK_SECONDS;
  return `/files/${encodeURIComponent(fileId)}?exp=${exp}&sig=${mac(fileId, exp, secret)}`;
};

/** Checks a local file link's signature and expiry. */
export const verifyFileLink = (fileId: string, exp: string | null, sig: string | null, secret: string, nowMs: number): boolean => {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp) || Number(exp) < nowMs / 1000) return false;
  const want = Buffer.from(mac(fileId, Number(exp), secret));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
};
