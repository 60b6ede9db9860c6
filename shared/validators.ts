/**
 * Checks of identity numbers residents and companies type in. Each answers the
 * normalized value or a coded failure; the zod schemas wrap the same checks for forms.
 */
import { z } from 'zod';
import { fail, ok, type Result } from './errors';
import { MESSAGES_ZH_CN } from './messages.zh-CN';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
/** Province-level codes of GB/T 2260 (81-83: Hong Kong, Macao, Taiwan residence permits). */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 11643 check character of a 17-digit body. */
export const idCheckChar = (body17: string): string => {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body17[i]), 0);
  return ID_CHECK_CHARS[sum % 11];
};

/** Tells whether a compact date YYYYMMDD exists on the calendar (no 13th month, no 30 February). */
export const isCalendarDate = (yyyymmdd: string): boolean => {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const [y, m, d] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/**
 * A birth date YYYYMMDD that exists on the calendar, from 1900 on, and not after `today`
 * (YYYYMMDD, China date; the caller's clock, since this module has none). Without a today,
 * only dates up to 2099 pass, so the check still holds where no clock is at hand.
 */
const isBirthDate = (yyyymmdd: string, today = '20991231'): boolean => isCalendarDate(yyyymmdd) && yyyymmdd >= '19000101' && yyyymmdd <= today;

/** Validates a resident ID number (GB 11643): length, area, birth date (real, not after `today`, YYYYMMDD) and check character. */
export const validateIdNumber = (input: string, today?: string): Result<string> => {
  const id = String(input ?? '')
    .trim()
    .toUpperCase();
  const bad = (why: string) => fail<string>('INVALID_ID_NUMBER', { idNumber: why });
  if (!/^\d{17}[\dX]$/.test(id)) return bad('format');
  if (!PROVINCE_CODES.has(id.slice(0, 2)) || id.slice(2, 6) === '0000') return bad('area');
  if (!isBirthDate(id.slice(6, 14), today)) return bad('birth_date');
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return bad('check_char');
  return ok(id);
};

/** The GB 32100 check character of a 17-character credit code body. */
export const creditCheckChar = (body17: string): string => {
  const sum = CREDIT_WEIGHTS.reduce((acc, w, i) => acc + w * CREDIT_CHARSET.indexOf(body17[i]), 0);
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31];
};

/** Validates a unified social credit code (GB 32100): charset, area digits and check character. */
export const validateCreditCode = (input: string): Result<string> => {
  const code = String(input ?? '')
    .trim()
    .toUpperCase();
  const bad = (why: string) => fail<string>('INVALID_CREDIT_CODE', { creditCode: why });
  if (code.length !== 18 || [...code].some((c) => !CREDIT_CHARSET.includes(c))) return bad('format');
  if (!/^\d{6}$/.test(code.slice(2, 8))) return bad('area');
  if (creditCheckChar(code.slice(0, 17)) !== code[17]) return bad('check_char');
  return ok(code);
};

/**
 * The one spelling of a phone number: without spaces, dashes, dots or brackets, and without the
 * country prefix (+86, 0086, 86) before an 11-digit mobile. Every phone read is normalized by
 * this before it is checked, hashed, masked or encrypted, so `+86 138 0013 8000` is 13800138000.
 */
export const normalizePhone = (input: string): string =>
  String(input ?? '')
    .replace(/[\s\-.()（）\u3000]/g, '')
    .replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');

/** Validates a mainland mobile number, accepting spaces, dashes and a +86 prefix; answers its 11 digits. */
export const validateMobile = (input: string): Result<string> => {
  const phone = normalizePhone(input);
  return /^1[3-9]\d{9}$/.test(phone) ? ok(phone) : fail('INVALID_PHONE', { phone: 'format' });
};

/**
 * Validates a contact phone: a mobile number, or a landline with its area code (0537-5212345),
 * since a company's contact is often the office telephone. Answers the mobile's bare digits or
 * the landline as 区号-号码.
 */
export const validateContactPhone = (input: string): Result<string> => {
  const mobile = validateMobile(input);
  if (mobile.ok) return mobile;
  const m = /^(0\d{2,3})[\s-]?(\d{7,8})$/.exec(
    String(input ?? '')
      .trim()
      .replace(/^\((0\d{2,3})\)/, '$1-'),
  );
  return m ? ok(`${m[1]}-${m[2]}`) : fail('INVALID_CONTACT_PHONE', { phone: 'format' });
};

/** An 18-character value shaped like a resident ID (17 digits and a digit or X) is checked as one. */
const looksLikeIdNumber = (v: string): boolean => /^\d{17}[\dX]$/.test(v);

/**
 * Validates a field that takes either a resident ID number or a company's credit code, by the
 * checksum that fits its shape: GB 11643 for 17 digits plus a digit or X, else GB 32100.
 */
export const validateIdOrCreditCode = (input: string, today?: string): Result<string> => {
  const v = String(input ?? '')
    .trim()
    .toUpperCase();
  return looksLikeIdNumber(v) ? validateIdNumber(v, today) : validateCreditCode(v);
};

type ValidatorCode = 'INVALID_ID_NUMBER' | 'INVALID_CREDIT_CODE' | 'INVALID_PHONE' | 'INVALID_CONTACT_PHONE';

/** Builds a schema that normalizes with a validator and reports its zh-CN message (the failure's own code). */
const schemaOf = (validate: (s: string) => Result<string>) =>
  z.string().transform((value, ctx) => {
    const r = validate(value);
    if (r.ok) return r.value;
    const code = r.error.code as ValidatorCode;
    ctx.addIssue({ code: 'custom', message: MESSAGES_ZH_CN[code], params: { code } });
    return z.NEVER;
  });

/** A resident ID number field whose birth date may not be after `today` (YYYYMMDD); parses to the normalized number. */
export const idNumberSchema = (today?: string) => schemaOf((v) => validateIdNumber(v, today));
/** A resident ID number field without a clock at hand (birth dates up to 2099); parses to the normalized (upper-case) number. */
export const IdNumberSchema = idNumberSchema();
/** A unified social credit code field; parses to the normalized code. */
export const CreditCodeSchema = schemaOf(validateCreditCode);
/** A field for an ID number or a credit code; parses to the normalized value. */
export const idOrCreditCodeSchema = (today?: string) => schemaOf((v) => validateIdOrCreditCode(v, today));
/** A field for an ID number or a credit code without a clock at hand. */
export const IdOrCreditCodeSchema = idOrCreditCodeSchema();
/** A mainland mobile number field; parses to the bare 11 digits. */
export const MobileSchema = schemaOf(validateMobile);
/** A contact phone field of a form: a mobile or a landline with its area code. */
export const ContactPhoneSchema = schemaOf(validateContactPhone);
