/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ActionOutput } from '@shared/api.schema';
import { ScheduleEditor } from './ScheduleEditor';

type Answer = ActionOutput<'bookings', 'getSchedule'>;
const am = { start: '09:00', end: '12:00', capacity: 20 };
const answer: Answer = {
  centerId: 'ts-101',
  centerName: '香城镇为民服务中心',
  schedule: {
    id: 'ts-101',
    version: 2,
    centerId: 'ts-101',
    week: [[am, { start: '13:30', end: '17:00', capacity: 15 }], [], [], [], []],
    exceptions: [{ date: '2026-12-04', periods: [] }],
    updatedBy: 'clerk-ts-101',
    updatedAt: '2026-12-01T00:00:00.000Z',
  },
  preview: [
    { id: 'ts-101~2026-12-07~0900', centerId: 'ts-101', date: '2026-12-07', start: '09:00', end: '12:00', startAt: '', endAt: '', capacity: 20 },
    { id: 'ts-101~2026-12-07~1330', centerId: 'ts-101', date: '2026-12-07', start: '13:30', end: '17:00', startAt: '', endAt: '', capacity: 15 },
  ],
  coveredUntil: '2026-12-14',
};

const field = (container: HTMLElement, key: string) => container.querySelector(`[data-field="${key}"] taro-textarea-core`) as HTMLElement & { value?: string };
const type = (container: HTMLElement, key: string, value: string) =>
  act(() => void field(container, key).dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })));

describe('the booking schedule editor', () => {
  it('shows the stored periods as lines, the exceptions, and the next days as they will be offered', () => {
    const { container } = render(<ScheduleEditor answer={answer} onSaved={() => undefined} />);
    expect(field(container, 'week.0').value).toBe('09:00-12:00 20\n13:30-17:00 15');
    expect(field(container, 'week.1').value).toBe('');
    expect(field(container, 'exceptions').value).toBe('2026-12-04 休');
    expect(container.querySelector('[data-date="2026-12-07"]')?.textContent).toBe('12月7日 周一09:00-12:00 20人，13:30-17:00 15人');
  });

  it('copies Monday to the other weekdays', async () => {
    const { container } = render(<ScheduleEditor answer={answer} onSaved={() => undefined} />);
    await act(async () => void fireEvent.click(screen.getByText('周二至周五同周一')));
    expect([1, 2, 3, 4].map((i) => field(container, `week.${i}`).value)).toEqual(Array(4).fill('09:00-12:00 20\n13:30-17:00 15'));
  });

  it('names each line it cannot read, under its day, and saves nothing', async () => {
    const saved: Answer[] = [];
    const { container } = render(<ScheduleEditor answer={answer} onSaved={(a) => saved.push(a)} />);
    type(container, 'week.2', '9点到12点');
    type(container, 'exceptions', '国庆 休');
    await act(async () => void fireEvent.click(screen.getByText('保存预约时段')));
    expect(container.querySelector('[data-field="week.2"] .zc-error-text')?.textContent).toBe('第1行：应写成“09:00-12:00 20”（开始-结束 名额）');
    expect(container.querySelector('[data-field="exceptions"] .zc-error-text')?.textContent).toContain('第1行');
    expect(saved).toEqual([]);
  });
});
