/**
 * Sample people and form values for tests: checksum-valid ID numbers and filled forms.
 */
import { idCheckChar } from '../../shared/validators';
import type { FormField, Item } from '../../shared/catalogue.schema';

/** A checksum-valid Zoucheng ID number for a birth date and sequence. */
export const validIdNumber = (birth = '19800101', seq = '123'): string => {
  const body = `370883${birth}${seq}`;
  return body + idCheckChar(body);
};

/** Fills an item's form with plausible values of each field's type. */
export const filledForm = (item: Pick<Item, 'formFields'>): Record<string, string | number> =>
  Object.fromEntries(item.formFields.map((f) => [f.key, sampleValue(f)]));

const sampleValue = (f: FormField): string | number => {
  switch (f.type) {
    case 'number':
      return 3;
    case 'date':
      return '2026-09-28';
    case 'select':
      return f.options?.[0] ?? '其他';
    case 'phone':
      return '13805371234';
    case 'idNumber':
      return validIdNumber('19900101', '456');
    default:
      return '因家庭需要申请办理此事项';
  }
};
