/**
 * admin: the partner systems that may call the Open311 API. The administrator issues a key to a
 * named system (shown once, stored hashed), lists the systems and revokes a key; each step is audited.
 */
import { AppError } from '../../shared/errors';
import type { PartnerView } from '../../shared/open311.schema';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { apiKeyHash, apiKeyPrefixOf, newApiKey } from '../core/identity/partner.key';
import { nowIso, type CtxWith } from '../core/services/context';
import type { PartnerRecord } from '../core/stores/partner.port';

/** A partner as the administrator sees it: the hash and who created it stay in the store. */
export const partnerView = ({ keyHash: _hash, createdBy: _by, revokedBy: _rby, ...p }: PartnerRecord): PartnerView => p;

const audit = (ctx: CtxWith<'audit' | 'now'>, user: Parameters<typeof actorOf>[0], action: string, partner: PartnerRecord) =>
  ctx.deps.audit.appendAudit({ at: nowIso(ctx), actor: actorOf(user), action, note: `${partner.name}（${partner.id}）` });

/** The partner-key actions, composed into the admin function. */
export const partnerHandlers: Pick<Handlers<'admin'>, 'issuePartnerKey' | 'listPartners' | 'revokePartnerKey'> = {
  async issuePartnerKey(ctx, { name, intake, ratePerMinute }) {
    const user = requireRole(ctx, 'admin');
    const apiKey = newApiKey();
    const record: PartnerRecord = {
      id: ctx.deps.newId('ptn'),
      version: 1,
      name,
      keyHash: apiKeyHash(apiKey),
      keyPrefix: apiKeyPrefixOf(apiKey),
      intake,
      ratePerMinute,
      createdAt: nowIso(ctx),
      createdBy: user.id,
    };
    const saved = unwrap(await ctx.deps.partners.putPartner(record));
    await audit(ctx, user, 'issuePartnerKey', saved);
    return { partner: partnerView(saved), apiKey };
  },

  async listPartners(ctx, { page, pageSize }) {
    requireRole(ctx, 'admin');
    const res = await ctx.deps.partners.listPartners({ page, pageSize });
    return { ...res, items: res.items.map(partnerView) };
  },

  async revokePartnerKey(ctx, { id, version }) {
    const user = requireRole(ctx, 'admin');
    const current = await ctx.deps.partners.getPartner(id);
    if (!current) throw new AppError('NOT_FOUND', { id: 'NOT_FOUND' });
    if (current.revokedAt) throw new AppError('ILLEGAL_TRANSITION');
    const revoked = unwrap(await ctx.deps.partners.putPartner({ ...current, version: version + 1, revokedAt: nowIso(ctx), revokedBy: user.id }, version));
    await audit(ctx, user, 'revokePartnerKey', revoked);
    return { partner: partnerView(revoked) };
  },
};
