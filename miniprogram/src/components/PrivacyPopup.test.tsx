/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { PrivacyPopup } from './PrivacyPopup';
import { answerPrivacy, askPrivacy } from '../services/privacy';

describe('the privacy popup (WeChat held the location with no one to ask: onNeedPrivacyAuthorization was not handled)', () => {
  afterEach(() => act(() => answerPrivacy(false)));

  it('stays hidden until WeChat asks', () => {
    const { container } = render(<PrivacyPopup />);
    expect(container.textContent).toBe('');
  });

  it("asks in Chinese, links the privacy guide and agrees only through WeChat's agreePrivacyAuthorization button", () => {
    const { container } = render(<PrivacyPopup />);
    act(() => askPrivacy(() => undefined));
    expect(container.textContent).toContain('隐私保护提示');
    expect(screen.getByText('《邹城通办隐私保护指引》')).toBeTruthy();
    const agree = container.querySelector('#zc-privacy-agree');
    expect(agree?.textContent).toBe('同意并继续');
    expect(agree?.getAttribute('open-type') ?? agree?.getAttribute('openType') ?? (agree as unknown as { openType?: string })?.openType).toBe(
      'agreePrivacyAuthorization',
    );
  });

  it('answers every waiting question with a refusal when the person does not agree, and closes', () => {
    const replies: boolean[] = [];
    const { container } = render(<PrivacyPopup />);
    act(() => {
      askPrivacy((agreed) => replies.push(agreed));
      askPrivacy((agreed) => replies.push(agreed));
    });
    fireEvent.click(screen.getByText('不同意'));
    expect(replies).toEqual([false, false]);
    expect(container.textContent).toBe('');
  });

  it('passes the agreement on to WeChat once the agree button has answered', () => {
    const replies: boolean[] = [];
    const { container } = render(<PrivacyPopup />);
    act(() => askPrivacy((agreed) => replies.push(agreed)));
    act(() => void container.querySelector('#zc-privacy-agree')!.dispatchEvent(new Event('agreeprivacyauthorization', { bubbles: true })));
    expect(replies).toEqual([true]);
    expect(container.textContent).toBe('');
  });
});
