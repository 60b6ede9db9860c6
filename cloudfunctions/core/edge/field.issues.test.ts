/**
 * Field messages are for people: every action's input schema, fed anything and wrong types in
 * every field, answers Chinese text only: never a zod default in English, never a code or an
 * id, never the input echoed back. The wording comes from the one zh-CN field table.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { API, SessionInput, type FunctionName } from '../../../shared/api.schema';
import { fieldIssueOf } from '../../../shared/field.issues';
import { fieldMessageZhCN } from '../../../shared/messages.zh-CN';
import { AppError } from '../../../shared/errors';
import { parseInput } from './dispatch';
import { toWireError, zodFields } from './envelope';
import { malformedFor, stringsIn } from '../../../tests/support/malformed.input';

const ACTIONS = (Object.keys(API) as FunctionName[]).flatMap((fn) => Object.keys(API[fn].input).map((action) => [`${fn}.${action}`, fn, action] as const));

const isChinese = (m: string) => /[\u4e00-\u9fff]/.test(m) && !/[A-Za-z]/.test(m);

/**
 * The field messages that break the rule for one input, as readable problems. They are read
 * as the zod error map worded them, before the wire's safety net could reword a stray one.
 */
const badMessages = (fn: FunctionName, action: string, input: unknown): string[] => {
  const r = parseInput(fn, API[fn], action, input);
  if (r.ok) return [];
  const own = stringsIn(input);
  const worded = r.error.fields ?? {};
  expect(toWireError(r.error).fields).toEqual(worded);
  return Object.entries(worded).flatMap(([path, m]) => [
    ...(isChinese(m) ? [] : [`${path}: not Chinese: ${m}`]),
    ...own.filter((s) => m.includes(s)).map((s) => `${path}: echoes the input ${JSON.stringify(s)}: ${m}`),
  ]);
};

describe('field messages of every action', () => {
  it.each(ACTIONS)('%s answers Chinese, input-free field messages for anything at all', (_, fn, action) => {
    fc.assert(
      fc.property(fc.anything(), (input) => expect(badMessages(fn, action, input)).toEqual([])),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });

  it.each(ACTIONS)('%s answers Chinese, input-free field messages for wrong types in each field', (_, fn, action) => {
    const schema = (API[fn].input as Record<string, z.core.$ZodType>)[action];
    fc.assert(
      fc.property(malformedFor(schema), (input) => expect(badMessages(fn, action, input)).toEqual([])),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('the zh-CN field table', () => {
  it('names the field and its limit', () => {
    const answer = parseInput('session', API.session, 'bindResident', { name: '王'.repeat(31), homeVillageId: 'v-101-001', phone: '13805379999' });
    expect(answer.ok ? {} : toWireError(answer.error).fields).toEqual({ name: '姓名不能超过30个字', idNumber: '请填写身份证号' });
  });

  it('tells a field left blank from one filled in wrong, and a list to pick from from a text to type', () => {
    const answer = parseInput('session', API.session, 'bindResident', { name: '   ', idNumber: 370883, phone: '13805379999', homeVillageId: '' });
    expect(answer.ok ? {} : toWireError(answer.error).fields).toEqual({ name: '请填写姓名', idNumber: '身份证号格式不正确', homeVillageId: '请选择村居' });
  });

  it('words a field by the action it belongs to where one name means two things', () => {
    const company = parseInput('company', API.company, 'claim', { creditCode: '91350100M000100Y43', name: '', location: 'zone', licenceFileId: 'f-1' });
    expect(company.ok ? {} : toWireError(company.error).fields).toEqual({ name: '请填写企业名称' });
    const handoff = parseInput('clerk', API.clerk, 'confirmHandoff', { code: 'ab' });
    expect(handoff.ok ? {} : toWireError(handoff.error).fields).toEqual({ code: '签收码是6位字母或数字' });
  });

  it('falls back to a generic label for a field it does not know, even one named like a built-in', () => {
    expect(fieldMessageZhCN({ path: 'form.constructor', code: 'too_long', params: { max: 20 } })).toBe('此项不能超过20个字');
    expect(fieldMessageZhCN({ path: '_', code: 'wrong_type' })).toBe('此项格式不正确');
  });

  it("words the issues of a parse in the app, without the server's action scope, the same way", () => {
    const r = SessionInput.bindResident.safeParse({ name: '', idNumber: '1', phone: '1', homeVillageId: 'v' });
    expect(r.success ? {} : zodFields(r.error)).toEqual({ name: '请填写姓名' });
  });

  it('keeps a field issue free of the input it was raised for', () => {
    const r = z.object({ idNumber: z.string().max(3) }).safeParse({ idNumber: '370883199001011234' });
    expect(r.success ? null : fieldIssueOf(r.error.issues[0])).toEqual({ path: 'idNumber', code: 'too_long', params: { max: 3 } });
  });
});

describe('the wire', () => {
  it('lets codes and Chinese text through and rewords anything else a handler or the domain put in a field', () => {
    const e = new AppError('VALIDATION_FAILED', {
      idNumber: 'INVALID_ID_NUMBER',
      villageId: '请选择示例居民所在的村居',
      homeVillageId: 'v-999-001',
      q: 'Too big: expected string to have <=40 characters',
    });
    expect(toWireError(e).fields).toEqual({
      idNumber: 'INVALID_ID_NUMBER',
      villageId: '请选择示例居民所在的村居',
      homeVillageId: '村居填写有误',
      q: '搜索词填写有误',
    });
  });
});
