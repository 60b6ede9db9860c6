import { z } from 'zod';
import {
  CreditCodeSchema,
  IdNumberSchema,
  MobileSchema,
  creditCheckChar,
  idCheckChar,
  validateCreditCode,
  validateIdNumber,
  validateContactPhone,
  validateMobile,
  normalizePhone,
  validateIdOrCreditCode,
} from './validators';

/** A valid ID number for a 17-digit body, with its check character computed here from the GB 11643 weights. */
const withCheck = (body: string): string => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
};
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('validateIdNumber', () => {
  it('accepts the well-known sample 11010519491231002X', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('accepts Zoucheng numbers built from a body and their computed check character', () => {
    for (const body of ['37088319900101123', '37088320000229004', '37088319851231567']) {
      expect(codeOf(validateIdNumber(withCheck(body)))).toBe('ok');
      expect(idCheckChar(body)).toBe(withCheck(body)[17]);
    }
  });

  it('normalizes a lower-case x and surrounding spaces', () => {
    expect(validateIdNumber(' 11010519491231002x ')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('rejects a wrong check character', () => {
    expect(codeOf(validateIdNumber('110105194912310021'))).toBe('INVALID_ID_NUMBER');
    expect(codeOf(validateIdNumber('370883199001011234'))).toBe('INVALID_ID_NUMBER');
  });

  it('rejects an ID whose birth date lies after today, even with a correct check character (370883209901010018 was accepted)', () => {
    expect(validateIdNumber('370883209901010018', '20261201')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ID_NUMBER', fields: { idNumber: 'birth_date' } },
    });
    expect(codeOf(validateIdNumber(withCheck('37088320261201123'), '20261201'))).toBe('ok');
    expect(codeOf(validateIdNumber(withCheck('37088320261202123'), '20261201'))).toBe('INVALID_ID_NUMBER');
  });

  it('rejects a birth date that does not exist, even with a correct check character', () => {
    expect(codeOf(validateIdNumber(withCheck('37088319900230123')))).toBe('INVALID_ID_NUMBER');
    expect(codeOf(validateIdNumber(withCheck('37088320010229123')))).toBe('INVALID_ID_NUMBER');
    expect(codeOf(validateIdNumber(withCheck('37088318991231123')))).toBe('INVALID_ID_NUMBER');
  });

  it('rejects an area prefix that is no province, even with a correct check character', () => {
    expect(codeOf(validateIdNumber(withCheck('99088319900101123')))).toBe('INVALID_ID_NUMBER');
    expect(codeOf(validateIdNumber(withCheck('00088319900101123')))).toBe('INVALID_ID_NUMBER');
  });

  it('rejects a wrong length or stray characters', () => {
    expect(codeOf(validateIdNumber('1101051949123100'))).toBe('INVALID_ID_NUMBER');
    expect(codeOf(validateIdNumber('11010519491231002X1'))).toBe('INVALID_ID_NUMBER');
    expect(codeOf(validateIdNumber('1101051949123100X2'))).toBe('INVALID_ID_NUMBER');
    expect(codeOf(validateIdNumber(''))).toBe('INVALID_ID_NUMBER');
  });
});

describe('validateCreditCode', () => {
  it('accepts the known valid code 91350100M000100Y43', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('accepts a Zoucheng code whose check character comes from the GB 32100 weights', () => {
    const body = '91370883MA3C00001';
    expect(codeOf(validateCreditCode(body + creditCheckChar(body)))).toBe('ok');
  });

  it('maps a remainder of zero to the check character 0', () => {
    // find a body whose weighted sum is a multiple of 31 by varying its last character
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = [...charset].map((c) => '91370883MA3C0000' + c).find((b) => creditCheckChar(b) === '0');
    expect(body).toBeDefined();
    expect(codeOf(validateCreditCode(body + '0'))).toBe('ok');
  });

  it('rejects a wrong check character', () => {
    expect(codeOf(validateCreditCode('91350100M000100Y44'))).toBe('INVALID_CREDIT_CODE');
    expect(codeOf(validateCreditCode('91370883MA3C0000XX'))).toBe('INVALID_CREDIT_CODE');
  });

  it('rejects letters outside the charset (I, O, S, V, Z)', () => {
    expect(codeOf(validateCreditCode('91350100M000100O43'))).toBe('INVALID_CREDIT_CODE');
    expect(codeOf(validateCreditCode('91350100M000100Z43'))).toBe('INVALID_CREDIT_CODE');
  });

  it('rejects a wrong length', () => {
    expect(codeOf(validateCreditCode('91350100M000100Y4'))).toBe('INVALID_CREDIT_CODE');
  });
});

describe('validateMobile', () => {
  it('accepts mainland mobile numbers and strips separators and +86', () => {
    expect(validateMobile('13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(validateMobile('+86 199-0000-1111')).toEqual({ ok: true, value: '19900001111' });
  });

  it('rejects a landline, a short number and a second digit below 3', () => {
    expect(codeOf(validateMobile('0537-5212345'))).toBe('INVALID_PHONE');
    expect(codeOf(validateMobile('1381234567'))).toBe('INVALID_PHONE');
    expect(codeOf(validateMobile('12812345678'))).toBe('INVALID_PHONE');
  });
});

describe('validateContactPhone', () => {
  it('accepts a landline with its area code where a company contact phone is asked, and a mobile', () => {
    expect(validateContactPhone('0537-5212345')).toEqual({ ok: true, value: '0537-5212345' });
    expect(validateContactPhone('(0537)52123456')).toEqual({ ok: true, value: '0537-52123456' });
    expect(validateContactPhone('053752123456')).toEqual({ ok: true, value: '0537-52123456' });
    expect(validateContactPhone('138 1234 5678')).toEqual({ ok: true, value: '13812345678' });
  });

  it('rejects a landline without its area code, and a short mobile', () => {
    expect(codeOf(validateContactPhone('5212345'))).toBe('INVALID_CONTACT_PHONE');
    expect(codeOf(validateContactPhone('1381234567'))).toBe('INVALID_CONTACT_PHONE');
  });
});

describe('the zod schemas', () => {
  const Form = z.object({ idNumber: IdNumberSchema, creditCode: CreditCodeSchema, phone: MobileSchema });

  it('parse valid input to the normalized values', () => {
    expect(Form.parse({ idNumber: '11010519491231002x', creditCode: '91350100m000100y43', phone: '138 1234 5678' })).toEqual({
      idNumber: '11010519491231002X',
      creditCode: '91350100M000100Y43',
      phone: '13812345678',
    });
  });

  it('report each bad field with its Chinese message and code', () => {
    const r = Form.safeParse({ idNumber: '110105194912310021', creditCode: 'X', phone: '123' });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['idNumber', '身份证号码不正确，请核对后重新输入'],
      ['creditCode', '统一社会信用代码不正确，请核对后重新输入'],
      ['phone', '手机号码不正确，请输入11位手机号'],
    ]);
  });
});

describe('normalizePhone (regression: +86 138 0013 8000 was stored as +86**********8000)', () => {
  it.each([
    ['+86 138 0013 8000', '13800138000'],
    ['0086-138-0013-8000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['(138) 0013.8000', '13800138000'],
    ['13800138000', '13800138000'],
  ])('turns %s into the 11 digits %s', (input, normal) => {
    expect(normalizePhone(input)).toBe(normal);
    expect(validateMobile(input)).toEqual({ ok: true, value: normal });
  });

  it('keeps a number that is not a mobile as it is, for the validator to refuse', () => {
    expect(normalizePhone('+86 0537 5212345')).toBe('+8605375212345');
    expect(validateMobile('+86 0537 5212345').ok).toBe(false);
  });
});

describe('validateIdOrCreditCode (regression: 110105194912310021 was accepted in a text field)', () => {
  it('checks an ID-shaped value by GB 11643 and anything else by GB 32100', () => {
    expect(validateIdOrCreditCode('110105194912310021')).toMatchObject({ ok: false, error: { code: 'INVALID_ID_NUMBER' } });
    expect(validateIdOrCreditCode('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(validateIdOrCreditCode('91370883MA3C4K2L15')).toEqual({ ok: true, value: '91370883MA3C4K2L15' });
    expect(validateIdOrCreditCode('91370883MA3C4K2L16')).toMatchObject({ ok: false, error: { code: 'INVALID_CREDIT_CODE' } });
  });
});
