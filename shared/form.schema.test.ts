import { baseFormSchema, fieldErrorsOf, formSchemaFor, ownPrefill, parseOwnForm, sealForm } from './form.schema';
import type { FormField } from './catalogue.schema';

const fields: FormField[] = [
  { key: 'name', label: '姓名', type: 'text', required: true, maxLength: 10 },
  { key: 'idNumber', label: '身份证号', type: 'idNumber', required: true },
  { key: 'people', label: '家庭人口', type: 'number', required: false },
  { key: 'kind', label: '申请类别', type: 'select', required: true, options: ['新办', '变更'] },
  { key: 'phone', label: '联系电话', type: 'phone', required: false },
  { key: 'when', label: '出生日期', type: 'date', required: false },
];
const schema = formSchemaFor(fields);
const errorsOf = (values: Record<string, unknown>) => {
  const r = schema.safeParse(values);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe('formSchemaFor', () => {
  it('asks for every required field left blank, in the words of its label', () => {
    expect(errorsOf({ name: '  ' })).toEqual({ name: '请填写姓名', idNumber: '请填写身份证号', kind: '请选择申请类别' });
  });

  it('rejects an ID number whose check character is wrong', () => {
    expect(errorsOf({ name: '张三', idNumber: '110105194912310021', kind: '新办' }).idNumber).toBe('身份证号码不正确，请核对后重新输入');
  });

  it('accepts a valid form, normalizing the ID number and turning numbers into numbers', () => {
    const r = schema.safeParse({ name: ' 张三 ', idNumber: '11010519491231002x', people: '4', kind: '变更', phone: '138 0000 0000', extra: 'dropped' });
    expect(r.success && r.data).toEqual({ name: '张三', idNumber: '11010519491231002X', people: 4, kind: '变更', phone: '13800000000' });
  });

  it('drops optional fields left blank instead of storing empty strings', () => {
    const r = schema.safeParse({ name: '张三', idNumber: '11010519491231002X', kind: '新办', people: '', when: '' });
    expect(r.success && r.data).toEqual({ name: '张三', idNumber: '11010519491231002X', kind: '新办' });
  });

  it('refuses an option that is not on the list, a malformed date and text beyond its length', () => {
    const e = errorsOf({ name: '张'.repeat(11), idNumber: '11010519491231002X', kind: '注销', when: '2026/1/1' });
    expect(e).toEqual({ name: '姓名不能超过10个字', kind: '请选择申请类别', when: '请选择出生日期' });
  });

  it('accepts a number sent as a number, as a resubmitted form may carry it', () => {
    const r = schema.safeParse({ name: '张三', idNumber: '11010519491231002X', kind: '新办', people: 3 });
    expect(r.success && r.data.people).toBe(3);
  });

  it('refuses a form date that has the shape of a date and is none (2025-13-45 was stored)', () => {
    for (const when of ['2025-13-45', '2026-02-30', '2026-00-10', '2025-04-31']) {
      expect(errorsOf({ name: '张三', idNumber: '11010519491231002X', kind: '新办', when }).when).toBe('出生日期不是有效的日期');
    }
    expect(errorsOf({ name: '张三', idNumber: '11010519491231002X', kind: '新办', when: '2024-02-29' })).toEqual({});
  });

  it('refuses an ID number born after the day the form is checked on (370883209901010018 was stored)', () => {
    const today = formSchemaFor(fields, {}, { today: '20261201' });
    const r = today.safeParse({ name: '张三', idNumber: '370883209901010018', kind: '新办' });
    expect(r.success ? {} : fieldErrorsOf(r.error)).toEqual({ idNumber: '身份证号码不正确，请核对后重新输入' });
  });
});

describe('own-number prefill and sealing', () => {
  const own: FormField[] = [
    { key: 'idNumber', label: '申请人身份证号码', type: 'idNumber', required: true, prefill: 'ownIdNumber' },
    { key: 'phone', label: '申请人联系电话', type: 'phone', required: true, prefill: 'ownPhone' },
    { key: 'cert', label: '证件号码', type: 'idOrCreditCode', required: false },
  ];
  const me = { idMasked: '1101**********002X', phoneMasked: '138****8000', idHash: 'hash-of-own-id', phoneSealed: 'sealed-own-phone' };
  const sealing = { hash: (v: string) => `hash(${v})`, seal: (v: string) => `seal(${v})`, own: me };

  it('prefills only the fields that ask for the own numbers, with the masked values', () => {
    expect(ownPrefill(own, me)).toEqual({ idNumber: '1101**********002X', phone: '138****8000' });
    expect(ownPrefill(own, {})).toEqual({});
  });

  it('passes an unchanged masked prefill, and any other masked value fails in the words of its field', () => {
    const schema = formSchemaFor(own, ownPrefill(own, me));
    expect(schema.safeParse({ idNumber: me.idMasked, phone: me.phoneMasked }).success).toBe(true);
    const r = schema.safeParse({ idNumber: '1101**********0000', phone: me.phoneMasked });
    expect(r.success ? {} : fieldErrorsOf(r.error)).toEqual({ idNumber: '身份证号码不正确，请核对后重新输入' });
  });

  it('parses as the applicant schema does when the last step runs on the base schema alone (parseOwnForm)', () => {
    const base = baseFormSchema(own);
    const inputs = [
      { idNumber: me.idMasked, phone: me.phoneMasked },
      { idNumber: '1101**********0000', phone: me.phoneMasked },
      { idNumber: me.idMasked, phone: '139****0000', cert: '9137**********2L15' },
      { idNumber: '11010519491231002X', phone: '13900001111' },
      { idNumber: '', phone: me.phoneMasked },
      { idNumber: '110105194912310021', phone: 'abc' },
    ];
    for (const prefilled of [ownPrefill(own, me), {}]) {
      for (const input of inputs) {
        const a = formSchemaFor(own, prefilled).safeParse(input);
        const b = parseOwnForm(base, own, prefilled, input);
        expect({ ok: b.success, data: b.data, errors: b.success ? {} : fieldErrorsOf(b.error) }).toEqual({
          ok: a.success,
          data: a.data,
          errors: a.success ? {} : fieldErrorsOf(a.error),
        });
      }
    }
    expect(parseOwnForm(base, own, {}, { idNumber: me.idMasked, phone: me.phoneMasked }).success).toBe(false);
  });

  it('seals the prefill with the bound hash and sealed phone, and typed numbers with the keys', () => {
    expect(sealForm(own, { idNumber: me.idMasked, phone: me.phoneMasked }, sealing)).toEqual({
      form: { idNumber: me.idMasked, phone: me.phoneMasked },
      hashes: { idNumber: 'hash-of-own-id' },
      sealed: { phone: 'sealed-own-phone' },
    });
    expect(sealForm(own, { idNumber: '11010519491231002X', phone: '13900001111', cert: '91370883MA3C4K2L15' }, sealing)).toEqual({
      form: { idNumber: '1101**********002X', phone: '139****1111', cert: '9137**********2L15' },
      hashes: { idNumber: 'hash(11010519491231002X)', cert: 'hash(91370883MA3C4K2L15)' },
      sealed: { phone: 'seal(13900001111)' },
    });
  });
});
