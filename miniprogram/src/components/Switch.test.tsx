/** @jest-environment jsdom */
import { act, fireEvent, render } from '@testing-library/react';
import { Switch } from './Switch';

describe('the on/off switch (长辈模式, 同意共享)', () => {
  it('says its state to screen readers and reports the other state on a tap', () => {
    const seen: boolean[] = [];
    const { container, rerender } = render(<Switch checked={false} onChange={(on) => seen.push(on)} label="长辈模式" />);
    const sw = container.querySelector('[role="switch"]') as HTMLElement;
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(sw.getAttribute('aria-label')).toBe('长辈模式');
    act(() => void fireEvent.click(sw));
    expect(seen).toEqual([true]);
    rerender(<Switch checked onChange={(on) => seen.push(on)} label="长辈模式" />);
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(sw.className).toContain('zc-switch-on');
    act(() => void fireEvent.click(sw));
    expect(seen).toEqual([true, false]);
  });

  it('does nothing on a tap while disabled', () => {
    const seen: boolean[] = [];
    const { container } = render(<Switch checked={false} disabled onChange={(on) => seen.push(on)} />);
    act(() => void fireEvent.click(container.querySelector('[role="switch"]') as HTMLElement));
    expect(seen).toEqual([]);
  });
});
