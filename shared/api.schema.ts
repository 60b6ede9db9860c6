/**
 * The API contract: every cloud function takes `{action, data}` and answers one envelope.
 * Inputs are zod schemas the handlers parse with; the client derives its types from them.
 */
import * as z from 'zod/mini';
import { AudienceSchema, ItemLevelSchema, ItemSchema, LifeEventSchema } from './catalogue.schema';
import { CenterKindSchema, CenterSchema, LatLngSchema } from './directory.schema';
import { RouteDecisionSchema } from './routing.schema';
import { CompanyLocationSchema, RoleSchema } from './identity.schema';
import { Id, Page, listOf } from './api.common';
import { AdminInput, AdminOutput } from './api.admin.schema';
import { text } from './text.bounds';
// installs the zh-CN error map: every parse of the contract, in the app and on the server, words its issues through it
import './field.errormap.zh-CN';

// ---------- envelope (api.envelope.schema.ts) ----------

export { WireErrorSchema, CallSchema, type WireError, type Envelope } from './api.envelope.schema';

// ---------- common ----------

export { listOf, type List } from './api.common';
/** An invitation code as typed or scanned: spaces and dashes dropped, upper case, 8 characters. */
const InviteCode = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(20)),
    z.transform((v) => v.replace(/[\s-]/g, '').toUpperCase()),
  ),
  z.string().check(z.maxLength(8), z.regex(/^[A-Z0-9]{8}$/)),
);

// ---------- session ----------

/** The caller as the app sees them; personal data only in masked form. */
export const UserViewSchema = z.object({
  id: text('id'),
  role: RoleSchema,
  bound: z.boolean(),
  nameMasked: z.optional(text('masked')),
  idMasked: z.optional(text('masked')),
  phoneMasked: z.optional(text('masked')),
  homeVillageId: z.optional(text('id')),
  centerId: z.optional(text('id')),
  companyId: z.optional(text('id')),
  companyName: z.optional(text('line')),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const SessionInput = {
  whoami: z._default(z.object({}), {}),
  devLogin: z.object({
    /** the role to log in as */
    persona: RoleSchema,
    villageId: z.optional(Id),
    centerId: z.optional(Id),
    companyId: z.optional(Id),
    /** a resident already bound with a sample identity (示例数据), so a newcomer can apply at once */
    sampleIdentity: z.optional(z.boolean()),
  }),
  bindResident: z.object({
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(30)),
    idNumber: z.string().check(z.maxLength(30), z.trim(), z.minLength(1, '请填写身份证号'), z.toUpperCase()),
    phone: z.string().check(z.maxLength(30), z.trim(), z.minLength(1, '请填写手机号')),
    homeVillageId: Id,
  }),
  /** the invitation code the administrator handed over (8 letters or digits; spaces and dashes ignored) */
  redeemInvite: z.object({ code: InviteCode }),
};
export const SessionOutput = {
  whoami: z.object({ user: z.nullable(UserViewSchema) }),
  devLogin: z.object({ token: text('token'), user: UserViewSchema }),
  bindResident: z.object({ user: UserViewSchema }),
  redeemInvite: z.object({ user: UserViewSchema }),
};

// ---------- directory ----------

/** A center as lists show it (no item list). */
export const CenterSummarySchema = z.extend(z.omit(CenterSchema, { offers: true }), {
  distanceKm: z.optional(z.number()),
  offersCount: z.int(),
});
export type CenterSummary = z.infer<typeof CenterSummarySchema>;

export const ItemSummarySchema = z.pick(ItemSchema, {
  code: true,
  name: true,
  audience: true,
  category: true,
  level: true,
  lists: true,
  promisedDays: true,
  kind: true,
  visits: true,
  lifeEvents: true,
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

/** What a search that found nothing offers instead: a center to phone and the life events to browse. */
export const SearchHelpSchema = z.object({
  center: z.nullable(z.extend(z.pick(CenterSchema, { id: true, kind: true, name: true, phone: true, hours: true }), { distanceKm: z.optional(z.number()) })),
  /** whose center it is: the nearest to the phone, the caller's home, or the city center */
  because: z.enum(['nearest', 'home', 'city']),
  lifeEvents: z.array(LifeEventSchema),
});
export type SearchHelp = z.infer<typeof SearchHelpSchema>;

export const DirectoryInput = {
  nearestCenters: z.object({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lng: z.number().check(z.gte(-180), z.lte(180)),
    limit: z._default(z.int().check(z.gte(1), z.lte(50)), 5),
    kind: z.optional(CenterKindSchema),
  }),
  listCenters: z.object({
    townshipCode: z.optional(z.string().check(z.length(3), z.regex(/^\d{3}$/))),
    kind: z.optional(CenterKindSchema),
    q: z.optional(z.string().check(z.trim(), z.maxLength(40))),
    ...Page,
  }),
  /** a center with one page of the items it offers (the city center offers hundreds: `total` counts them all) */
  getCenter: z.object({ id: Id, ...Page }),
  searchItems: z.object({
    q: z.optional(z.string().check(z.trim(), z.maxLength(40, '搜索词不超过40个字'))),
    audience: z.optional(AudienceSchema),
    level: z.optional(ItemLevelSchema),
    lifeEvent: z.optional(LifeEventSchema),
    centerId: z.optional(Id),
    /** where the phone is, so a search that finds nothing can name the nearest center */
    near: z.optional(LatLngSchema),
    ...Page,
  }),
  getItem: z.object({ code: Id }),
  guide: z.object({ itemCode: Id, villageId: z.optional(Id), companyLocation: z.optional(CompanyLocationSchema), position: z.optional(LatLngSchema) }),
  listTownships: z._default(z.object({}), {}),
};
export const DirectoryOutput = {
  nearestCenters: z.object({ items: z.array(CenterSummarySchema) }),
  listCenters: listOf(CenterSummarySchema),
  getCenter: z.extend(listOf(ItemSummarySchema), { center: CenterSummarySchema, parent: z.nullable(CenterSummarySchema) }),
  searchItems: z.extend(listOf(ItemSummarySchema), { help: z.optional(SearchHelpSchema) }),
  getItem: z.object({ item: ItemSchema }),
  guide: z.object({ item: ItemSchema, route: RouteDecisionSchema }),
  listTownships: z.object({ items: z.array(z.object({ code: text('code'), name: text('name'), centerId: text('id'), villages: z.int() })) }),
};

// the requests and clerk functions are declared in api.requests.schema.ts; re-exported here
import { ClerkInput, ClerkOutput, RequestsInput, RequestsOutput } from './api.requests.schema';
export { ClerkInput, ClerkOutput, RequestsInput, RequestsOutput };
export { QUEUE_NAMES, QueueNameSchema, RequestViewSchema, TimelineEntrySchema, TodayFiguresSchema } from './api.requests.schema';
export type { HandoffView, QueueName, RequestView, TodayFigures } from './api.requests.schema';

// the files and messages functions are declared in api.files.schema.ts; re-exported here
import { FilesInput, FilesOutput, MessagesInput, MessagesOutput, MessageViewSchema } from './api.files.schema';
export { FilesInput, FilesOutput, MessagesInput, MessagesOutput, MessageViewSchema };
export type { MessageView } from './api.files.schema';
import { BookingsInput, BookingsOutput } from './api.booking.schema';
export type { BookingView, DayBooking, SlotView } from './api.booking.schema';

// ---------- admin (the city administrator) ----------

// the administrator's actions are declared in api.admin.schema.ts (this file stays readable); re-exported here,
// so the client imports every contract type from this file
export { AdminInput, AdminOutput };
export { CalendarCoverageSchema, CalendarYearViewSchema, ImportRecordSchema, InviteViewSchema, PersonViewSchema, SynonymsViewSchema } from './api.admin.schema';
export type { InviteView, PersonView, SynonymsView } from './api.admin.schema';

// the company side (issue 12) is declared in api.company.schema.ts; re-exported here
import { CompanyInput, CompanyOutput, DemandsInput, DemandsOutput } from './api.company.schema';
export { CompanyInput, CompanyOutput, DemandsInput, DemandsOutput };
export type { ClaimView, CompanyView, DemandQueue, DemandStats, DemandView, MemberView, MembershipView } from './api.company.schema';

// the re-certification function (静默认证): api.certify.schema.ts
import { CertifyInput, CertifyOutput } from './api.certify.schema';
// ---------- the whole surface ----------

/** Every function with its input and output schemas, per action. */
export const API = {
  session: { input: SessionInput, output: SessionOutput },
  directory: { input: DirectoryInput, output: DirectoryOutput },
  requests: { input: RequestsInput, output: RequestsOutput },
  clerk: { input: ClerkInput, output: ClerkOutput },
  files: { input: FilesInput, output: FilesOutput },
  messages: { input: MessagesInput, output: MessagesOutput },
  admin: { input: AdminInput, output: AdminOutput },
  company: { input: CompanyInput, output: CompanyOutput },
  demands: { input: DemandsInput, output: DemandsOutput },
  bookings: { input: BookingsInput, output: BookingsOutput },
  certify: { input: CertifyInput, output: CertifyOutput },
} as const;

export type Api = typeof API;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F]['input'] & string;
/** What the caller sends for an action (before defaults are applied). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Api[F]['input'][A] & z.ZodMiniType>;
/** What an action answers with in `data`. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = A extends keyof Api[F]['output']
  ? z.infer<Api[F]['output'][A] & z.ZodMiniType>
  : never;
