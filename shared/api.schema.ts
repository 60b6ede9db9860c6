/**
 * The API contract: every cloud function takes `{action, data}` and answers one envelope.
 * Inputs are zod schemas the handlers parse with; the client derives its types from them.
 */
import * as z from 'zod/mini';
import { AudienceSchema, ItemLevelSchema, ItemSchema, LifeEventSchema } from './catalogue.schema';
import { CenterKindSchema, CenterRefSchema, CenterSchema, LatLngSchema } from './directory.schema';
import { ChecklistEntrySchema, AuditEntrySchema, MaterialSchema, RatingLevelSchema, RequestSchema, RequestStateSchema } from './request.schema';
import { RouteDecisionSchema } from './routing.schema';
import { CompanyLocationSchema, RoleSchema } from './identity.schema';
import { ERROR_CODES } from './errors';
import { IndicatorsSchema } from './indicators';
// installs the zh-CN error map: every parse of the contract, in the app and on the server, words its issues through it
import './field.errormap.zh-CN';

// ---------- envelope ----------

/** The error half of the envelope. */
export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.optional(z.record(z.string(), z.string())),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** Every answer: `{ok: true, data}` or `{ok: false, error}`. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** The call every function takes. */
export const CallSchema = z.object({ action: z.string().check(z.minLength(1)), data: z.optional(z.unknown()) });

// ---------- common ----------

const Page = { page: z._default(z.int().check(z.gte(1)), 1), pageSize: z._default(z.int().check(z.gte(1)).check(z.lte(100)), 20) };
/** Builds the list answer shape for an element schema. */
export const listOf = <T extends z.ZodMiniType>(el: T) =>
  z.object({ items: z.array(el), total: z.int(), page: z.int(), pageSize: z.int() });
export type List<T> = { items: T[]; total: number; page: number; pageSize: number };

const Id = z.string().check(z.minLength(1)).check(z.maxLength(80));
const Version = z.int().check(z.gte(1));
const Reason = z.string().check(z.trim()).check(z.minLength(2)).check(z.maxLength(500));

// ---------- session ----------

/** The caller as the app sees them; personal data only in masked form. */
export const UserViewSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  bound: z.boolean(),
  nameMasked: z.optional(z.string()),
  idMasked: z.optional(z.string()),
  phoneMasked: z.optional(z.string()),
  homeVillageId: z.optional(z.string()),
  centerId: z.optional(z.string()),
  companyId: z.optional(z.string()),
  companyName: z.optional(z.string()),
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
    name: z.string().check(z.trim()).check(z.minLength(2)).check(z.maxLength(30)),
    idNumber: z.string().check(z.trim()).check(z.toUpperCase()),
    phone: z.string().check(z.trim()),
    homeVillageId: Id,
  }),
  bindCompany: z.object({
    creditCode: z.string().check(z.trim()).check(z.toUpperCase()),
    name: z.string().check(z.trim()).check(z.minLength(2)).check(z.maxLength(80)),
    location: CompanyLocationSchema,
  }),
};
export const SessionOutput = {
  whoami: z.object({ user: z.nullable(UserViewSchema) }),
  devLogin: z.object({ token: z.string(), user: UserViewSchema }),
  bindResident: z.object({ user: UserViewSchema }),
  bindCompany: z.object({ user: UserViewSchema }),
};

// ---------- directory ----------

/** A center as lists show it (no item list). */
export const CenterSummarySchema = z.extend(z.omit(CenterSchema, { offers: true }), {
  distanceKm: z.optional(z.number()),
  offersCount: z.int(),
});
export type CenterSummary = z.infer<typeof CenterSummarySchema>;

export const ItemSummarySchema = z.pick(ItemSchema, {
  code: true, name: true, audience: true, category: true, level: true, lists: true, promisedDays: true, kind: true, visits: true, lifeEvents: true,
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

export const DirectoryInput = {
  nearestCenters: z.object({ lat: z.number().check(z.gte(-90)).check(z.lte(90)), lng: z.number().check(z.gte(-180)).check(z.lte(180)), limit: z._default(z.int().check(z.gte(1)).check(z.lte(50)), 5), kind: z.optional(CenterKindSchema) }),
  listCenters: z.object({ townshipCode: z.optional(z.string().check(z.regex(/^\d{3}$/))), kind: z.optional(CenterKindSchema), q: z.optional(z.string().check(z.trim()).check(z.maxLength(40))), ...Page }),
  getCenter: z.object({ id: Id }),
  searchItems: z.object({ q: z.optional(z.string().check(z.trim()).check(z.maxLength(40))), audience: z.optional(AudienceSchema), level: z.optional(ItemLevelSchema), lifeEvent: z.optional(LifeEventSchema), centerId: z.optional(Id), ...Page }),
  getItem: z.object({ code: Id }),
  guide: z.object({ itemCode: Id, villageId: z.optional(Id), companyLocation: z.optional(CompanyLocationSchema), position: z.optional(LatLngSchema) }),
  listTownships: z._default(z.object({}), {}),
};
export const DirectoryOutput = {
  nearestCenters: z.object({ items: z.array(CenterSummarySchema) }),
  listCenters: listOf(CenterSummarySchema),
  getCenter: z.object({ center: CenterSummarySchema, parent: z.nullable(CenterSummarySchema), items: z.array(ItemSummarySchema) }),
  searchItems: listOf(ItemSummarySchema),
  getItem: z.object({ item: ItemSchema }),
  guide: z.object({ item: ItemSchema, route: RouteDecisionSchema }),
  listTownships: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), centerId: z.string(), villages: z.int() })) }),
};

// ---------- requests ----------

/** A request as its applicant or a clerk sees it: the stored record without the idempotency key and hashes. */
export const RequestViewSchema = z.omit(RequestSchema, { idempotencyKey: true, formHashes: true });
export type RequestView = z.infer<typeof RequestViewSchema>;
export const TimelineEntrySchema = AuditEntrySchema;

const FormValues = z.record(z.string(), z.union([z.string().check(z.maxLength(2000)), z.number()]));
const Materials = z.array(MaterialSchema).check(z.maxLength(20));

export const RequestsInput = {
  submit: z.object({ itemCode: Id, intakeCenterId: Id, form: FormValues, materials: Materials, idempotencyKey: z.string().check(z.minLength(8)).check(z.maxLength(80)) }),
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
export const TodayFiguresSchema = z.object({ submitted: z.int(), accepted: z.int(), handoffsConfirmed: z.int(), decided: z.int(), delivered: z.int() });
export type TodayFigures = z.infer<typeof TodayFiguresSchema>;
export const ClerkInput = {
  queue: z.object({ queue: z._default(QueueNameSchema, 'precheck'), ...Page }),
  get: z.object({ id: Id }),
  precheck: z.object({ ...Target, note: z.optional(z.string().check(z.maxLength(500))) }),
  accept: z.object(Target),
  reject: z.object({ ...Target, reasons: Reason }),
  sendHandoff: z.object({ ...Target, checklist: z.array(ChecklistEntrySchema).check(z.minLength(1)) }),
  confirmHandoff: z.object({ code: z.string().check(z.trim()).check(z.toUpperCase()).check(z.regex(/^[A-Z0-9]{6}$/)), version: z.optional(Version) }),
  returnHandoff: z.object({ ...Target, reason: Reason }),
  pause: z.object({ ...Target, reason: Reason, missing: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)) }),
  resume: z.object(Target),
  decide: z.object({ ...Target, outcome: z.enum(['approved', 'refused']), reasons: Reason }),
  deliver: z.object({ ...Target, note: z.optional(z.string().check(z.maxLength(500))) }),
  overdue: z.object({ ...Page }),
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
};

// ---------- files (local mode uploads; WeChat uses cloud storage) ----------

export const FilesInput = {
  upload: z.object({ name: z.string().check(z.minLength(1)).check(z.maxLength(120)), contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']), dataBase64: z.string().check(z.minLength(4)).check(z.maxLength(4_000_000)) }),
};
export const FilesOutput = { upload: z.object({ fileId: z.string() }) };

// ---------- messages (notifications: WeChat subscribe messages, and the in-app list) ----------

export const MessageViewSchema = z.object({
  id: z.string(), kind: z.string(), title: z.string(), body: z.string(), requestId: z.optional(z.string()),
  createdAt: z.string(), state: z.enum(['pending', 'sent', 'failed']),
});
export type MessageView = z.infer<typeof MessageViewSchema>;
export const MessagesInput = { list: z.object({ ...Page }) };
export const MessagesOutput = { list: listOf(MessageViewSchema) };

// ---------- admin (the city administrator; imports and roles come in a later issue) ----------

export const AdminInput = { stats: z._default(z.object({}), {}) };
export const AdminOutput = { stats: z.object({ indicators: IndicatorsSchema, at: z.string() }) };

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
