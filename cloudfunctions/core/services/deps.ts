/**
 * Builds the handlers' dependencies around a store: the secrets (from the local key file or
 * the cloud environment, see secrets.ts; never from the store), the catalogue cache, the clock and id makers. The settings come from
 * `loadConfig` (config.ts) at each edge; absent ones take the configuration's defaults.
 */
import type { Stores } from '../stores/store.port';
import type { Deps, Mode } from './context';
import type { FileStorage } from './file.storage';
import { createCatalogueCache } from './catalogue.cache';
import { newCode, newId, newInviteCode } from './ids';
import { freshSecrets, type Secrets } from './secrets';
import { signedFileLink } from './file.access';
import { loadCalendarExtra } from '../../../data/calendar';
import { createCalendarSource } from './calendar.source';
import { manualClerkCheck, type CompanyRegistry } from './company.registry';
import type { CalendarExtra } from '../../../shared/calendar';
import { DEFAULT_HANDOFF_LIMIT_DAYS, DEFAULT_RECTIFICATION_DAYS, DEFAULT_SUPPLEMENT_DAYS } from '../../../shared/lifecycle.limits';
import { DEFAULT_DEMAND_ACK_DAYS, DEFAULT_DEMAND_ANSWER_DAYS, type DemandLimits } from '../../../shared/demand.machine';
import { DEFAULT_NO_SHOW_RULE, DEFAULT_SLOT_QUIET_MINUTES, type NoShowRule } from '../../../shared/booking.terms';
import { DEFAULT_DUE_DAYS, type PassRules } from '../../../shared/certify.rules';
import { EVIDENCE_SOURCE_KEYS } from '../../../shared/certify.terms';

export type DepsOptions = {
  store: Stores;
  mode: Mode;
  files?: FileStorage;
  now?: () => Date;
  checkOutput?: boolean;
  handoffLimitDays?: number;
  /** working days a bad review's rectification may take (the design's default is 15) */
  rectificationDays?: number;
  /** working days a demand may wait for its acknowledgement and its answer (1 and 5) */
  demandLimits?: DemandLimits;
  /** who checks company claims; the manual clerk check when absent */
  registry?: CompanyRegistry;
  /** working days an applicant has to supplement after a pause (default 10) */
  supplementDays?: number;
  /** the secrets (localSecrets or cloudSecrets); fresh random ones when absent (tests, benchmarks) */
  secrets?: Secrets;
  /** temporary links to stored files (the cloud's getTempFileURL); signed gateway links when absent */
  fileLinks?: Deps['fileLinks'];
  /** an official schedule for years the library lacks; defaults to data/calendar/schedule.extra.json */
  calendarExtra?: CalendarExtra;
  /** no-shows that block online booking; the common rule (3 in 90 days: 30 days) when absent */
  noShowRule?: NoShowRule;
  /** minutes a slot counter is left alone before the repair pass recounts it (ZC_SLOT_QUIET_MINUTES, 5) */
  slotQuietMinutes?: number;
  /** which sources certify and the due days (ZC_CERTIFY_SOURCES, ZC_CERTIFY_DUE_DAYS); every source and 30 days when absent */
  certifyRules?: PassRules;
};

/** Creates the dependencies for the handlers. */
export const createDeps = async (o: DepsOptions): Promise<Deps> => {
  const now = o.now ?? (() => new Date());
  const secrets = o.secrets ?? freshSecrets();
  const localLinks: Deps['fileLinks'] = async (ids) => Object.fromEntries(ids.map((id) => [id, signedFileLink(id, secrets.token, now().getTime())]));
  const calendarSource = createCalendarSource(o.store, o.calendarExtra ?? loadCalendarExtra(), () => now().getTime());
  await calendarSource.refresh();
  return {
    // one adapter implements every port; each handler sees only the ports it names
    requests: o.store,
    directory: o.store,
    users: o.store,
    invites: o.store,
    audit: o.store,
    outbox: o.store,
    meta: o.store,
    partners: o.store,
    companies: o.store,
    demands: o.store,
    registry: o.registry ?? manualClerkCheck({ addOutbox: (m) => o.store.addOutbox(m), newId: (p) => newId(p, now()), now }),
    demandLimits: o.demandLimits ?? { ackDays: DEFAULT_DEMAND_ACK_DAYS, answerDays: DEFAULT_DEMAND_ANSWER_DAYS },
    mode: o.mode,
    now,
    newId: (prefix) => newId(prefix, now()),
    newCode,
    newInviteCode,
    secrets,
    fileLinks: o.fileLinks ?? localLinks,
    catalogue: createCatalogueCache(o.store, () => now().getTime()),
    ...(o.files ? { files: o.files } : {}),
    checkOutput: o.checkOutput ?? o.mode === 'local',
    handoffLimitDays: o.handoffLimitDays ?? DEFAULT_HANDOFF_LIMIT_DAYS,
    rectificationDays: o.rectificationDays ?? DEFAULT_RECTIFICATION_DAYS,
    supplementDays: o.supplementDays ?? DEFAULT_SUPPLEMENT_DAYS,
    calendar: calendarSource.clock,
    calendarSource,
    calendarYears: o.store,
    catalogueImports: o.store,
    indicators: o.store,
    bookings: o.store,
    noShowRule: o.noShowRule ?? DEFAULT_NO_SHOW_RULE,
    slotQuietMinutes: o.slotQuietMinutes ?? DEFAULT_SLOT_QUIET_MINUTES,
    rosters: o.store,
    certifyRules: o.certifyRules ?? { sources: EVIDENCE_SOURCE_KEYS, dueDays: DEFAULT_DUE_DAYS },
  };
};
