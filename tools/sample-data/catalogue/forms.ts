/**
 * Form-field and material templates. Each item draws 2-5 fields and 2-5 materials from these,
 * so the sample forms look like the real ones (phone, ID, reason, household size, dates, choices).
 */
import type { Audience, FormField, LifeEvent, MaterialSpec } from '../../../shared/catalogue.schema';
import type { Rng } from '../prng';
import { APPLICATION_FORM, CATEGORIES, IDENTITY_MATERIALS, type Category } from './categories';

// the applicant's own numbers: the app prefills the bound ones, masked, and the server substitutes them
const PHONE: FormField = { key: 'phone', label: '申请人联系电话', type: 'phone', required: true, prefill: 'ownPhone' };

/** Identity numbers are never plain text: each is checked by its checksum, and ID numbers are sealed. */
const IDENTITY_FIELD: Record<Audience, FormField> = {
  person: { key: 'idNumber', label: '申请人身份证号码', type: 'idNumber', required: true, prefill: 'ownIdNumber' },
  company: { key: 'creditCode', label: '统一社会信用代码', type: 'creditCode', required: true },
  both: { key: 'certificateNo', label: '证件号码（身份证号码或统一社会信用代码）', type: 'idOrCreditCode', required: true, prefill: 'ownIdNumber' },
};

const REASON: FormField = { key: 'reason', label: '申请事由', type: 'textarea', required: true, maxLength: 500 };
const APPLY_DATE: FormField = { key: 'applyDate', label: '申请日期', type: 'date', required: true };
const ADDRESS: FormField = { key: 'address', label: '联系地址', type: 'text', required: false, maxLength: 100 };
const PICKUP: FormField = { key: 'pickup', label: '结果领取方式', type: 'select', required: true, options: ['窗口领取', '邮寄送达', '村（社区）代办员代领'] };
const PICKUP_COMPANY: FormField = { ...PICKUP, options: ['窗口领取', '邮寄送达'] };
const HANDLE_TYPE: FormField = { key: 'handleType', label: '办理类型', type: 'select', required: true, options: ['首次办理', '变更', '补办'] };
const HOUSEHOLD: FormField = { key: 'householdSize', label: '家庭人口数', type: 'number', required: true };
const COMPANY_NAME: FormField = { key: 'companyName', label: '单位名称', type: 'text', required: true, maxLength: 100 };

/** Draws the form: identity and phone always, then up to three fitting extras. */
export const drawFormFields = (rng: Rng, audience: Audience, lifeEvents: readonly LifeEvent[]): FormField[] => {
  const pool = [REASON, APPLY_DATE, ADDRESS, audience === 'person' ? PICKUP : PICKUP_COMPANY, HANDLE_TYPE];
  if (lifeEvents.includes('社会救助')) pool.push(HOUSEHOLD);
  if (audience !== 'person') pool.push(COMPANY_NAME);
  const extras = rng.shuffle(pool).slice(0, rng.int(0, 3));
  return [IDENTITY_FIELD[audience], PHONE, ...extras];
};

/** Draws the materials: identity, usually the application form, and one or two of the category's own. */
export const drawMaterials = (rng: Rng, audience: Audience, category: Category): MaterialSpec[] => {
  const own = rng.shuffle(CATEGORIES[category].materials).slice(0, rng.int(1, 2));
  const specs: MaterialSpec[] = own.map((name, i) => ({
    name,
    paper: i === 0 && !name.includes('电子'),
    copies: i === 0 ? 1 : 0,
    required: i === 0 || rng.chance(0.5),
  }));
  const form = rng.chance(0.8) ? [APPLICATION_FORM] : [];
  return [...IDENTITY_MATERIALS[audience], ...form, ...specs];
};
