/**
 * The API contract: every cloud function takes `{action, data}` and answers one envelope.
 * Inputs are zod schemas the handlers parse with; the client derives its types from them.
 */
import { z } from 'zod';
import { AudienceSchema, ItemLevelSchema, ItemSchema, LifeEventSchema } from './catalogue.schema';
import { CenterKindSchema, CenterRefSchema, CenterSchema, LatLngSchema } from './directory.schema';
import { ChecklistEntrySchema, AuditEntrySchema, HandoffSchema, MaterialSchema, RatingLevelSchema, RequestSchema, RequestStateSchema } from './request.schema';
import { RouteDecisionSchema } from './routing.schema';
import { CompanyLocationSchema, RoleSchema } from './identity.schema';
import { ERROR_CODES } from './errors';
import { IndicatorsSchema } from './indicators';
import { IssuePartnerKeyInput, PartnerViewSchema } from './open311.schema';
// installs the zh-CN error map: every parse of the contract, in the app and on the server, words its issues through it
import './messages.zh-CN';
import { SynonymGroupSchema } from './search.schema';
import { Id, Page, listOf } from './api.common';
import { FilesInput, FilesOutput, MessagesInput, MessagesOutput } from './api.messages';

export { FilesInput, FilesOutput, MessageViewSchema, MessagesInput, MessagesOutput, type MessageView } from './api.messages';

// ---------- envelope ----------

/** The error half of the envelope. */
export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type WireError = z.infer<typeof WireErrorSchema>;

/** Every answer: `{ok: true, data}` or `{ok: false, error}`. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };

/** The call every function takes. */
export const CallSchema = z.object({ action: z.string().min(1), data: z.unknown().optional() });

// ---------- common ----------

export { listOf, type List } from './api.common';
const Version = z.number().int().min(1);
const Reason = z.string().trim().min(2).max(500);

// ---------- session ----------

/** The caller as the app sees them; personal data only in masked form. */
export const UserViewSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  bound: z.boolean(),
  nameMasked: z.string().optional(),
  idMasked: z.string().optional(),
  phoneMasked: z.string().optional(),
  homeVillageId: z.string().optional(),
  centerId: z.string().optional(),
  companyId: z.string().optional(),
  companyName: z.string().optional(),
});
export type UserView = z.infer<typeof UserViewSchema>;

export const SessionInput = {
  whoami: z.object({}).default({}),
  devLogin: z.object({
    /** the role to log in as */
    persona: RoleSchema,
    villageId: Id.optional(),
    centerId: Id.optional(),
    companyId: Id.optional(),
    /** a resident already bound with a sample identity (示例数据), so a newcomer can apply at once */
    sampleIdentity: z.boolean().optional(),
  }),
  bindResident: z.object({
    name: z.string().trim().min(2).max(30),
    idNumber: z.string().trim().min(1, '请填写身份证号').toUpperCase(),
    phone: z.string().trim().min(1, '请填写手机号'),
    homeVillageId: Id,
  }),
  bindCompany: z.object({
    creditCode: z.string().trim().toUpperCase(),
    name: z.string().trim().min(2).max(80),
    location: CompanyLocationSchema,
  }),
};
export const SessionOutput = {
  whoami: z.object({ user: UserViewSchema.nullable() }),
  devLogin: z.object({ token: z.string(), user: UserViewSchema }),
  bindResident: z.object({ user: UserViewSchema }),
  bindCompany: z.object({ user: UserViewSchema }),
};

// ---------- directory ----------

/** A center as lists show it (no item list). */
export const CenterSummarySchema = CenterSchema.omit({ offers: true }).extend({
  distanceKm: z.number().optional(),
  offersCount: z.number().int(),
});
export type CenterSummary = z.infer<typeof CenterSummarySchema>;

export const ItemSummarySchema = ItemSchema.pick({
  code: true, name: true, audience: true, category: true, level: true, lists: true, promisedDays: true, kind: true, visits: true, lifeEvents: true,
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

/** What a search that found nothing offers instead: a center to phone and the life events to browse. */
export const SearchHelpSchema = z.object({
  center: CenterSchema.pick({ id: true, kind: true, name: true, phone: true, hours: true }).extend({ distanceKm: z.number().optional() }).nullable(),
  /** whose center it is: the nearest to the phone, the caller's home, or the city center */
  because: z.enum(['nearest', 'home', 'city']),
  lifeEvents: z.array(LifeEventSchema),
});
export type SearchHelp = z.infer<typeof SearchHelpSchema>;

export const DirectoryInput = {
  nearestCenters: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), limit: z.number().int().min(1).max(50).default(5), kind: CenterKindSchema.optional() }),
  listCenters: z.object({ townshipCode: z.string().regex(/^\d{3}$/).optional(), kind: CenterKindSchema.optional(), q: z.string().trim().max(40).optional(), ...Page }),
  getCenter: z.object({ id: Id }),
  searchItems: z.object({
    q: z.string().trim().max(40, '搜索词不超过40个字').optional(), audience: AudienceSchema.optional(), level: ItemLevelSchema.optional(), lifeEvent: LifeEventSchema.optional(), centerId: Id.optional(),
    /** where the phone is, so a search that finds nothing can name the nearest center */
    near: LatLngSchema.optional(),
    ...Page,
  }),
  getItem: z.object({ code: Id }),
  guide: z.object({ itemCode: Id, villageId: Id.optional(), companyLocation: CompanyLocationSchema.optional(), position: LatLngSchema.optional() }),
  listTownships: z.object({}).default({}),
};
export const DirectoryOutput = {
  nearestCenters: z.object({ items: z.array(CenterSummarySchema) }),
  listCenters: listOf(CenterSummarySchema),
  getCenter: z.object({ center: CenterSummarySchema, parent: CenterSummarySchema.nullable(), items: z.array(ItemSummarySchema) }),
  searchItems: listOf(ItemSummarySchema).extend({ help: SearchHelpSchema.optional() }),
  getItem: z.object({ item: ItemSchema }),
  guide: z.object({ item: ItemSchema, route: RouteDecisionSchema }),
  listTownships: z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), centerId: z.string(), villages: z.number().int() })) }),
};

// ---------- requests ----------

/** A request as its applicant or a clerk sees it: the stored record without the idempotency key and hashes. */
export const RequestViewSchema = RequestSchema.omit({ idempotencyKey: true, formHashes: true, sealed: true }).extend({
  /** a slip's code only on the sending center's own slip while it travels (it proves arrival) */
  handoffs: z.array(HandoffSchema.extend({ code: HandoffSchema.shape.code.optional() })),
});
export type RequestView = z.infer<typeof RequestViewSchema>;
/** A handoff as a view carries it: the slip code only on the sender's own travelling slip. */
export type HandoffView = RequestView['handoffs'][number];
export const TimelineEntrySchema = AuditEntrySchema;

const FormValues = z.record(z.string(), z.union([z.string().max(2000), z.number()]));
const Materials = z.array(MaterialSchema).max(20);

export const RequestsInput = {
  submit: z.object({ itemCode: Id, intakeCenterId: Id, form: FormValues, materials: Materials, idempotencyKey: z.string().min(8).max(80) }),
  mine: z.object({ state: RequestStateSchema.optional(), ...Page }),
  get: z.object({ id: Id }),
  withdraw: z.object({ id: Id, version: Version, reason: z.string().max(500).optional() }),
  supplement: z.object({ id: Id, version: Version, materials: Materials.min(1), note: z.string().max(500).optional() }),
  /** a bad review (不满意, 非常不满意) needs one or more `reasons` tags (BAD_REVIEW_REASONS) */
  rate: z.object({ id: Id, version: Version, level: RatingLevelSchema, comment: z.string().max(500).default(''), reasons: z.array(z.string().max(20)).max(10).default([]) }),
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

export const QueueNameSchema = z.enum(['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue', 'rectify']);
export type QueueName = z.infer<typeof QueueNameSchema>;

const Target = { id: Id, version: Version };

/** Today's figures of a center (China day): what its clerks took in, moved and finished. */
export const TodayFiguresSchema = z.object({ submitted: z.number().int(), accepted: z.number().int(), handoffsConfirmed: z.number().int(), decided: z.number().int(), delivered: z.number().int() });
export type TodayFigures = z.infer<typeof TodayFiguresSchema>;
export const ClerkInput = {
  queue: z.object({ queue: QueueNameSchema.default('precheck'), ...Page }),
  get: z.object({ id: Id }),
  precheck: z.object({ ...Target, note: z.string().max(500).optional() }),
  accept: z.object(Target),
  reject: z.object({ ...Target, reasons: Reason }),
  sendHandoff: z.object({ ...Target, checklist: z.array(ChecklistEntrySchema).min(1) }),
  confirmHandoff: z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/), version: Version.optional() }),
  returnHandoff: z.object({ ...Target, reason: Reason }),
  pause: z.object({ ...Target, reason: Reason, missing: z.array(z.string().min(1)).min(1) }),
  resume: z.object(Target),
  decide: z.object({ ...Target, outcome: z.enum(['approved', 'refused']), reasons: Reason }),
  deliver: z.object({ ...Target, note: z.string().max(500).optional() }),
  /** 整改回访: the deciding center's clerk records the return call on a bad review, which closes the case */
  returnCall: z.object({
    ...Target,
    caller: z.string().trim().min(1, '请填写回访人').max(40),
    calledAt: z.string().datetime({ message: '请选择回访时间' }),
    note: z.string().trim().min(2, '请填写回访情况').max(500),
    satisfied: z.boolean(),
  }),
  overdue: z.object({ ...Page }),
  /** frees an ID number bound to an account the person lost (seen in person with the ID card) */
  unbindResident: z.object({ idNumber: z.string().trim().toUpperCase().max(18), reason: Reason }),
  /** the full phone of the applicant or of a form field, shown only on 查看/拨打 and audited */
  revealPhone: z.object({ id: Id, field: z.string().max(40).optional() }),
};
export const ClerkOutput = {
  queue: listOf(RequestViewSchema).extend({ counts: z.record(QueueNameSchema, z.number().int()), today: TodayFiguresSchema }),
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
  returnCall: RequestAnswer,
  overdue: listOf(RequestViewSchema),
  unbindResident: z.object({ unbound: z.object({ idMasked: z.string(), nameMasked: z.string().optional() }) }),
  revealPhone: z.object({ phone: z.string() }),
};

// ---------- files and messages: shared/api.messages.ts ----------

// ---------- admin (the city administrator; imports and roles come in a later issue) ----------

/** The search vocabulary as the administrator edits it: the shipped groups, read-only, and their own. */
export const SynonymsViewSchema = z.object({
  shipped: z.array(SynonymGroupSchema),
  extra: z.array(SynonymGroupSchema),
  /** the version of the administrator's groups; 0 before the first edit */
  version: z.number().int().min(0),
  updatedAt: z.string().optional(),
});
export type SynonymsView = z.infer<typeof SynonymsViewSchema>;

export const AdminInput = {
  stats: z.object({}).default({}),
  listSynonyms: z.object({}).default({}),
  /** replaces the administrator's groups; `version` is the one listSynonyms answered (0 for none yet) */
  setSynonyms: z.object({ groups: z.array(SynonymGroupSchema).max(500, '最多500组'), version: z.number().int().min(0) }),
  /** Open311: a key for a named partner system (12345 hotline, provincial platform, a hall's screen) */
  issuePartnerKey: IssuePartnerKeyInput,
  listPartners: z.object({ ...Page }),
  revokePartnerKey: z.object({ id: Id, version: Version }),
};
export const AdminOutput = {
  stats: z.object({ indicators: IndicatorsSchema, at: z.string() }),
  listSynonyms: SynonymsViewSchema,
  setSynonyms: SynonymsViewSchema,
  /** the key is in this answer only; the store keeps its hash */
  issuePartnerKey: z.object({ partner: PartnerViewSchema, apiKey: z.string() }),
  listPartners: listOf(PartnerViewSchema),
  revokePartnerKey: z.object({ partner: PartnerViewSchema }),
};

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
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Api[F]['input'][A] & z.ZodTypeAny>;
/** What an action answers with in `data`. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = A extends keyof Api[F]['output']
  ? z.infer<Api[F]['output'][A] & z.ZodTypeAny>
  : never;
