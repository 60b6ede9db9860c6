/**
 * The Open311 HTTP edge, shared by the local gateway (`/open311/v2/`) and the HTTP-triggered
 * cloud function: route and format by extension, the partner's api_key and rate limit, one
 * audit entry per keyed call, and the spec's error bodies (404 unknown, 403 key, 400 the rest),
 * each description in Chinese followed by the English code word.
 */
import { AppError, isErrorCode, type ErrorCode } from '../../shared/errors';
import { fieldMessageZhCN, messageFor } from '../../shared/messages.zh-CN';
import { isResidentService } from '../../shared/open311.mapping';
import type { Item } from '../../shared/catalogue.schema';
import { normalizeError } from '../core/edge/envelope';
import { apiKeyHash, partnerApplicantId } from '../core/identity/partner.key';
import { nowIso, type Deps } from '../core/services/context';
import type { PartnerRecord } from '../core/stores/partner.port';
import { OPEN311_OPS, type Open311Answer } from './open311.handlers';
import { createRateLimiter, type RateLimiter } from './open311.limits';
import { render } from './open311.render';
import { formatOf, KEYED_OPS, routeOf, type Format, type Route } from './open311.routes';

/** One HTTP call as the edge needs it: the body as text, the parameters of the query string. */
export type Open311HttpIn = { method: string; path: string; query: URLSearchParams; body: string; contentType?: string; baseUrl: string };
/** The answer, plus the operation and code for the caller's log line (never personal data). */
export type Open311HttpOut = { status: number; headers: Record<string, string>; body: string; op: string; code: ErrorCode | 'OK'; error?: AppError };

export type Open311Edge = {
  handle(req: Open311HttpIn): Promise<Open311HttpOut>;
  /** The error answer for a call the caller's transport already refused (a body too large). */
  refuse(path: string, error: AppError): Open311HttpOut;
};

const NOT_FOUND_CODES: ReadonlySet<ErrorCode> = new Set(['NOT_FOUND', 'ITEM_NOT_FOUND', 'UNKNOWN_ACTION', 'UNKNOWN_FUNCTION']);
const ITEMS_TTL_MS = 60_000;

/** The spec's status of a failure: 404 for an unknown resource, 403 for the key, 400 for the rest (500 for a bug). */
export const open311StatusOf = (code: ErrorCode): number =>
  NOT_FOUND_CODES.has(code) ? 404 : code === 'API_KEY_INVALID' ? 403 : code === 'INTERNAL' ? 500 : 400;

/** The spec's error list: one entry per field that is wrong, else one for the whole call. */
export const open311Errors = (e: AppError): { code: number; description: string }[] => {
  const status = open311StatusOf(e.code);
  const fields = Object.entries(e.fields ?? {});
  if (!fields.length) return [{ code: status, description: `${messageFor(e.code)} (${e.code})` }];
  return fields.map(([param, text]) => {
    const code = isErrorCode(text) ? text : e.code;
    const worded = isErrorCode(text) ? messageFor(text) : /[\u4e00-\u9fff]/.test(text) ? text : fieldMessageZhCN({ path: param, code: 'invalid' });
    return { code: status, description: `${param}：${worded} (${code})` };
  });
};

/** An error in the spec's body, in the path's format. */
const errorOut = (path: string, e: unknown, op: string): Open311HttpOut => {
  const error = normalizeError(e);
  const out = render(formatOf(path), 'errors', open311Errors(error));
  const retry: Record<string, string> = error.code === 'RATE_LIMITED' ? { 'retry-after': error.detail?.match(/\d+/)?.[0] ?? '60' } : {};
  return {
    status: open311StatusOf(error.code),
    headers: { 'content-type': out.contentType, 'cache-control': 'no-store', ...retry },
    body: out.body,
    op,
    code: error.code,
    error,
  };
};

/** The parameters of a call: the query string, then a form-encoded (or JSON) body over it. */
const paramsOf = (req: Open311HttpIn): Record<string, string> => {
  const params: Record<string, string> = Object.fromEntries(req.query);
  if (!req.body) return params;
  if (/application\/json/i.test(req.contentType ?? '')) {
    let json: unknown;
    try {
      json = JSON.parse(req.body);
    } catch (cause) {
      throw new AppError('BAD_JSON', undefined, undefined, { cause });
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new AppError('BAD_JSON');
    for (const [k, v] of Object.entries(json)) if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
    return params;
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(req.body)) };
};

/** Creates the edge over the dependencies, with its rate limiter and the short-lived list of services. */
export const createOpen311Edge = (deps: Deps, limiter: RateLimiter = createRateLimiter(() => deps.now().getTime())): Open311Edge => {
  let items: { at: number; list: Promise<Item[]> } | null = null;
  // the service list is the same for everyone until the item list is reloaded: render it once per format
  const renderings = new WeakMap<object, Partial<Record<Format, ReturnType<typeof render>>>>();
  const rendered = (format: Format, result: Open311Answer) => {
    if (!result.sameAs) return render(format, result.root, result.data);
    const byFormat = renderings.get(result.sameAs) ?? {};
    byFormat[format] ??= render(format, result.root, result.data);
    renderings.set(result.sameAs, byFormat);
    return byFormat[format];
  };
  const allItems = async (): Promise<Item[]> => {
    const out: Item[] = [];
    for (let page = 1; ; page += 1) {
      const res = await deps.directory.searchItems({}, { page, pageSize: 500 });
      out.push(...res.items.filter(isResidentService));
      if (res.items.length < 500) return out;
    }
  };
  const cachedItems = () => {
    const now = deps.now().getTime();
    if (!items || now - items.at >= ITEMS_TTL_MS) {
      const list = allItems();
      list.catch(() => (items = null));
      items = { at: now, list };
    }
    return items.list;
  };

  const partnerOf = async (params: Record<string, string>): Promise<PartnerRecord> => {
    const key = params.api_key;
    const partner = key ? await deps.partners.findPartnerByKeyHash(apiKeyHash(key)) : null;
    if (!partner || partner.revokedAt) throw new AppError('API_KEY_INVALID', { api_key: 'API_KEY_INVALID' });
    const hit = limiter.hit(partner.id, partner.ratePerMinute);
    if (!hit.allowed) throw new AppError('RATE_LIMITED', undefined, `retry after ${hit.retryAfterSeconds} s`);
    return partner;
  };

  const answer = async (req: Open311HttpIn, route: Route): Promise<Open311Answer> => {
    const params = paramsOf(req);
    const partner = KEYED_OPS.has(route.op) ? await partnerOf(params) : null;
    const run = () => OPEN311_OPS[route.op]({ deps, caller: { subject: null, user: null }, partner, params, baseUrl: req.baseUrl, items: cachedItems }, route);
    if (!partner) return run();
    const audit = (extra: { requestId?: string; note?: string }) =>
      deps.audit.appendAudit({
        at: nowIso({ deps }),
        actor: { userId: partnerApplicantId(partner.id), role: 'partner', name: partner.name },
        action: `open311.${route.op}`,
        ...extra,
      });
    try {
      const result = await run();
      await audit(result.requestId ? { requestId: result.requestId } : {});
      return result;
    } catch (e) {
      // a refused call of a known partner is audited too, with its code and nothing of what was sent;
      // a refused read of a request lands in that request's trail (a partner probing another's request)
      await audit({ note: normalizeError(e).code, ...(route.op === 'getRequest' && 'id' in route ? { requestId: route.id } : {}) });
      throw e;
    }
  };

  return {
    async handle(req) {
      const route = routeOf(req.method, req.path);
      try {
        if (!route) throw new AppError('UNKNOWN_ACTION', undefined, `${req.method} ${req.path}`);
        const result = await answer(req, route);
        const out = rendered(route.format, result);
        return { status: 200, headers: { 'content-type': out.contentType, 'cache-control': 'no-store' }, body: out.body, op: route.op, code: 'OK' };
      } catch (e) {
        return errorOut(req.path, e, route?.op ?? '?');
      }
    },
    refuse: (path, error) => errorOut(path, error, '?'),
  };
};
