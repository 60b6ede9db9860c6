/**
 * The one configuration of the backend, parsed with zod from the environment when a process
 * (or a warm cloud instance) starts: the gateway's address and files, the lifecycle limits, the
 * ID-hash and phone keys, the CloudBase environment, the subscribe-message templates and which
 * evidence sources certify silently (ZC_CERTIFY_SOURCES) and how early a person is queued (ZC_CERTIFY_DUE_DAYS). A bad value stops
 * the start with a message naming the variable; it never falls back to a default in silence.
 */
import * as z from 'zod/mini';

import { DEFAULT_HANDOFF_LIMIT_DAYS, DEFAULT_RECTIFICATION_DAYS, DEFAULT_SUPPLEMENT_DAYS } from '../../../shared/lifecycle.limits';
import { DEFAULT_DEMAND_ACK_DAYS, DEFAULT_DEMAND_ANSWER_DAYS, type DemandLimits } from '../../../shared/demand.machine';
import { DEFAULT_NO_SHOW_RULE, DEFAULT_SLOT_QUIET_MINUTES, type NoShowRule } from '../../../shared/booking.terms';
import { EVIDENCE_SOURCE_KEYS, type EvidenceSource } from '../../../shared/certify.terms';
import { DEFAULT_DUE_DAYS, type PassRules } from '../../../shared/certify.rules';
import { TEMPLATE_ID_PATTERN, TEMPLATE_KINDS, templateEnvKey, type TemplateKind } from '../../../shared/notice.templates';

/** The gateway's default address (DESIGN: http://127.0.0.1:8080). */
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';

// the notices sent as WeChat subscribe messages and their ZC_TEMPLATE_<KIND> variables: shared with the mini-program's build
export { TEMPLATE_KINDS, templateEnvKey, type TemplateKind } from '../../../shared/notice.templates';

// A deployment template (`{{env.X}}` in cloudbaserc.json) renders an unset variable as '', so blank means unset.
const unsetIfBlank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(unsetIfBlank), z.optional(schema));

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.pipe(z.string().check(z.regex(/^\d{1,6}$/, { error })), z.transform(Number)).check(z.refine((n: number) => n >= min && n <= max, { error }));
};
const text = z.string({ error: 'must be text' });
/** A comma-separated list of evidence sources (medical, card, visit, verified), each once. */
const sourceList = z
  .pipe(
    z.string(),
    z.transform((v: string) => v.split(',').map((x) => x.trim()) as EvidenceSource[]),
  )
  .check(
    z.refine((list: EvidenceSource[]) => list.every((x) => (EVIDENCE_SOURCE_KEYS as readonly string[]).includes(x)), {
      error: `must list sources from ${EVIDENCE_SOURCE_KEYS.join(', ')}, comma-separated`,
    }),
  );
const templateId = z.string().check(z.regex(TEMPLATE_ID_PATTERN, { error: 'must be a subscribe-message template id (letters, digits, - and _)' }));

/** Every variable the backend reads, with its check. */
const ENV_SCHEMA = z.object({
  PORT: optional(wholeNumber(0, 65535)),
  HOST: optional(text),
  DATA_DIR: optional(text),
  SQLITE_PATH: optional(text),
  SKIP_H5_BUILD: optional(z.enum(['0', '1'], { error: 'must be 1 (skip the H5 build) or 0' })),
  ZC_HANDOFF_LIMIT_DAYS: optional(wholeNumber(0, 60)),
  ZC_RECTIFICATION_DAYS: optional(wholeNumber(1, 120)),
  ZC_DEMAND_ACK_DAYS: optional(wholeNumber(1, 30)),
  ZC_DEMAND_ANSWER_DAYS: optional(wholeNumber(1, 60)),
  ZC_SUPPLEMENT_DAYS: optional(wholeNumber(1, 60)),
  // the no-show rule of bookings: this many no-shows within the window block online booking for the block days
  ZC_NO_SHOW_LIMIT: optional(wholeNumber(1, 20)),
  ZC_NO_SHOW_WINDOW_DAYS: optional(wholeNumber(1, 365)),
  ZC_NO_SHOW_BLOCK_DAYS: optional(wholeNumber(1, 365)),
  // how long a slot counter must be left alone before the repair pass recounts it: longer than a function can run (60 s)
  ZC_SLOT_QUIET_MINUTES: optional(wholeNumber(2, 120)),
  ZC_ID_HASH_KEY: optional(z.string().check(z.minLength(16, { error: 'must be a secret of at least 16 characters' }))),
  ZC_PHONE_KEY: optional(z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { error: 'must be 64 hex digits (a 32-byte AES-256 key)' }))),
  TCB_ENV: optional(text),
  ZC_CERTIFY_SOURCES: optional(sourceList),
  ZC_CERTIFY_DUE_DAYS: optional(wholeNumber(1, 90)),
  ZC_TEMPLATE_ACCEPTED: optional(templateId),
  ZC_TEMPLATE_PAUSED: optional(templateId),
  ZC_TEMPLATE_DECIDED: optional(templateId),
  ZC_TEMPLATE_DELIVERED: optional(templateId),
  ZC_TEMPLATE_REJECTED: optional(templateId),
  ZC_TEMPLATE_DEMAND: optional(templateId),
  ZC_TEMPLATE_BOOKING: optional(templateId),
  ZC_TEMPLATE_CERTIFY: optional(templateId),
});

/** The name of an environment variable the backend reads. */
export type EnvKey = keyof typeof ENV_SCHEMA.shape;

/** The settings `createDeps` takes from the configuration. */
export type DepsSettings = {
  handoffLimitDays: number;
  rectificationDays: number;
  supplementDays: number;
  demandLimits: DemandLimits;
  noShowRule: NoShowRule;
  slotQuietMinutes: number;
  certifyRules: PassRules;
};

/** Keys set in the environment; unset ones come from the local key file (secrets.ts), or stop a cloud start. */
export type KeySettings = { idHashKey?: string; phoneKey?: string };

export type Config = {
  /** the local gateway (npm start) */
  gateway: { port: number; host: string; dataDir?: string; sqlitePath?: string; skipH5Build: boolean };
  deps: DepsSettings;
  keys: KeySettings;
  /** the CloudBase environment id; unset means the function's own environment */
  cloud: { env?: string };
  /** subscribe-message template ids by notice kind (the scheduler's WeChat sender) */
  templates: Partial<Record<TemplateKind, string>>;
};

/** Reads and checks the configuration from an environment; throws one error naming every bad variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    // names and rules only: a value may be a secret
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new Error(`Bad configuration in the environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    gateway: {
      port: e.PORT ?? DEFAULT_PORT,
      host: e.HOST ?? DEFAULT_HOST,
      ...(e.DATA_DIR ? { dataDir: e.DATA_DIR } : {}),
      ...(e.SQLITE_PATH ? { sqlitePath: e.SQLITE_PATH } : {}),
      skipH5Build: e.SKIP_H5_BUILD === '1',
    },
    deps: {
      handoffLimitDays: e.ZC_HANDOFF_LIMIT_DAYS ?? DEFAULT_HANDOFF_LIMIT_DAYS,
      rectificationDays: e.ZC_RECTIFICATION_DAYS ?? DEFAULT_RECTIFICATION_DAYS,
      demandLimits: { ackDays: e.ZC_DEMAND_ACK_DAYS ?? DEFAULT_DEMAND_ACK_DAYS, answerDays: e.ZC_DEMAND_ANSWER_DAYS ?? DEFAULT_DEMAND_ANSWER_DAYS },
      supplementDays: e.ZC_SUPPLEMENT_DAYS ?? DEFAULT_SUPPLEMENT_DAYS,
      noShowRule: {
        limit: e.ZC_NO_SHOW_LIMIT ?? DEFAULT_NO_SHOW_RULE.limit,
        windowDays: e.ZC_NO_SHOW_WINDOW_DAYS ?? DEFAULT_NO_SHOW_RULE.windowDays,
        blockDays: e.ZC_NO_SHOW_BLOCK_DAYS ?? DEFAULT_NO_SHOW_RULE.blockDays,
      },
      slotQuietMinutes: e.ZC_SLOT_QUIET_MINUTES ?? DEFAULT_SLOT_QUIET_MINUTES,
      certifyRules: {
        sources: [...new Set<EvidenceSource>(e.ZC_CERTIFY_SOURCES ?? EVIDENCE_SOURCE_KEYS)],
        dueDays: e.ZC_CERTIFY_DUE_DAYS ?? DEFAULT_DUE_DAYS,
      },
    },
    keys: {
      ...(e.ZC_ID_HASH_KEY ? { idHashKey: e.ZC_ID_HASH_KEY } : {}),
      ...(e.ZC_PHONE_KEY ? { phoneKey: e.ZC_PHONE_KEY.toLowerCase() } : {}),
    },
    cloud: e.TCB_ENV ? { env: e.TCB_ENV } : {},
    templates: Object.fromEntries(TEMPLATE_KINDS.flatMap((k) => (e[templateEnvKey(k)] ? [[k, e[templateEnvKey(k)]]] : []))),
  };
};
