/** Who hears of a new 企业管家, and in which words. */
import { OFFICER_NOTICE_KIND, officerNotices } from './officer.notices.zh-CN';
import type { Officer } from './company.schema';

const AT = '2026-12-01T01:00:00.000Z';
const company = { name: '示例企业有限公司', creditCode: '91370883MA3C4K2L15' };
const officer = (userId: string, centerId: string, nameMasked?: string): Officer => ({
  userId,
  centerId,
  ...(nameMasked ? { nameMasked } : {}),
  assignedBy: 'u-admin',
  assignedAt: AT,
});
const names: Record<string, string> = { zone: '经济开发区便民服务中心', 'ts-001': '钢山街道便民服务中心' };
const centerName = (id: string) => names[id] ?? id;

describe('officerNotices', () => {
  it('tells the chosen clerk’s center, naming the clerk, the company and who chose', () => {
    expect(officerNotices(company, officer('c-1', 'zone', '张*'), undefined, { role: 'admin' }, centerName)).toEqual([
      {
        to: { centerId: 'zone' },
        kind: OFFICER_NOTICE_KIND,
        title: '代办员张*被指定为企业管家',
        body: '示例企业有限公司（91370883MA3C4K2L15）的企业管家由市级管理员指定为代办员张*，企业诉求将首先交给企业管家。',
      },
    ]);
  });

  it('a previous officer of another center (the company moved home): that center hears its clerk serves no more', () => {
    const told = officerNotices(company, officer('c-2', 'zone', '李*'), officer('c-1', 'ts-001', '张*'), { role: 'clerk', nameMasked: '李*' }, centerName);
    expect(told.map((n) => [n.to, n.title])).toEqual([
      [{ centerId: 'zone' }, '代办员李*被指定为企业管家'],
      [{ centerId: 'ts-001' }, '代办员张*不再担任企业管家'],
    ]);
    expect(told[1].body).toBe('示例企业有限公司（91370883MA3C4K2L15）的企业管家已由代办员李*改为经济开发区便民服务中心的代办员李*。');
  });

  it('choosing the same clerk again tells no one', () => {
    expect(officerNotices(company, officer('c-1', 'zone'), officer('c-1', 'zone'), { role: 'company' }, centerName)).toEqual([]);
  });
});
