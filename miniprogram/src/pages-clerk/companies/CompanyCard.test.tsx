/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { CenterCompany } from '@shared/api.schema';
import type { OfficerCalls } from '../../components/OfficerPicker';
import { CompanyCard } from './CompanyCard';

const listed: CenterCompany = {
  id: 'co-1',
  version: 2,
  creditCode: '91370883MA3C4K2L15',
  name: '邹城示例新材料有限公司',
  location: 'zone',
  locationName: '经济开发区',
  homeCenterId: 'zone',
  verifiedAt: '2026-11-30T17:30:00.000Z',
  officer: {
    userId: 'clerk-zone',
    centerId: 'zone',
    nameMasked: '开发*代办员',
    assignedBy: 'clerk-zone',
    assignedAt: '2026-11-30T17:30:00.000Z',
    centerName: '经济开发区分局',
  },
};
const calls: OfficerCalls = {
  candidates: async () => ({
    ok: true,
    data: {
      items: [
        { id: 'clerk-zone', nameMasked: '开发*代办员' },
        { id: 'wx-li', nameMasked: '李*' },
      ],
    },
  }),
  choose: async (officerId) => ({
    ok: true,
    data: { company: { ...listed, version: 3, officer: { ...listed.officer!, userId: officerId, nameMasked: '李*' } } },
  }),
};

describe('a company in the clerk’s 辖区企业 list', () => {
  it('shows the register facts, the China date of its verification and its 企业管家', () => {
    const { container } = render(<CompanyCard company={listed} calls={calls} onChanged={() => undefined} onStale={() => undefined} />);
    const text = container.textContent ?? '';
    expect(text).toContain('邹城示例新材料有限公司');
    expect(text).toContain('信用代码 91370883MA3C4K2L15');
    // 17:30 UTC is the next morning in China
    expect(text).toContain('经济开发区 · 核验于 2026-12-01');
    expect(container.querySelector('[data-officer="clerk-zone"]')?.textContent).toBe('企业管家开发*代办员');
    expect(text).toContain('更换企业管家 ›');
  });

  it('says when no officer is named yet and offers to name one', () => {
    const { officer: _none, ...bare } = listed;
    const { container } = render(<CompanyCard company={bare} calls={calls} onChanged={() => undefined} onStale={() => undefined} />);
    expect(container.querySelector('[data-officer=""]')?.textContent).toBe('企业管家尚未指定');
    expect(container.textContent).toContain('指定企业管家 ›');
  });

  it('chooses another clerk of the center and hands the company back', async () => {
    const changed: string[] = [];
    render(<CompanyCard company={listed} calls={calls} onChanged={(c) => changed.push(c.officer!.userId)} onStale={() => undefined} />);
    for (const label of ['更换企业管家 ›', '李*', '确认更换']) await act(async () => void fireEvent.click(screen.getByText(label)));
    expect(changed).toEqual(['wx-li']);
  });
});
