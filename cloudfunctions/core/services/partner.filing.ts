/**
 * A partner system files a request for a resident (Open311 POST requests) through the same
 * domain as the app: the item's form schema, the nearest village center as the resident's home,
 * `route`, `submissionOf` and `newRequest`, with the partner recorded as the request's channel.
 * A deferred filing is checked the same way when posted and filed by `runPartnerIntake`.
 */
import { AppError } from '../../../shared/errors';
import { formSchemaFor, sealForm } from '../../../shared/form.schema';
import { maskName, maskPhone } from '../../../shared/masking';
import { formValuesOf, homeVillageAt, isResidentService } from '../../../shared/open311.mapping';
import type { Open311Filing } from '../../../shared/open311.schema';
import { newRequest, submissionOf } from '../../../shared/request.create';
import type { Actor, Request } from '../../../shared/request.schema';
import { route } from '../../../shared/routing.rules';
import { normalizeError, unwrap, zodFields } from '../edge/envelope';
import { idHashOf, sealValue } from '../identity/personal.data';
import { partnerApplicantId } from '../identity/partner.key';
import type { IntakeRecord, PartnerRecord } from '../stores/partner.port';
import { nowIso, type CtxWith, type Deps } from './context';
import { newTrackingNo } from './tracking.no';

/** What filing needs: the catalogue, the request store, the clock, id makers and the ID-hash secret. */
export type FilingDeps = 'catalogue' | 'requests' | 'now' | 'newId' | 'newCode' | 'secrets';

/** The partner as the lifecycle records who handed the matter in. */
export const partnerActor = (p: Pick<PartnerRecord, 'id' | 'name'>): Actor => ({ userId: partnerApplicantId(p.id), role: 'partner', name: p.name });

/** A filing checked against the catalogue and the map: the item, its sealed form, the resident's home. */
const checked = async (ctx: CtxWith<'catalogue' | 'secrets'>, filing: Open311Filing) => {
  const item = await ctx.deps.catalogue.item(filing.service_code);
  // a bad parameter of the post (400), not a missing resource: the path named exists
  if (!item || !isResidentService(item)) throw new AppError('VALIDATION_FAILED', { service_code: 'ITEM_NOT_FOUND' });
  const form = formSchemaFor(item.formFields).safeParse(formValuesOf(item.formFields, filing.attribute));
  if (!form.success) {
    throw new AppError('VALIDATION_FAILED', Object.fromEntries(Object.entries(zodFields(form.error)).map(([k, v]) => [`attribute[${k}]`, v])));
  }
  const dir = await ctx.deps.catalogue.directory();
  const home = unwrap(homeVillageAt(dir, { lat: filing.lat, lng: filing.long }));
  const sealed = sealForm(item.formFields, form.data, { hash: (v) => idHashOf(ctx, v), seal: (v) => sealValue(ctx, v) });
  return { item, dir, home, sealed };
};

/** Checks a filing without writing it: what a deferred intake answers with at once. */
export const checkFiling = async (ctx: CtxWith<'catalogue' | 'secrets'>, filing: Open311Filing): Promise<void> => {
  await checked(ctx, filing);
};

/** Files the request for the resident; `key` makes a repeated filing (a retried token) answer the first request. */
export const fileForResident = async (
  ctx: CtxWith<FilingDeps>,
  partner: PartnerRecord,
  filing: Open311Filing,
  key: string,
  token?: string,
): Promise<Request> => {
  const { item, dir, home, sealed } = await checked(ctx, filing);
  const position = { lat: filing.lat, lng: filing.long };
  const decision = unwrap(route(item, { type: 'person', homeVillageId: home.center.id, position }, dir));
  const resident = {
    id: partnerApplicantId(partner.id),
    role: 'resident' as const,
    homeVillageId: home.center.id,
    nameMasked: maskName(`${filing.last_name}${filing.first_name ?? ''}`),
    phoneMasked: maskPhone(filing.phone),
  };
  // the ranked first option: the resident's own village (帮办代办) or township, as the app offers first
  const submission = unwrap(submissionOf(item, decision, decision.intake[0].center.id, resident, dir));
  const built = newRequest(
    {
      ...submission,
      form: sealed.form,
      formHashes: sealed.hashes,
      materials: [],
      idempotencyKey: key,
      submittedBy: partnerActor(partner),
      channel: {
        kind: 'open311',
        partnerId: partner.id,
        partnerName: partner.name,
        ...(token ? { token } : {}),
        location: position,
        ...(filing.address_string ? { address: filing.address_string } : {}),
        ...(filing.description ? { description: filing.description } : {}),
        ...(filing.media_url ? { mediaUrl: filing.media_url } : {}),
        notice: decision.explanation,
      },
    },
    nowIso(ctx),
    { id: ctx.deps.newId('req'), trackingNo: newTrackingNo(ctx) },
  );
  return unwrap(await ctx.deps.requests.createRequest(built.request, built.audit)).request;
};

/** A filing once it left the queue: the resident's name and phone kept masked only. */
const scrubbed = (f: Open311Filing): Open311Filing => ({
  ...f,
  last_name: maskName(`${f.last_name}${f.first_name ?? ''}`),
  first_name: undefined,
  phone: maskPhone(f.phone),
});

/**
 * Files the pending deferred filings, oldest first. A coded refusal (no route, a revoked
 * partner) is kept on the filing for the token answer; a bug or an outage leaves it pending for the next run.
 */
export const runPartnerIntake = async (deps: Pick<Deps, FilingDeps | 'partners'>, limit = 100): Promise<{ filed: number; failed: number; retried: number }> => {
  const ctx = { deps, caller: { subject: null, user: null } };
  const counts = { filed: 0, failed: 0, retried: 0 };
  for (const intake of await deps.partners.pendingIntakes(limit)) {
    const partner = await deps.partners.getPartner(intake.partnerId);
    const outcome =
      partner && !partner.revokedAt
        ? await fileForResident(ctx, partner, intake.filing, intake.id, intake.id).then(
            (r) => ({ requestId: r.id }),
            (e: unknown) => ({ error: normalizeError(e).code }),
          )
        : { error: 'API_KEY_INVALID' as const };
    if ('error' in outcome && outcome.error === 'INTERNAL') {
      counts.retried += 1;
      continue;
    }
    const next: IntakeRecord = {
      ...intake,
      version: intake.version + 1,
      filing: scrubbed(intake.filing),
      updatedAt: nowIso(ctx),
      ...('requestId' in outcome ? { state: 'filed', requestId: outcome.requestId } : { state: 'failed', error: outcome.error }),
    };
    // a CONFLICT means another run filed it first; the idempotency key made both answers the same request
    if ((await deps.partners.putIntake(next, intake.version)).ok) counts[next.state === 'filed' ? 'filed' : 'failed'] += 1;
  }
  return counts;
};
