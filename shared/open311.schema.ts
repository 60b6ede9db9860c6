/**
 * The Open311 GeoReport v2 contract as partner systems speak it (wiki.open311.org/GeoReport_v2):
 * the parameters of POST requests and GET requests, and the partner records the administrator
 * issues keys for. Field names are the spec's (snake_case), so a partner's form maps one to one.
 */
import * as z from 'zod/mini';
import { MobileSchema } from './validators';

/** How a partner's filings are answered: with the request id at once, or with a token to poll (deferred intake). */
export const PartnerIntakeSchema = z.enum(['immediate', 'deferred']);
export type PartnerIntake = z.infer<typeof PartnerIntakeSchema>;

/** Calls a partner key may make per minute unless the administrator sets another limit. */
export const DEFAULT_PARTNER_RATE_PER_MINUTE = 120;

/** A partner system as the administrator sees it: never the key, only its first characters. */
export const PartnerViewSchema = z.object({
  id: z.string().check(z.maxLength(80)),
  version: z.int(),
  name: z.string().check(z.maxLength(100)),
  keyPrefix: z.string().check(z.maxLength(40)),
  intake: PartnerIntakeSchema,
  ratePerMinute: z.int(),
  createdAt: z.string().check(z.maxLength(40)),
  revokedAt: z.optional(z.string().check(z.maxLength(40))),
});
export type PartnerView = z.infer<typeof PartnerViewSchema>;

/** What the administrator gives when issuing a key to a named partner system. */
export const IssuePartnerKeyInput = z.object({
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(60)),
  intake: z._default(PartnerIntakeSchema, 'immediate'),
  ratePerMinute: z._default(z.int().check(z.gte(1), z.lte(6000)), DEFAULT_PARTNER_RATE_PER_MINUTE),
});

const text = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));
/** Form posts carry numbers as text; a blank one is missing, not zero. */
const coord = (min: number, max: number) =>
  z.pipe(
    z.transform((v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)),
    z.coerce.number().check(z.gte(min), z.lte(max)),
  );

/**
 * POST requests (GeoReport v2 "POST Service Request"): the resident's name and phone, the
 * location as lat/long, the item's form as `attribute[code]`. `jurisdiction_id` and the contact
 * fields we do not keep are accepted, as the spec lets a client send them.
 */
export const Open311FilingSchema = z.object({
  service_code: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  lat: coord(-90, 90),
  long: coord(-180, 180),
  address_string: text(200),
  last_name: z.string().check(z.trim(), z.minLength(1), z.maxLength(20)),
  first_name: text(20),
  phone: MobileSchema,
  description: text(2000),
  media_url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(500))),
  email: text(100),
  device_id: text(100),
  account_id: text(100),
  jurisdiction_id: text(60),
  attribute: z._default(z.record(z.string(), z.string().check(z.maxLength(2000))), {}),
});
export type Open311Filing = z.infer<typeof Open311FilingSchema>;

/** A W3C date-time with its offset, as the spec's start_date and end_date are given. */
const W3cDateTime = z.iso.datetime({ offset: true });

/** GET requests (GeoReport v2 "GET Service Requests"): the filters a partner may give. */
export const Open311QuerySchema = z.object({
  /** a comma list; when given, the other filters are ignored */
  service_request_id: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  service_code: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  start_date: z.optional(W3cDateTime),
  end_date: z.optional(W3cDateTime),
  status: z.optional(z.enum(['open', 'closed'])),
  jurisdiction_id: text(60),
});
export type Open311Query = z.infer<typeof Open311QuerySchema>;

/** The longest search window the spec allows, and the default (the most recent 90 days). */
export const MAX_WINDOW_DAYS = 90;
/** The most requests one GET answers. */
export const MAX_REQUESTS_PER_ANSWER = 1000;
