/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { QueueName } from '@shared/api.schema';
import { QueueBoard } from './QueueBoard';
import { TodayFigures } from './TodayFigures';

const COUNTS: Record<QueueName, number> = { precheck: 3, incoming: 1, accept: 0, paused: 2, decide: 5, deliver: 0, overdue: 2, rectify: 1 };

const tile = (container: HTMLElement, q: QueueName) => container.querySelector(`[data-queue="${q}"]`) as HTMLElement;

describe('the clerk home counts', () => {
  it('shows every queue with its label and count, in the order the work runs', () => {
    const { container } = render(<QueueBoard counts={COUNTS} dueSoon={0} onOpen={() => undefined} />);
    const read = Array.from(container.querySelectorAll('[data-queue]')).map(
      (t) => `${t.querySelector('.qb-label')?.textContent}${t.querySelector('.qb-count')?.textContent}`,
    );
    expect(read).toEqual(['待预审3', '待签收1', '待受理0', '待补正2', '待办结5', '待送达0', '已超期2', '整改回访1']);
  });

  it('paints overdue red only when something is overdue, and quiets empty queues', () => {
    const busy = render(<QueueBoard counts={COUNTS} dueSoon={0} onOpen={() => undefined} />);
    expect(tile(busy.container, 'overdue').className).toContain('bad');
    expect(tile(busy.container, 'accept').className).toContain('idle');
    expect(tile(busy.container, 'precheck').className).toContain('busy');
    const calm = render(<QueueBoard counts={{ ...COUNTS, overdue: 0 }} dueSoon={0} onOpen={() => undefined} />);
    expect(tile(calm.container, 'overdue').className).not.toContain('bad');
  });

  it('marks the 待办结 queue amber with how many are due soon', () => {
    const { container } = render(<QueueBoard counts={COUNTS} dueSoon={2} onOpen={() => undefined} />);
    expect(tile(container, 'decide').className).toContain('warn');
    expect(screen.getByText('其中2件即将到期')).toBeTruthy();
  });

  it('counts a queue the server did not answer as zero', () => {
    const { container } = render(<QueueBoard counts={{ precheck: 4 }} dueSoon={0} onOpen={() => undefined} />);
    expect(tile(container, 'incoming').querySelector('.qb-count')?.textContent).toBe('0');
  });

  it('opens the queue that was tapped', async () => {
    const opened: QueueName[] = [];
    render(<QueueBoard counts={COUNTS} dueSoon={0} onOpen={(q) => opened.push(q)} />);
    await act(async () => void fireEvent.click(screen.getByLabelText('待签收 1件')));
    expect(opened).toEqual(['incoming']);
  });

  it("shows today's figures of the center", () => {
    const { container } = render(<TodayFigures today={{ submitted: 4, accepted: 3, handoffsConfirmed: 2, decided: 1, delivered: 0 }} />);
    const read = Array.from(container.querySelectorAll('.tf-cell')).map((c) => c.textContent);
    expect(read).toEqual(['4收件', '3受理', '2签收', '1办结', '0送达']);
  });
});
