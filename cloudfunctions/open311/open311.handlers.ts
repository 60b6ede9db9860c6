/**
 * open311: the GeoReport v2 operations over the same domain and store ports as the app. Each
 * answers its root element and its data; the edge (open311.edge.ts) checks the key, renders
 * XML or JSON and words errors. A partner sees only the requests it filed: any other is NOT_FOUND.
 */
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { fieldErrorMapZhCN } from '../../shared/messages.zh-CN';
import { isResidentService, matchesQuery, requestOf, searchWindow, serviceDefinitionOf, serviceOf } from '../../shared/open311.mapping';
import { MAX_REQUESTS_PER_ANSWER, Open311FilingSchema, Open311QuerySchema } from '../../shared/open311.schema';
import type { Request } from '../../shared/request.schema';
import type { Item } from '../../shared/catalogue.schema';
import { unwrap, zodFields } from '../core/edge/envelope';
import { partnerApplicantId } from '../core/identity/partner.key';
import { checkFiling, fileForResident } from '../core/services/partner.filing';
import { nowIso, type Ctx } from '../core/services/context';
import type { PartnerRecord } from '../core/stores/partner.port';
import type { Root } from './open311.render';
import type { Route } from './open311.routes';

/** What an operation gets: the dependencies, the partner whose key came with the call (null on open reads), the parameters. */
export type Open311Ctx = Ctx & { partner: PartnerRecord | null; params: Record<string, string>; baseUrl: string; items: () => Promise<Item[]> };

/**
 * An operation's answer, and the request it read, for the audit entry. `sameAs` is an object that
 * stays the same while the answer does (the cached item list), so the edge can reuse its rendering.
 */
export type Open311Answer = { root: Root; data: unknown; requestId?: string; sameAs?: object };

/** When this API's definition last changed (discovery's changeset). */
export const API_CHANGESET = '2026-12-01T00:00:00+08:00';

const PAGE_SIZE = 200;
const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';

/** Parses the call's parameters with a contract schema, wording field problems in zh-CN for the scope. */
const parse = <S extends z.ZodTypeAny>(schema: S, params: unknown, scope: string): z.output<S> => {
  const r = schema.safeParse(params, { error: fieldErrorMapZhCN(scope) });
  if (!r.success) throw new AppError('VALIDATION_FAILED', zodFields(r.error), undefined, { cause: r.error });
  return r.data;
};

const keyed = (ctx: Open311Ctx): PartnerRecord => {
  if (!ctx.partner) throw new AppError('API_KEY_INVALID');
  return ctx.partner;
};

/** The attributes of a form post, `attribute[code]=value`, as one record. */
const attributesOf = (params: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params).flatMap(([k, v]) => {
      const m = k.match(/^attribute\[([^\]]+)\]$/);
      return m ? [[m[1], v]] : [];
    }),
  );

/** A request of this partner, or NOT_FOUND: another partner's request does not exist for it. */
const ownRequest = async (ctx: Open311Ctx, id: string): Promise<Request> => {
  const r = await ctx.deps.requests.getRequest(id);
  if (!r || r.applicant.userId !== partnerApplicantId(keyed(ctx).id)) throw new AppError('NOT_FOUND', { service_request_id: 'NOT_FOUND' });
  return r;
};

/** The partner's requests in the window, newest first, at most the spec's 1,000. */
const searched = async (ctx: Open311Ctx, keep: (r: Request) => boolean, fromMs: number): Promise<Request[]> => {
  const out: Request[] = [];
  const applicantUserId = partnerApplicantId(keyed(ctx).id);
  for (let page = 1; out.length < MAX_REQUESTS_PER_ANSWER; page += 1) {
    const res = await ctx.deps.requests.listRequests({ applicantUserId }, { page, pageSize: PAGE_SIZE });
    out.push(...res.items.filter(keep));
    const last = res.items[res.items.length - 1];
    if (res.items.length < PAGE_SIZE || Date.parse(last.submittedAt) < fromMs) break;
  }
  return out.slice(0, MAX_REQUESTS_PER_ANSWER);
};

const asRequests = async (ctx: Open311Ctx, requests: Request[]) => {
  const dir = await ctx.deps.catalogue.directory();
  return requests.map((r) => requestOf(r, dir));
};

/** Every GeoReport v2 operation, by route. */
export const OPEN311_OPS: Record<Route['op'], (ctx: Open311Ctx, route: Route) => Promise<Open311Answer>> = {
  async discovery(ctx) {
    const city = (await ctx.deps.catalogue.directory()).cityCenter();
    return {
      root: 'discovery',
      data: {
        changeset: API_CHANGESET,
        contact: city ? `${city.name}，电话 ${city.phone}` : '邹城市政务服务中心',
        key_service: 'api_key 由邹城市政务服务中心的管理员签发给具名的合作系统，请联系市政务服务中心申请',
        endpoints: [{ specification: GEOREPORT_V2, url: ctx.baseUrl, changeset: API_CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
      },
    };
  },

  async services(ctx) {
    const items = await ctx.items();
    return { root: 'services', data: items.map(serviceOf), sameAs: items };
  },

  async serviceDefinition(ctx, route) {
    const item = 'id' in route ? await ctx.deps.catalogue.item(route.id) : null;
    if (!item || !isResidentService(item)) throw new AppError('ITEM_NOT_FOUND', { service_code: 'ITEM_NOT_FOUND' });
    return { root: 'service_definition', data: serviceDefinitionOf(item) };
  },

  async postRequest(ctx) {
    const partner = keyed(ctx);
    const filing = parse(Open311FilingSchema, { ...ctx.params, attribute: attributesOf(ctx.params) }, 'open311.requests');
    if (partner.intake === 'deferred') {
      await checkFiling(ctx, filing);
      const token = ctx.deps.newId('tok');
      const at = nowIso(ctx);
      unwrap(await ctx.deps.partners.putIntake({ id: token, version: 1, partnerId: partner.id, state: 'pending', filing, createdAt: at, updatedAt: at }));
      return { root: 'service_requests', data: [{ token, service_notice: '已收到，正在转交办理，请稍后用 token 查询办件编号', account_id: null }] };
    }
    const r = await fileForResident(ctx, partner, filing, ctx.deps.newId('o311'));
    return { root: 'service_requests', data: [{ service_request_id: r.id, service_notice: r.channel?.notice ?? '', account_id: null }], requestId: r.id };
  },

  async listRequests(ctx) {
    const q = parse(Open311QuerySchema, ctx.params, 'open311.requests');
    if (q.service_request_id) {
      const ids = [
        ...new Set(
          q.service_request_id
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ].slice(0, MAX_REQUESTS_PER_ANSWER);
      const own = (await Promise.all(ids.map((id) => ctx.deps.requests.getRequest(id)))).filter(
        (r): r is Request => !!r && r.applicant.userId === partnerApplicantId(keyed(ctx).id),
      );
      return { root: 'service_requests', data: await asRequests(ctx, own) };
    }
    const window = unwrap(searchWindow(q, ctx.deps.now().getTime()));
    const found = await searched(ctx, (r) => matchesQuery(r, q, window), window.fromMs);
    return { root: 'service_requests', data: await asRequests(ctx, found) };
  },

  async getRequest(ctx, route) {
    const r = await ownRequest(ctx, 'id' in route ? route.id : '');
    return { root: 'service_requests', data: await asRequests(ctx, [r]), requestId: r.id };
  },

  async getToken(ctx, route) {
    const intake = 'id' in route ? await ctx.deps.partners.getIntake(route.id) : null;
    if (!intake || intake.partnerId !== keyed(ctx).id) throw new AppError('NOT_FOUND', { token: 'NOT_FOUND' });
    if (intake.state === 'failed') throw new AppError(intake.error ?? 'INTERNAL', { token: intake.error ?? 'INTERNAL' });
    const id = intake.state === 'filed' ? { service_request_id: intake.requestId } : {};
    return { root: 'service_requests', data: [{ ...id, token: intake.id }], requestId: intake.requestId };
  },
};
