/**
 * The what-if routing tool without its I/O: argument parsing and the answer for one case,
 * so both can be tested in-process. `route-what-if.ts` loads the sample data and prints.
 */
import type { Item } from '../shared/catalogue.schema';
import type { Directory } from '../shared/directory';
import type { LatLng } from '../shared/directory.schema';
import { fail, ok, type ErrorCode, type Result } from '../shared/errors';
import { messageFor } from '../shared/messages.zh-CN';
import type { Applicant } from '../shared/routing.schema';
import { route } from '../shared/routing.rules';
import { townshipByCode } from '../shared/townships';

/** What the command line asks for. */
export type WhatIfArgs = { itemCode: string; villageId?: string; company?: Extract<Applicant, { type: 'company' }>['location']; near?: LatLng };

/** What the tool prints and how it exits. */
export type WhatIfOutcome = { exitCode: 0 | 1 | 2; stdout: string; stderr: string };

export const WHAT_IF_USAGE =
  '用法: npm run --silent route -- <事项编码> <村居中心ID> [--near <纬度>,<经度>]\n' +
  '      npm run --silent route -- <事项编码> --company <镇街代码|zone> [--near <纬度>,<经度>]';

const usageError = (detail: string): Result<never> => fail('VALIDATION_FAILED', { argv: detail }, detail);

/** Parses the arguments after `--`; any problem is a VALIDATION_FAILED naming the argument. */
export const parseWhatIfArgs = (argv: readonly string[]): Result<WhatIfArgs> => {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) positional.push(argv[i]);
    else if (!['--company', '--near'].includes(argv[i])) return usageError(`未知参数 ${argv[i]}`);
    else if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) return usageError(`${argv[i]} 缺少取值`);
    else flags.set(argv[i], argv[++i]);
  }
  return buildArgs(positional, flags);
};

const buildArgs = (positional: string[], flags: Map<string, string>): Result<WhatIfArgs> => {
  const [itemCode, villageId, ...extra] = positional;
  if (!itemCode) return usageError('缺少事项编码');
  if (extra.length > 0) return usageError(`多余的参数 ${extra.join(' ')}`);
  const company = flags.has('--company') ? parseCompany(flags.get('--company') as string) : ok(undefined);
  if (!company.ok) return company;
  if (!company.value && !villageId) return usageError('缺少村居中心ID（或用 --company 指定企业所在地）');
  const near = flags.has('--near') ? parseNear(flags.get('--near') as string) : ok(undefined);
  if (!near.ok) return near;
  return ok({ itemCode, villageId, company: company.value, near: near.value });
};

const parseCompany = (value: string): Result<WhatIfArgs['company']> => {
  if (value === 'zone') return ok('zone');
  return townshipByCode(value) ? ok({ townshipCode: value }) : usageError(`--company 应为16个镇街代码之一或 zone，收到 ${value}`);
};

const parseNear = (value: string): Result<LatLng> => {
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(value.trim());
  const [lat, lng] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || Math.abs(lat) > 90 || Math.abs(lng) > 180) return usageError(`--near 应为 纬度,经度，例如 35.40,116.97，收到 ${value}`);
  return ok({ lat, lng });
};

/** The applicant the arguments describe: a company when --company is given, else a resident of the village. */
export const applicantOf = (args: WhatIfArgs): Applicant =>
  args.company
    ? { type: 'company', location: args.company, position: args.near }
    : { type: 'person', homeVillageId: args.villageId as string, position: args.near };

const errorText = (code: ErrorCode, detail: string | undefined): string => `${messageFor(code)}（${code}）${detail ? `：${detail}` : ''}\n`;

/** Routes one case against loaded data; bad arguments exit 2, a no-route exits 1. */
export const runWhatIf = (argv: readonly string[], items: readonly Item[], dir: Directory): WhatIfOutcome => {
  const args = parseWhatIfArgs(argv);
  if (!args.ok) return { exitCode: 2, stdout: '', stderr: errorText(args.error.code, args.error.detail) + WHAT_IF_USAGE + '\n' };
  const item = items.find((i) => i.code === args.value.itemCode);
  if (!item) return { exitCode: 2, stdout: '', stderr: errorText('ITEM_NOT_FOUND', args.value.itemCode) };
  const village = args.value.villageId && !args.value.company ? dir.byId.get(args.value.villageId) : undefined;
  if (!args.value.company && village?.kind !== 'village')
    return { exitCode: 2, stdout: '', stderr: errorText('CENTER_NOT_FOUND', `${args.value.villageId} 不是村居中心`) };
  const applicant = applicantOf(args.value);
  const decision = route(item, applicant, dir);
  if (!decision.ok) return { exitCode: 1, stdout: '', stderr: errorText(decision.error.code, decision.error.detail) };
  const shown = { item: { code: item.code, name: item.name, level: item.level, lists: item.lists }, applicant, ...decision.value };
  return { exitCode: 0, stdout: JSON.stringify(shown, null, 2) + '\n', stderr: '' };
};
