/**
 * The deployed cloud functions, written once: the runtime, each function's limits, the
 * environment variables it reads, its timer trigger and the WeChat open-API calls it makes.
 * tools/build-functions.ts bundles from this list, and cloudbaserc.json is generated from it
 * (`npm run cloudbase:config`); a test fails when the file and the list disagree.
 */
import { TEMPLATE_KINDS, templateEnvKey, type EnvKey } from './core/services/config';

/** The platform's Node.js and the esbuild target the bundles are built for: one version, two spellings. */
export const RUNTIME = { cloudbase: 'Nodejs20.19', esbuildTarget: 'node20' } as const;

/** A CloudBase timer trigger; `config` is its cron (second minute hour day month weekday year). */
export type TimerTrigger = { name: string; type: 'timer'; config: string };

/** The scheduler runs every 10 minutes: flags overdue matters and sends queued notices. */
export const SCHEDULER_TRIGGER: TimerTrigger = { name: 'every-10-minutes', type: 'timer', config: '0 */10 * * * * *' };

export type DeployedFunction = {
  name: string;
  /** seconds */
  timeout: number;
  /** MB */
  memorySize: number;
  /** the variables of loadConfig the function reads, passed through from the deploying shell */
  env: readonly EnvKey[];
  triggers?: readonly TimerTrigger[];
  /** WeChat open-API calls granted in the function's config.json */
  openapi?: readonly string[];
  /** packages bundled into a file of their own beside index.js, which requires them only when first used */
  loadLater?: readonly string[];
  /** the HTTP access-service path of an HTTP-triggered function (created with `tcb service create`) */
  httpPath?: string;
};

const LIMITS = ['ZC_HANDOFF_LIMIT_DAYS', 'ZC_RECTIFICATION_DAYS', 'ZC_SUPPLEMENT_DAYS'] as const;
/** The keys of personal data: hashing ID numbers and phones, and encrypting phones (and names) to read them back. */
const KEYS = ['ZC_ID_HASH_KEY', 'ZC_PHONE_KEY'] as const;

/** The search index's romanizer (every function has the catalogue cache): required on the first search, not at load. */
const PINYIN = 'pinyin-pro';
/** The readers of uploaded lists (import.files.ts): exceljs for XLSX, csv-parse for CSV, required on the first file. */
const FILE_READERS = ['exceljs', 'csv-parse/sync'] as const;

export const FUNCTION_MANIFEST = [
  { name: 'session', timeout: 10, memorySize: 256, env: [...KEYS], loadLater: [PINYIN] },
  { name: 'directory', timeout: 10, memorySize: 256, env: [], loadLater: [PINYIN] },
  { name: 'requests', timeout: 10, memorySize: 256, env: [...KEYS, ...LIMITS], loadLater: [PINYIN] },
  { name: 'clerk', timeout: 10, memorySize: 256, env: [...KEYS, ...LIMITS], loadLater: [PINYIN] },
  { name: 'messages', timeout: 10, memorySize: 256, env: [], loadLater: [PINYIN] },
  // issue 12: claims on companies and their members; 云上宠企 demands with their terms in working days
  { name: 'company', timeout: 10, memorySize: 256, env: [], loadLater: [PINYIN] },
  { name: 'demands', timeout: 10, memorySize: 256, env: ['ZC_DEMAND_ACK_DAYS', 'ZC_DEMAND_ANSWER_DAYS'], loadLater: [PINYIN] },
  // links to private cloud-storage photos, after the same access check as the local gateway's
  { name: 'files', timeout: 10, memorySize: 256, env: [], loadLater: [PINYIN] },
  // an import writes a whole catalogue generation (about 1,500 documents) before it switches the pointer;
  // the limits: a return call recorded by the administrator is a lifecycle step; exceljs and csv-parse are read only for a file
  { name: 'admin', timeout: 120, memorySize: 512, env: [...LIMITS], loadLater: [PINYIN, ...FILE_READERS] },
  // bookings (预约): slots, booking, check-in; reads the no-show rule
  { name: 'bookings', timeout: 10, memorySize: 256, env: ['ZC_NO_SHOW_LIMIT', 'ZC_NO_SHOW_WINDOW_DAYS', 'ZC_NO_SHOW_BLOCK_DAYS'], loadLater: [PINYIN] },
  // 静默认证: imports hash and write every row of a roster or evidence file (new rows 500 to a call); a "match now" run takes 20 s
  {
    name: 'certify',
    timeout: 120,
    memorySize: 512,
    env: ['ZC_ID_HASH_KEY', 'ZC_CERTIFY_SOURCES', 'ZC_CERTIFY_DUE_DAYS'],
    loadLater: [PINYIN, ...FILE_READERS],
  },
  // Open311 GeoReport v2 for partner systems; files requests for residents, so it seals ID numbers in forms
  { name: 'open311', timeout: 10, memorySize: 256, env: [...KEYS], httpPath: '/open311', loadLater: [PINYIN] },
  {
    name: 'scheduler',
    timeout: 60,
    memorySize: 256,
    // the hash key: the scheduler also files partners' deferred Open311 filings, whose forms it seals
    // the certify variables: the scheduler runs the matching pass of 静默认证 too; the quiet minutes: it repairs slot counters
    env: [...KEYS, 'ZC_HANDOFF_LIMIT_DAYS', 'ZC_CERTIFY_SOURCES', 'ZC_CERTIFY_DUE_DAYS', 'ZC_SLOT_QUIET_MINUTES', ...TEMPLATE_KINDS.map(templateEnvKey)],
    triggers: [SCHEDULER_TRIGGER],
    openapi: ['subscribeMessage.send'],
    loadLater: ['wx-server-sdk', PINYIN],
  },
] as const satisfies readonly DeployedFunction[];

export type DeployedFunctionName = (typeof FUNCTION_MANIFEST)[number]['name'];

/** The manifest entry of a deployed function; throws for a name that is not deployed. */
export const deployedFunction = (name: string): DeployedFunction => {
  const fn = FUNCTION_MANIFEST.find((f) => f.name === name);
  if (!fn) throw new Error(`${name} is not a deployed function (cloudfunctions/functions.manifest.ts)`);
  return fn;
};
