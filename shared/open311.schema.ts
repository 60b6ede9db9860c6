/**
 * The Open311 GeoReport v2 contract as partner systems speak it (wiki.open311.org/GeoReport_v2):
 * the parameters of POST requests and GET requests, and the partner records the administrator
 * issues keys for. Field names are the spec's (snake_case), so a partner's form maps one to one.
 */
import { z } from 'zod';
import { MobileSchema } from './validators';

/** How a partner's filings are answered: with the request id at once, or with a token to poll (deferred intake). */
export const PartnerIntakeSchema = z.enum(['immediate', 'deferred']);
export type PartnerIntake = z.infer<typeof PartnerIntakeSchema>;

/** Calls a partner key may make per minute unless the administrator sets another limit. */
export const DEFAULT_PARTNER_RATE_PER_MINUTE = 120;

/** A partner system as the administrator sees it: never the key, only its first characters. */
export const PartnerViewSchema = z.object({
  id: z.string().max(80),
  version: z.number().int(),
  name: z.string().max(100),
  keyPrefix: z.string().max(40),
  intake: PartnerIntakeSchema,
  ratePerMinute: z.number().int(),
  createdAt: z.string().max(40),
  revokedAt: z.string().max(40).optional(),
});
export type PartnerView = z.infer<typeof PartnerViewSchema>;

/** What the administrator gives when issuing a key to a named partner system. */
export const IssuePartnerKeyInput = z.object({
  name: z.string().trim().min(2).max(60),
  intake: PartnerIntakeSchema.default('immediate'),
  ratePerMinute: z.number().int().min(1).max(6000).default(DEFAULT_PARTNER_RATE_PER_MINUTE),
});

const text = (max: number) => z.string().trim().max(max).optional();
/** Form posts carry numbers as text; a blank one is missing, not zero. */
const coord = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().min(min).max(max));

/**
 * POST requests (GeoReport v2 "POST Service Request"): the resident's name and phone, the
 * location as lat/long, the item's form as `attribute[code]`. `jurisdiction_id` and the contact
 * fields we do not keep are accepted, as the spec lets a client send them.
 */
export const Open311FilingSchema = z.object({
  service_code: z.string().trim().min(1).max(40),
  lat: coord(-90, 90),
  long: coord(-180, 180),
  address_string: text(200),
  last_name: z.string().trim().min(1).max(20),
  first_name: text(20),
  phone: MobileSchema,
  description: text(2000),
  media_url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  email: text(100),
  device_id: text(100),
  account_id: text(100),
  jurisdiction_id: text(60),
  attribute: z.record(z.string(), z.string().max(2000)).default({}),
});
export type Open311Filing = z.infer<typeof Open311FilingSchema>;

/** A W3C date-time with its offset, as the spec's start_date and end_date are given. */
const W3cDateTime = z.iso.datetime({ offset: true });

/** GET requests (GeoReport v2 "GET Service Requests"): the filters a partner may give. */
export const Open311QuerySchema = z.object({
  /** a comma list; when given, the other filters are ignored */
  service_request_id: z.string().trim().max(2000).optional(),
  service_code: z.string().trim().max(40).optional(),
  start_date: W3cDateTime.optional(),
  end_date: W3cDateTime.optional(),
  status: z.enum(['open', 'closed']).optional(),
  jurisdiction_id: text(60),
});
export type Open311Query = z.infer<typeof Open311QuerySchema>;

/** The longest search window the spec allows, and the default (the most recent 90 days). */
export const MAX_WINDOW_DAYS = 90;
/** The most requests one GET answers. */
export const MAX_REQUESTS_PER_ANSWER = 1000;
