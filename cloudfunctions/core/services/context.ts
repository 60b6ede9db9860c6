/**
 * What every handler gets: the store's ports, the clock, id and code makers, secrets, the mode,
 * and the caller. Built once per process (gateway) or per warm instance (cloud).
 */
import type { AuditStore } from '../stores/audit.port';
import type { DirectoryStore } from '../stores/directory.port';
import type { MetaStore } from '../stores/meta.port';
import type { OutboxStore } from '../stores/outbox.port';
import type { PartnerStore } from '../stores/partner.port';
import type { RequestStore } from '../stores/request.port';
import type { UserRecord, UserStore } from '../stores/user.port';
import type { InviteStore } from '../stores/invite.port';
import type { CalendarStore } from '../stores/calendar.port';
import type { CatalogueStore } from '../stores/catalogue.port';
import type { IndicatorStore } from '../stores/indicator.port';
import type { CompanyStore } from '../stores/company.port';
import type { DemandStore } from '../stores/demand.port';
import type { DemandLimits } from '../../../shared/demand.machine';
import type { CompanyRegistry } from './company.registry';
import type { BookingStore } from '../stores/booking.port';
import type { NoShowRule } from '../../../shared/booking.schema';
import type { CertifyStore } from '../stores/certify.port';
import type { PassRules } from '../../../shared/certify.rules';
import type { CalendarSource } from './calendar.source';
import type { CatalogueCache } from './catalogue.cache';
import type { FileStorage } from './file.storage';
import type { Secrets } from './secrets';
import type { ClockCalendar } from '../../../shared/request.clock';

export type Mode = 'local' | 'cloud';

export type Deps = {
  /** requests with their audit trail and the notices each step causes */
  requests: RequestStore;
  /** centers and items, as stored (routing reads them through `catalogue`) */
  directory: DirectoryStore;
  users: UserStore;
  /** invitations to a role, and the redeem that grants it */
  invites: InviteStore;
  /** audit entries of reads and actions that change no request */
  audit: AuditStore;
  /** notices to send, and the in-app message list */
  outbox: OutboxStore;
  /** small settings: where the overdue scan stands (the scheduled jobs only; no handler reads it) */
  meta: MetaStore;
  /** Open311 partner systems and their deferred filings */
  partners: PartnerStore;
  /** claims on companies and the members of verified companies */
  companies: CompanyStore;
  /** 云上宠企 demands */
  demands: DemandStore;
  /** who checks a company claim: the manual clerk check now, a credit-registry adapter later */
  registry: CompanyRegistry;
  /** working days a demand may wait for its acknowledgement and its answer */
  demandLimits: DemandLimits;
  mode: Mode;
  /** the clock; the only place the backend reads time */
  now: () => Date;
  /** a fresh unique id with a readable prefix; ids made later sort later (see ids.ts) */
  newId: (prefix: string) => string;
  /** a 6-character handoff slip code (no 0/O/1/I to avoid misreading) */
  newCode: () => string;
  /** an 8-character one-time invitation code, same alphabet */
  newInviteCode: () => string;
  secrets: Secrets;
  catalogue: CatalogueCache;
  /** local uploads; cloud mode uploads straight to cloud storage */
  files?: FileStorage;
  /** short-lived links to files the caller may see: signed gateway links locally, cloud storage temporary URLs on WeChat */
  fileLinks: (fileIds: readonly string[]) => Promise<Record<string, string>>;
  /** validate answers against the output schemas (tests and local mode) */
  checkOutput: boolean;
  /** working days a handoff may stay unconfirmed before it is flagged */
  handoffLimitDays: number;
  /** working days a bad review's rectification case may take */
  rectificationDays: number;
  /** working days an applicant has to supplement after a pause */
  supplementDays: number;
  /** the working-day calendar: chinese-days plus any official schedule loaded for later years */
  calendar: ClockCalendar;
  /** where `calendar` comes from: the entered years in the store, refreshed before each call */
  calendarSource: CalendarSource;
  /** the holiday schedules the administrator entered */
  calendarYears: CalendarStore;
  /** the administrator's imports of the official lists: apply all or nothing, undo the last */
  catalogueImports: CatalogueStore;
  /** the indicators' counters, kept by every request write (admin.stats) */
  indicators: IndicatorStore;
  /** bookings (预约) and the centers' booking schedules */
  bookings: BookingStore;
  /** no-shows that block online booking (ZC_NO_SHOW_*) */
  noShowRule: NoShowRule;
  /** minutes a slot counter must be left alone before the repair pass recounts it (ZC_SLOT_QUIET_MINUTES) */
  slotQuietMinutes: number;
  /** re-certification: rosters, evidence, certifications and the matching pass's cursor */
  rosters: CertifyStore;
  /** which evidence sources certify silently, and how many days before a period ends a person is queued */
  certifyRules: PassRules;
};

/** Who is calling: the subject from the platform (OPENID) or a verified dev token, and their record. */
export type Caller = { subject: string | null; user: UserRecord | null };

export type Ctx = { deps: Deps; caller: Caller };

/** A context narrowed to the dependencies a helper uses, so its signature names the ports it touches. */
export type CtxWith<K extends keyof Deps> = { deps: Pick<Deps, K>; caller: Caller };

/** The current instant as an ISO string. */
export const nowIso = (ctx: { deps: Pick<Deps, 'now'> }): string => ctx.deps.now().toISOString();
