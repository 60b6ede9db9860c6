/**
 * Builds the handlers' dependencies around a store: secrets (generated on first run and
 * kept in the store), the catalogue cache, the clock and id makers.
 */
import type { Stores } from '../stores/store.port';
import type { Deps, Mode } from './context';
import type { FileStorage } from './file.storage';
import { createCatalogueCache } from './catalogue.cache';
import { newCode, newId, newSecret } from './ids';
import { backendCalendar } from '../../../data/calendar';
import type { CalendarExtra } from '../../../shared/calendar';
import { DEFAULT_SUPPLEMENT_DAYS } from '../../../shared/lifecycle.limits';

export type DepsOptions = {
  store: Stores;
  mode: Mode;
  files?: FileStorage;
  now?: () => Date;
  checkOutput?: boolean;
  handoffLimitDays?: number;
  /** working days a bad review's rectification may take (the design's default is 15) */
  rectificationDays?: number;
  /** working days an applicant has to supplement after a pause (default 10) */
  supplementDays?: number;
  /** a fixed key for ID-number hashes (production sets ZC_ID_HASH_KEY); else generated once and stored */
  idHashKey?: string;
  /** an official schedule for years the library lacks; defaults to data/calendar/schedule.extra.json */
  calendarExtra?: CalendarExtra;
};

/** Creates the dependencies for the handlers. */
export const createDeps = async (o: DepsOptions): Promise<Deps> => {
  const now = o.now ?? (() => new Date());
  const token = await o.store.setMetaIfAbsent('tokenSecret', newSecret());
  const idHash = o.idHashKey ?? (await o.store.setMetaIfAbsent('idHashKey', newSecret()));
  return {
    // one adapter implements every port; each handler sees only the ports it names
    requests: o.store,
    directory: o.store,
    users: o.store,
    audit: o.store,
    outbox: o.store,
    mode: o.mode,
    now,
    newId,
    newCode,
    secrets: { token, idHash },
    catalogue: createCatalogueCache(o.store, () => now().getTime()),
    ...(o.files ? { files: o.files } : {}),
    checkOutput: o.checkOutput ?? o.mode === 'local',
    handoffLimitDays: o.handoffLimitDays ?? 2,
    rectificationDays: o.rectificationDays ?? 15,
    supplementDays: o.supplementDays ?? DEFAULT_SUPPLEMENT_DAYS,
    calendar: backendCalendar(o.calendarExtra),
  };
};

type EnvSettings = Pick<DepsOptions, 'handoffLimitDays' | 'rectificationDays' | 'supplementDays' | 'idHashKey'>;

/** The deployment's settings from its environment: ZC_HANDOFF_LIMIT_DAYS, ZC_RECTIFICATION_DAYS, ZC_SUPPLEMENT_DAYS, ZC_ID_HASH_KEY. */
export const settingsFromEnv = (env: Record<string, string | undefined> = process.env): EnvSettings => {
  const days = (v: string | undefined) => (v && /^\d{1,3}$/.test(v) ? Number(v) : undefined);
  const out: EnvSettings = {};
  const handoff = days(env.ZC_HANDOFF_LIMIT_DAYS);
  const rectification = days(env.ZC_RECTIFICATION_DAYS);
  const supplement = days(env.ZC_SUPPLEMENT_DAYS);
  if (handoff !== undefined) out.handoffLimitDays = handoff;
  if (rectification) out.rectificationDays = rectification;
  if (supplement) out.supplementDays = supplement;
  if (env.ZC_ID_HASH_KEY) out.idHashKey = env.ZC_ID_HASH_KEY;
  return out;
};
