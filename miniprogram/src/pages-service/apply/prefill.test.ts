import type { FormField } from '@shared/catalogue.schema';
import { prefilledValues } from './prefill';

const field = (key: string, label: string, type: FormField['type']): FormField => ({ key, label, type, required: true });
const bound = { name: '王秀英' };

describe('prefilling an application from the bound identity', () => {
  it('fills the applicant’s own name; the ID number and phone are the server’s masked prefill, never kept on the phone', () => {
    const fields = [
      field('idNumber', '申请人身份证号码', 'idNumber'),
      field('name', '申请人姓名', 'text'),
      field('phone', '联系电话', 'phone'),
      field('reason', '申请事由', 'textarea'),
    ];
    expect(prefilledValues(fields, bound)).toEqual({ name: '王秀英' });
  });

  it('leaves fields about someone else empty, and everything when nothing was bound on this phone', () => {
    const fields = [field('childName', '子女姓名', 'text'), field('spouse', '配偶姓名', 'text')];
    expect(prefilledValues(fields, bound)).toEqual({});
    expect(prefilledValues([field('name', '申请人姓名', 'text')], null)).toEqual({});
  });
});
