/** @jest-environment jsdom */
import { act, fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { SearchField } from './SearchField';

/** A search field with its own state, as the pages hold it, recording what it reports. */
function Harness({ log }: { log: string[] }) {
  const [q, setQ] = useState('');
  return (
    <SearchField
      placeholder="输入要办的事"
      value={q}
      onChange={setQ}
      onSearch={(v) => log.push(`search:${v}`)}
      onClear={() => log.push('clear')}
      action={<span className="go">搜索</span>}
    />
  );
}

const input = (container: HTMLElement) => container.querySelector('taro-input-core') as HTMLElement & { value?: string };
const typeIn = (container: HTMLElement, value: string) =>
  act(() => void input(container).dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })));

describe('the search field of 首页, 服务中心, 找事项 and the village picker', () => {
  it('shows what is typed, searches with the keyboard key, and the clear mark empties it', () => {
    const log: string[] = [];
    const { container } = render(<Harness log={log} />);
    expect(container.querySelector('.zc-search-clear')).toBeNull();
    expect(container.querySelector('.zc-search-action')?.textContent).toBe('搜索');
    typeIn(container, '低保');
    expect(input(container).value).toBe('低保');
    act(() => void input(container).dispatchEvent(new CustomEvent('confirm', { detail: { value: '低保' }, bubbles: true })));
    expect(log).toEqual(['search:低保']);
    const clear = container.querySelector('.zc-search-clear') as HTMLElement;
    expect(clear.getAttribute('aria-label')).toBe('清除');
    act(() => void fireEvent.click(clear));
    expect(input(container).value).toBe('');
    expect(container.querySelector('.zc-search-clear')).toBeNull();
    expect(log).toEqual(['search:低保', 'clear']);
  });
});
