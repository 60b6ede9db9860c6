/**
 * The API contract: every cloud function takes `{action, data}` and answers one envelope.
 * Inputs are zod schemas the handlers parse with; the client derives its types from them.
 */
import * as z from 'zod/mini';
import { AdminInput, AdminOutput } from './api.admin.schema';
// installs the zh-CN error map: every parse of the contract, in the app and on the server, words its issues through it
import './field.errormap.zh-CN';

// ---------- envelope (api.envelope.schema.ts) ----------

export { WireErrorSchema, CallSchema, type WireError, type Envelope } from './api.envelope.schema';

// ---------- common ----------

export { listOf, type List } from './api.common';

// ---------- session and directory (api.session.schema.ts, api.directory.schema.ts) ----------

import { SessionInput, SessionOutput } from './api.session.schema';
import { DirectoryInput, DirectoryOutput } from './api.directory.schema';
export { SessionInput, SessionOutput, DirectoryInput, DirectoryOutput };
export { UserViewSchema, type UserView } from './api.session.schema';
export { CenterSummarySchema, ItemSummarySchema, SearchHelpSchema, type CenterSummary, type ItemSummary, type SearchHelp } from './api.directory.schema';

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
export type { CenterCompany, ClaimView, CompanyView, DemandQueue, DemandView, MemberView, MembershipView } from './api.company.schema';
export type { DemandStats } from './api.admin.schema';

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
