/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { RequestView } from '@shared/api.schema';
import type { Actor, Request } from '@shared/request.schema';
import { makeHandoff, makeRequest } from '../../../../tests/support/request.fixture';
import { ActionPanel } from './ActionPanel';
import type { ClerkCall } from './actions';

const villageClerk: Actor = { userId: 'clerk-v-001', role: 'clerk', centerId: 'v-001' };
const townshipClerk: Actor = { userId: 'clerk-t-001', role: 'clerk', centerId: 't-001' };

const view = (overrides: Partial<Request> = {}): RequestView => {
  const { idempotencyKey: _k, ...r } = makeRequest(overrides);
  return r;
};

/** Renders the panel, recording every call it makes; the server takes each one. */
const panel = (request: RequestView, actor: Actor) => {
  const calls: ClerkCall[] = [];
  const pages: string[] = [];
  const utils = render(<ActionPanel request={request} actor={actor} onCall={async (c) => (calls.push(c), true)} onPage={(p) => pages.push(p)} />);
  const buttons = () => Array.from(utils.container.querySelectorAll('[data-action]')).map((b) => b.getAttribute('data-action'));
  return { ...utils, calls, pages, buttons };
};

const tap = async (text: string) => {
  await act(async () => void fireEvent.click(screen.getByText(text)));
};
/** Types into a dialog field once its web component has drawn its inner textarea. */
const type = async (field: string, value: string) => {
  const el = document.querySelector(`[data-field="${field}"] taro-textarea-core`) as HTMLElement;
  await waitFor(() => expect(el.querySelector('textarea')).toBeTruthy());
  act(() => void el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })));
};

describe('the clerk action panel', () => {
  it('offers the intake clerk pre-check and 不予受理 on a new township matter, and nothing else', () => {
    expect(panel(view(), villageClerk).buttons()).toEqual(['precheck', 'reject']);
  });

  it('offers the township clerk nothing while the matter is still in the village', () => {
    const p = panel(view(), townshipClerk);
    expect(p.buttons()).toEqual([]);
    expect(screen.getByText(/本中心现在没有需要办理的操作/)).toBeTruthy();
  });

  it('offers the handoff after pre-check, and only the receiving clerk may confirm or return it', () => {
    expect(panel(view({ state: 'prechecked' }), villageClerk).buttons()).toEqual(['sendHandoff', 'reject']);
    const inTransit = view({ state: 'in_transit', holderCenterId: 't-001', handoffs: [makeHandoff()] });
    expect(panel(inTransit, townshipClerk).buttons()).toEqual(['confirmHandoff', 'returnHandoff']);
  });

  it('offers the decider accept, then pause and both outcomes, then resume while paused', () => {
    const atTownship = { holderCenterId: 't-001', handoffs: [makeHandoff({ state: 'received' })] };
    expect(panel(view({ ...atTownship, state: 'prechecked' }), townshipClerk).buttons()).toEqual(['accept', 'reject']);
    expect(panel(view({ ...atTownship, state: 'accepted' }), townshipClerk).buttons()).toEqual(['approve', 'pause', 'refuse']);
    expect(panel(view({ ...atTownship, state: 'paused' }), townshipClerk).buttons()).toEqual(['resume']);
  });

  it('offers delivery to the intake clerk once decided, and nothing after delivery', () => {
    expect(panel(view({ state: 'approved' }), villageClerk).buttons()).toEqual(['deliver']);
    expect(panel(view({ state: 'delivered' }), villageClerk).buttons()).toEqual([]);
  });

  it('asks to confirm an action without a reason and sends it with the version seen', async () => {
    const p = panel(view({ version: 3 }), villageClerk);
    await tap('预审通过');
    expect(screen.getByText('材料已核对齐全，确认预审通过？')).toBeTruthy();
    expect(p.calls).toHaveLength(0);
    await tap('确定预审通过');
    expect(p.calls).toEqual([{ action: 'precheck', input: { id: 'req-1', version: 3 } }]);
  });

  it('refuses to send 不予受理 without a reason, then sends the reason typed', async () => {
    const p = panel(view(), villageClerk);
    await tap('不予受理');
    await tap('确定不予受理');
    expect(screen.getByText('请填写不予受理的理由')).toBeTruthy();
    expect(p.calls).toHaveLength(0);
    await type('reason', '不属于本村受理范围');
    await tap('确定不予受理');
    expect(p.calls).toEqual([{ action: 'reject', input: { id: 'req-1', version: 1, reasons: '不属于本村受理范围' } }]);
  });

  it('needs both the reason and the missing materials for 补正', async () => {
    const p = panel(view({ state: 'accepted', holderCenterId: 't-001' }), townshipClerk);
    await tap('要求补正');
    await type('reason', '户口簿照片不清楚');
    await tap('确定要求补正');
    expect(screen.getByText('请写明需要补正的材料')).toBeTruthy();
    await type('missing', '户口簿首页\n户主页');
    await tap('确定要求补正');
    expect(p.calls).toEqual([{ action: 'pause', input: { id: 'req-1', version: 1, reason: '户口簿照片不清楚', missing: ['户口簿首页', '户主页'] } }]);
  });

  it('sends 不予办理 as a refused decision with its reasons, and opens the handoff page instead of a dialog', async () => {
    const p = panel(view({ state: 'accepted', holderCenterId: 't-001' }), townshipClerk);
    await tap('不予办理');
    await type('reason', '不符合申请条件');
    await tap('确定不予办理');
    expect(p.calls[0]).toEqual({ action: 'decide', input: { id: 'req-1', version: 1, outcome: 'refused', reasons: '不符合申请条件' } });
    const q = panel(view({ state: 'prechecked' }), villageClerk);
    await act(async () => void fireEvent.click(q.container.querySelector('[data-action="sendHandoff"]') as HTMLElement));
    expect(q.pages).toEqual(['handoff']);
  });
});
