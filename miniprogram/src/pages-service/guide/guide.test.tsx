/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import type { RouteDecision } from '@shared/routing.schema';
import { RouteExplanation } from './RouteExplanation';
import { IntakeOptions } from './IntakeOptions';

const village = { id: 'v-101-001', kind: 'village' as const, name: '庞家集村为民服务中心' };
const township = { id: 'ts-101', kind: 'township' as const, name: '香城镇为民服务中心' };
const route: RouteDecision = {
  rule: 'TOWNSHIP',
  decider: township,
  explanation: '这件事由香城镇为民服务中心审批。您可以就近在庞家集村为民服务中心提交，村代办员帮您把材料送到镇上，大事不出镇。',
  intake: [
    { channel: 'home_village', center: village, path: [village, township], distanceKm: 0.05, note: '村代办员帮办代办，逐级送到香城镇为民服务中心' },
    { channel: 'decider', center: township, path: [township], distanceKm: 5.2, note: '到香城镇为民服务中心直接办理' },
  ],
};

describe('the guide', () => {
  it('explains in plain words where the matter goes, under the rule that decided it, and who decides', () => {
    const { container } = render(<RouteExplanation route={route} />);
    expect(screen.getByText(route.explanation)).toBeTruthy();
    expect(screen.getByText('大事不出镇')).toBeTruthy();
    expect(container.textContent).toContain('审批单位：香城镇为民服务中心（镇街）');
  });

  it('lists the intake options in the ranked order, the first recommended, with distance and the path up to the decider', () => {
    const { container } = render(<IntakeOptions options={route.intake} deciderId={township.id} />);
    const cards = container.querySelectorAll('.intake');
    expect(cards).toHaveLength(2);
    expect(cards[0].textContent).toContain('推荐 · 在本村提交（帮办代办）');
    expect(cards[0].textContent).toContain('50米');
    expect(cards[0].querySelector('.zc-chain')?.textContent).toBe('庞家集村为民服务中心→香城镇为民服务中心');
    expect(cards[0].querySelector('.decider')?.textContent).toBe('香城镇为民服务中心');
    expect(cards[1].textContent).toContain('5.2公里');
    expect(cards[1].querySelector('.zc-chain')).toBeNull();
  });

  it('marks the option the applicant picks', () => {
    const picked: string[] = [];
    const { container, rerender } = render(
      <IntakeOptions options={route.intake} deciderId={township.id} selectedId={village.id} onSelect={(o) => picked.push(o.center.id)} />,
    );
    fireEvent.click(container.querySelectorAll('.intake')[1]);
    expect(picked).toEqual([township.id]);
    rerender(<IntakeOptions options={route.intake} deciderId={township.id} selectedId={township.id} onSelect={() => undefined} />);
    expect(container.querySelector('.intake-selected .intake-center')?.textContent).toBe('香城镇为民服务中心');
  });
});
