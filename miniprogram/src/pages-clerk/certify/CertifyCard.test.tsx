/** @jest-environment jsdom */
import { fireEvent, render } from '@testing-library/react';
import type { RosterEntryView } from '@shared/api.certify.schema';
import { CertifyCard } from './CertifyCard';

const entry: RosterEntryView = {
  id: 'pension~ab',
  version: 2,
  schemeCode: 'pension',
  schemeName: '城乡居民养老保险待遇领取',
  department: '邹城市社会保险事业中心',
  photo: true,
  idMasked: '3708**********309X',
  nameMasked: '王*英',
  villageId: 'v-101-001',
  townshipCode: '101',
  periodStart: '2025-12-22',
  periodEnd: '2026-12-21',
  state: 'pending',
  dueQueuedAt: '2026-12-01T02:00:00.000Z',
  importId: 'cimp-1',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

describe('a person to certify in the clerk queue', () => {
  it('shows who in masks only, the scheme, the period and that a photo is needed', () => {
    const { container } = render(<CertifyCard entry={entry} onCertify={() => undefined} onIneligible={() => undefined} />);
    const text = container.textContent ?? '';
    expect(text).toContain('王*英 · 城乡居民养老保险待遇领取');
    expect(text).toContain('身份证 3708**********309X');
    expect(text).toContain('认证期 2025-12-22 至 2026-12-21');
    expect(text).toContain('需拍一张本人照片');
    expect(text).toContain('待认证');
  });

  it('says a lapsed person has been reported, and hands each finding to its callback', () => {
    const ways: string[] = [];
    let refused = 0;
    const { container } = render(
      <CertifyCard entry={{ ...entry, state: 'lapsed', photo: false }} onCertify={(w) => ways.push(w)} onIneligible={() => (refused += 1)} />,
    );
    expect(container.textContent).toContain('已过期，已报主管部门');
    expect(container.textContent).not.toContain('需拍一张本人照片');
    const buttons = Array.from(container.querySelectorAll('taro-button-core, button'));
    const byText = (t: string) => buttons.find((b) => b.textContent?.includes(t))!;
    fireEvent.click(byText('上门认证通过'));
    fireEvent.click(byText('窗口认证通过'));
    fireEvent.click(byText('未通过'));
    expect([ways, refused]).toEqual([['visit', 'counter'], 1]);
  });
});
