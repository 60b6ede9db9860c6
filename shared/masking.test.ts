import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('keeps the first four and last four characters of an ID number', () => {
    expect(maskIdNumber('370883199001011234')).toBe('3708**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the surname and the last character of a name of three or more', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('keeps only the surname of a two-character name', () => {
    expect(maskName('李四')).toBe('李*');
  });

  it('hides a value too short to keep both ends entirely', () => {
    expect(maskName('王')).toBe('*');
    expect(maskPhone('1234')).toBe('****');
    expect(maskIdNumber('')).toBe('');
  });
});
