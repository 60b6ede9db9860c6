/**
 * The manifest is the one list of deployed functions: it names every folder that exports a
 * deployed `main`, and each function is given exactly the variables its bundled code reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_MANIFEST, SCHEDULER_TRIGGER } from './functions.manifest';
import { TEMPLATE_KINDS, templateEnvKey, type EnvKey } from './core/services/config';
import { sourcesOf } from '../tools/build-functions';

/** How the code shows it reads a deployed setting: the dependency or sender that carries it. */
const READ_BY: [EnvKey, RegExp][] = [
  ['ZC_ID_HASH_KEY', /\bsecrets\.idHash\b/],
  ['ZC_PHONE_KEY', /\bsecrets\.phoneKey\b/],
  ['ZC_HANDOFF_LIMIT_DAYS', /\bdeps\.handoffLimitDays\b/],
  ['ZC_RECTIFICATION_DAYS', /\bdeps\.rectificationDays\b/],
  ['ZC_DEMAND_ACK_DAYS', /\bdeps\.demandLimits\b/],
  ['ZC_DEMAND_ANSWER_DAYS', /\bdeps\.demandLimits\b/],
  ['ZC_NO_SHOW_LIMIT', /\bdeps\.noShowRule\b/],
  ['ZC_NO_SHOW_WINDOW_DAYS', /\bdeps\.noShowRule\b/],
  ['ZC_NO_SHOW_BLOCK_DAYS', /\bdeps\.noShowRule\b/],
  ['ZC_SLOT_QUIET_MINUTES', /\bdeps\.slotQuietMinutes\b/],
  ['ZC_SUPPLEMENT_DAYS', /\bdeps\.supplementDays\b/],
  ['ZC_CERTIFY_SOURCES', /\bdeps\.certifyRules\b/],
  ['ZC_CERTIFY_DUE_DAYS', /\bdeps\.certifyRules\b/],
  ...TEMPLATE_KINDS.map((k): [EnvKey, RegExp] => [templateEnvKey(k), /\bwechatSender\(/]),
];

it('lists every function folder with a deployed entry, and only those', () => {
  const folders = readdirSync(__dirname, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(__dirname, d.name, 'index.ts')))
    .map((d) => d.name);
  expect(FUNCTION_MANIFEST.map((f) => f.name).sort()).toEqual(folders.sort());
});

it.each(FUNCTION_MANIFEST.map((f) => [f.name, f] as const))('gives %s exactly the variables its bundle reads', async (name, fn) => {
  const code = (await sourcesOf(name)).map((file) => readFileSync(file, 'utf8')).join('\n');
  const reads = READ_BY.filter(([, pattern]) => pattern.test(code)).map(([key]) => key);
  expect([...fn.env].sort()).toEqual([...new Set(reads)].sort());
});

it('gives the hash key and the phone key to the functions that hash, encrypt or reveal personal numbers', () => {
  const holding = (key: EnvKey) =>
    FUNCTION_MANIFEST.filter((f) => (f.env as readonly EnvKey[]).includes(key))
      .map((f) => f.name)
      .sort();
  // open311 and the scheduler file partners' requests for residents, sealing the numbers in their forms;
  // certify hashes the ID numbers of rosters and evidence, and keeps no phone or name to encrypt
  expect(holding('ZC_ID_HASH_KEY')).toEqual(['certify', 'clerk', 'open311', 'requests', 'scheduler', 'session']);
  expect(holding('ZC_PHONE_KEY')).toEqual(['clerk', 'open311', 'requests', 'scheduler', 'session']);
});

it('runs the scheduler, and nothing else, on the 10-minute timer', () => {
  const timed = FUNCTION_MANIFEST.filter((f) => 'triggers' in f);
  expect(timed.map((f) => [f.name, 'triggers' in f ? f.triggers : []])).toEqual([['scheduler', [SCHEDULER_TRIGGER]]]);
  expect(SCHEDULER_TRIGGER.config).toBe('0 */10 * * * * *');
});
