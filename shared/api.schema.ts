/**
 * The API contract: every cloud function takes `{action, data}` and answers one envelope.
 * Inputs are zod schemas the handlers parse with; the client derives its types from them.
 */
import * as z from 'zod/mini';
import { AudienceSchema, ItemLevelSchema, ItemSchema, LifeEventSchema } from './catalogue.schema';
import { CenterKindSchema, CenterRefSchema, CenterSchema, LatLngSchema } from './directory.schema';
import { ChecklistEntrySchema, AuditEntrySchema, HandoffSchema, MaterialSchema, RatingLevelSchema, RequestSchema, RequestStateSchema } from './request.schema';
import { RouteDecisionSchema } from './routing.schema';
import { CompanyLocationSchema, RoleSchema } from './identity.schema';
import { Id, Page, Version, listOf } from './api.common';
import { AdminInput, AdminOutput } from './api.admin.schema';
import { text } from './text.bounds';
// installs the zh-CN error map: every parse of the contract, in the app and on the server, words its issues through it
import './field.errormap.zh-CN';

// ---------- envelope (api.envelope.schema.ts) ----------

export { WireErrorSchema, CallSchema, type WireError, type Envelope } from './api.envelope.schema';

// ---------- common ----------

export { listOf, type List } from './api.common';
const Reason = z.string().check(z.trim(), z.minLength(2), z.maxLength(500));
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
    idNumber: z.string().check(z.maxLength(30), z.trim(), z.toUpperCase()),
    phone: z.string().check(z.maxLength(30), z.trim()),
    homeVillageId: Id,
  }),
  bindCompany: z.object({
    creditCode: z.string().check(z.maxLength(30), z.trim(), z.toUpperCase()),
    name: z.string().check(z.trim(), z.minLength(2), z.maxLength(80)),
    location: CompanyLocationSchema,
  }),
  /** the invitation code the administrator handed over (8 letters or digits; spaces and dashes ignored) */
  redeemInvite: z.object({ code: InviteCode }),
};
export const SessionOutput = {
  whoami: z.object({ user: z.nullable(UserViewSchema) }),
  devLogin: z.object({ token: text('token'), user: UserViewSchema }),
  bindResident: z.object({ user: UserViewSchema }),
  bindCompany: z.object({ user: UserViewSchema }),
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

// ---------- requests ----------

/** A request as its applicant or a clerk sees it: the stored record without the idempotency key and hashes. */
export const RequestViewSchema = z.extend(z.omit(RequestSchema, { idempotencyKey: true, idempotencyHash: true, formHashes: true, sealed: true }), {
  /** a slip's code only on the sending center's own slip while it travels (it proves arrival) */
  handoffs: z.array(z.extend(HandoffSchema, { code: z.optional(HandoffSchema.shape.code) })),
});
export type RequestView = z.infer<typeof RequestViewSchema>;
/** A handoff as a view carries it: the slip code only on the sender's own travelling slip. */
export type HandoffView = RequestView['handoffs'][number];
export const TimelineEntrySchema = AuditEntrySchema;

const FormValues = z.record(text('code'), z.union([text('text'), z.number()]));
const Materials = z.array(MaterialSchema).check(z.maxLength(20));

export const RequestsInput = {
  submit: z.object({
    itemCode: Id,
    intakeCenterId: Id,
    form: FormValues,
    materials: Materials,
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(80)),
  }),
  mine: z.object({ state: z.optional(RequestStateSchema), ...Page }),
  get: z.object({ id: Id }),
  withdraw: z.object({ id: Id, version: Version, reason: z.optional(z.string().check(z.maxLength(500))) }),
  supplement: z.object({ id: Id, version: Version, materials: Materials.check(z.minLength(1)), note: z.optional(z.string().check(z.maxLength(500))) }),
  rate: z.object({ id: Id, version: Version, level: RatingLevelSchema, comment: z._default(z.string().check(z.maxLength(500)), '') }),
};
const RequestAnswer = z.object({ request: RequestViewSchema });
export const RequestsOutput = {
  submit: RequestAnswer,
  mine: listOf(RequestViewSchema),
  get: z.object({ request: RequestViewSchema, timeline: z.array(TimelineEntrySchema), centers: z.array(CenterRefSchema) }),
  withdraw: RequestAnswer,
  supplement: RequestAnswer,
  rate: RequestAnswer,
};

// ---------- clerk ----------

export const QueueNameSchema = z.enum(['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue']);
export type QueueName = z.infer<typeof QueueNameSchema>;

const Target = { id: Id, version: Version };

/** Today's figures of a center (China day): what its clerks took in, moved and finished. */
export const TodayFiguresSchema = z.object({
  submitted: z.int(),
  accepted: z.int(),
  handoffsConfirmed: z.int(),
  decided: z.int(),
  delivered: z.int(),
});
export type TodayFigures = z.infer<typeof TodayFiguresSchema>;
export const ClerkInput = {
  queue: z.object({ queue: z._default(QueueNameSchema, 'precheck'), ...Page }),
  get: z.object({ id: Id }),
  precheck: z.object({ ...Target, note: z.optional(z.string().check(z.maxLength(500))) }),
  accept: z.object(Target),
  reject: z.object({ ...Target, reasons: Reason }),
  sendHandoff: z.object({ ...Target, checklist: z.array(ChecklistEntrySchema).check(z.minLength(1), z.maxLength(50)) }),
  confirmHandoff: z.object({
    code: z.string().check(z.maxLength(20), z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{6}$/)),
    version: z.optional(Version),
  }),
  returnHandoff: z.object({ ...Target, reason: Reason }),
  pause: z.object({ ...Target, reason: Reason, missing: z.array(text('name').check(z.minLength(1))).check(z.minLength(1), z.maxLength(20)) }),
  resume: z.object(Target),
  decide: z.object({ ...Target, outcome: z.enum(['approved', 'refused']), reasons: Reason }),
  deliver: z.object({ ...Target, note: z.optional(z.string().check(z.maxLength(500))) }),
  overdue: z.object({ ...Page }),
  /** frees an ID number bound to an account the person lost (seen in person with the ID card) */
  unbindResident: z.object({ idNumber: z.string().check(z.trim(), z.toUpperCase(), z.maxLength(18)), reason: Reason }),
  /** the full phone of the applicant or of a form field, shown only on 查看/拨打 and audited */
  revealPhone: z.object({ id: Id, field: z.optional(z.string().check(z.maxLength(40))) }),
};
export const ClerkOutput = {
  queue: z.extend(listOf(RequestViewSchema), { counts: z.record(QueueNameSchema, z.int()), today: TodayFiguresSchema }),
  get: z.object({ request: RequestViewSchema, timeline: z.array(TimelineEntrySchema), centers: z.array(CenterRefSchema) }),
  precheck: RequestAnswer,
  accept: RequestAnswer,
  reject: RequestAnswer,
  sendHandoff: RequestAnswer,
  confirmHandoff: RequestAnswer,
  returnHandoff: RequestAnswer,
  pause: RequestAnswer,
  resume: RequestAnswer,
  decide: RequestAnswer,
  deliver: RequestAnswer,
  overdue: listOf(RequestViewSchema),
  unbindResident: z.object({ unbound: z.object({ idMasked: text('masked'), nameMasked: z.optional(text('masked')) }) }),
  revealPhone: z.object({ phone: text('code') }),
};

// the files and messages functions are declared in api.files.schema.ts; re-exported here
import { FilesInput, FilesOutput, MessagesInput, MessagesOutput, MessageViewSchema } from './api.files.schema';
export { FilesInput, FilesOutput, MessagesInput, MessagesOutput, MessageViewSchema };
export type { MessageView } from './api.files.schema';

// ---------- admin (the city administrator) ----------

// the administrator's actions are declared in api.admin.schema.ts (this file stays readable); re-exported here,
// so the client imports every contract type from this file
export { AdminInput, AdminOutput };
export { CalendarCoverageSchema, CalendarYearViewSchema, ImportRecordSchema, InviteViewSchema, PersonViewSchema, SynonymsViewSchema } from './api.admin.schema';
export type { InviteView, PersonView, SynonymsView } from './api.admin.schema';

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
