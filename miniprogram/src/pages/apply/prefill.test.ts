import type { FormField } from '@shared/catalogue.schema';
import { prefilledValues } from './prefill';

const field = (key: string, label: string, type: FormField['type']): FormField => ({ key, label, type, required: true });
const bound = { name: '王秀英', idNumber: '370883196203150421', phone: '13805371234' };

describe('prefilling an application from the bound identity', () => {
  it('fills the applicant’s own ID number, name and contact phone', () => {
    const fields = [field('idNumber', '申请人身份证号码', 'idNumber'), field('name', '申请人姓名', 'text'), field('phone', '联系电话', 'phone'), field('reason', '申请事由', 'textarea')];
    expect(prefilledValues(fields, bound)).toEqual({ idNumber: bound.idNumber, name: '王秀英', phone: '13805371234' });
  });

  it('leaves fields about someone else empty, and everything when nothing was bound on this phone', () => {
    const fields = [field('childId', '子女身份证号码', 'idNumber'), field('spouse', '配偶姓名', 'text')];
    expect(prefilledValues(fields, bound)).toEqual({});
    expect(prefilledValues([field('idNumber', '申请人身份证号码', 'idNumber')], null)).toEqual({});
  });
});
