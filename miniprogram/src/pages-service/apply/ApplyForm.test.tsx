/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ActionInput, ActionOutput } from '@shared/api.schema';
import type { Item } from '@shared/catalogue.schema';
import type { RouteDecision } from '@shared/routing.schema';
import { idCheckChar } from '@shared/validators';
import type { Answer } from '../../services/api';
import type { ApplyDeps } from '../../hooks/useApplyForm';
import { ApplyForm } from './ApplyForm';

type Sent = ActionInput<'requests', 'submit'>;
type Out = ActionOutput<'requests', 'submit'>;

const body = '37088319620315042';
const GOOD_ID = body + idCheckChar(body);
const BAD_ID = body + (idCheckChar(body) === '1' ? '2' : '1');

const item: Item = {
  code: 'ZC-T-0002',
  name: '最低生活保障停发',
  audience: 'person',
  category: '民政',
  lifeEvents: ['社会救助'],
  level: 'township',
  lists: [],
  materials: [
    { name: '户口簿', paper: false, copies: 0, required: true },
    { name: '申请表', paper: true, copies: 1, required: true },
  ],
  conditions: [],
  fee: '不收费',
  promisedDays: 11,
  statutoryDays: 15,
  kind: 'promised',
  visits: 1,
  department: '社会事务办',
  sample: true,
  formFields: [
    { key: 'idNumber', label: '申请人身份证号码', type: 'idNumber', required: true },
    { key: 'householdSize', label: '家庭人口数', type: 'number', required: true },
    { key: 'reason', label: '申请事由', type: 'textarea', required: true, maxLength: 500 },
  ],
};
const village = { id: 'v-101-001', kind: 'village' as const, name: '庞家集村为民服务中心' };
const township = { id: 'ts-101', kind: 'township' as const, name: '香城镇为民服务中心' };
const route: RouteDecision = {
  rule: 'TOWNSHIP',
  decider: township,
  explanation: '由镇上审批',
  intake: [
    { channel: 'home_village', center: village, path: [village, township], note: '帮办代办' },
    { channel: 'decider', center: township, path: [township], note: '直接办理' },
  ],
};

/** The form's outside world, recording what it was asked: the server answer is decided by each test. */
const world = (answer: () => Promise<Answer<Out>>) => {
  const sent: Sent[] = [];
  const done: Out[] = [];
  const deps: ApplyDeps = {
    send: (input) => {
      sent.push(input);
      return answer();
    },
    pick: async () => [{ path: 'blob:photo-1' }],
    upload: async () => 'file-1',
    onDone: (out) => done.push(out),
  };
  return { sent, done, deps };
};

const type = (container: HTMLElement, key: string, value: string) => {
  const el = container.querySelector(`[data-field="${key}"] taro-input-core, [data-field="${key}"] taro-textarea-core`) as HTMLElement;
  act(() => void el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })));
};
const valueOf = (container: HTMLElement, key: string) =>
  (container.querySelector(`[data-field="${key}"] taro-input-core, [data-field="${key}"] taro-textarea-core`) as HTMLElement & { value?: string }).value;
const tap = async (text: string) => {
  await act(async () => void fireEvent.click(screen.getByText(text)));
};
const addPhoto = async (container: HTMLElement) => {
  const button = container.querySelector('[data-material="户口簿"] taro-button-core') as HTMLElement;
  await act(async () => void fireEvent.click(button));
};

/** Fills the form (ID number, household size, reason) and adds one photo, as a resident does before submitting. */
const fillWithPhoto = async (container: HTMLElement, idNumber: string, reason = '收入增加') => {
  type(container, 'idNumber', idNumber);
  type(container, 'householdSize', '3');
  type(container, 'reason', reason);
  await addPhoto(container);
};

const accepted = (): Promise<Answer<Out>> =>
  Promise.resolve({ ok: true, data: { request: { id: 'req-1', trackingNo: 'ZC20261128ABCDEF' } as Out['request'] } });

describe('the apply form', () => {
  it('regression: a tap on the bar sends nothing; the confirmation lists the form, the materials and where it goes', async () => {
    const w = world(accepted);
    const { container } = render(<ApplyForm item={item} route={route} deps={w.deps} />);
    await fillWithPhoto(container, GOOD_ID);
    await tap('提交申请');
    expect(w.sent).toHaveLength(0);
    const sheet = screen.getByRole('dialog', { name: '请核对后提交' });
    expect(sheet.querySelector('[data-confirm-field="idNumber"]')?.textContent).toBe(`申请人身份证号码${GOOD_ID.slice(0, 4)}**********${GOOD_ID.slice(-4)}`);
    expect(sheet.querySelector('[data-confirm-field="reason"]')?.textContent).toBe('申请事由收入增加');
    expect(sheet.querySelector('[data-confirm-material="户口簿"]')?.textContent).toBe('户口簿已拍照1张');
    expect(sheet.querySelector('[data-confirm-material="申请表"]')?.textContent).toContain('原件带到提交地点');
    expect(sheet.querySelector('[data-confirm="destination"]')?.textContent).toContain('庞家集村为民服务中心由香城镇为民服务中心审批');
    await tap('返回修改');
    expect(w.sent).toHaveLength(0);
    await tap('提交申请');
    await tap('确认提交');
    expect(w.sent).toHaveLength(1);
  });

  it('starts with the values the bound identity fills in', () => {
    const w = world(accepted);
    const { container } = render(<ApplyForm item={item} route={route} deps={w.deps} initialValues={{ householdSize: '3' }} />);
    expect(valueOf(container, 'householdSize')).toBe('3');
    expect(screen.getByText('已按您的实名信息填好本人信息，请核对')).toBeTruthy();
  });

  it("prefills the bound ID number masked where the form asks for the applicant's own, and sends it back unchanged", async () => {
    const w = world(accepted);
    const own = { ...item, formFields: item.formFields.map((f) => (f.key === 'idNumber' ? { ...f, prefill: 'ownIdNumber' as const } : f)) };
    const { container } = render(<ApplyForm item={own} route={route} deps={w.deps} own={{ idMasked: '3708**********0427' }} />);
    expect(valueOf(container, 'idNumber')).toBe('3708**********0427');
    expect(screen.getByText(/已填入您实名绑定的身份证号/)).toBeTruthy();
    type(container, 'householdSize', '3');
    type(container, 'reason', '收入增加');
    await addPhoto(container);
    await tap('提交申请');
    await tap('确认提交');
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0].form.idNumber).toBe('3708**********0427');
  });

  it('says what is missing under each field and sends nothing', async () => {
    const w = world(accepted);
    render(<ApplyForm item={item} route={route} deps={w.deps} />);
    await tap('提交申请');
    expect(screen.getByText('请填写申请人身份证号码')).toBeTruthy();
    expect(screen.getByText('请填写家庭人口数')).toBeTruthy();
    expect(screen.getByText('请填写申请事由')).toBeTruthy();
    expect(screen.getByText('请拍照上传户口簿')).toBeTruthy();
    expect(screen.getByText('还有4处需要修改，请看红色提示')).toBeTruthy();
    expect(w.sent).toHaveLength(0);
  });

  it('rejects a wrong ID checksum and keeps every value typed', async () => {
    const w = world(accepted);
    const { container } = render(<ApplyForm item={item} route={route} deps={w.deps} />);
    type(container, 'idNumber', BAD_ID);
    type(container, 'householdSize', '3');
    type(container, 'reason', '收入增加');
    await tap('提交申请');
    expect(screen.getByText('身份证号码不正确，请核对后重新输入')).toBeTruthy();
    expect([valueOf(container, 'idNumber'), valueOf(container, 'householdSize'), valueOf(container, 'reason')]).toEqual([BAD_ID, '3', '收入增加']);
    expect(w.sent).toHaveLength(0);
  });

  it('keeps the values and shows the server field message when the server refuses the form', async () => {
    const w = world(async () => ({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '填写的内容有误，请按提示修改', fields: { 'form.reason': '申请事由过于简单' } },
    }));
    const { container } = render(<ApplyForm item={item} route={route} deps={w.deps} />);
    await fillWithPhoto(container, GOOD_ID, '无');
    await tap('提交申请');
    await tap('确认提交');
    expect(w.sent).toHaveLength(1);
    expect(screen.getByText('申请事由过于简单')).toBeTruthy();
    expect(screen.getByText('填写的内容有误，请按提示修改')).toBeTruthy();
    expect([valueOf(container, 'idNumber'), valueOf(container, 'reason')]).toEqual([GOOD_ID, '无']);
    expect(w.done).toHaveLength(0);
  });

  it('sends one request for a double tap, with the form, the photo, the chosen center and one idempotency key', async () => {
    let release: () => void = () => undefined;
    const w = world(
      () => new Promise((resolve) => (release = () => resolve({ ok: true, data: { request: { id: 'req-1', trackingNo: 'ZC1' } as Out['request'] } }))),
    );
    const { container } = render(<ApplyForm item={item} route={route} deps={w.deps} />);
    await fillWithPhoto(container, GOOD_ID.toLowerCase());
    fireEvent.click(container.querySelectorAll('.intake')[1]);
    const submit = screen.getByText('提交申请');
    await act(async () => {
      fireEvent.click(submit);
      fireEvent.click(submit);
    });
    expect(w.sent).toHaveLength(0);
    const confirm = screen.getByText('确认提交');
    await act(async () => {
      fireEvent.click(confirm);
      fireEvent.click(confirm);
    });
    expect(screen.getByText('正在提交…')).toBeTruthy();
    await act(async () => release());
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0]).toMatchObject({ itemCode: 'ZC-T-0002', intakeCenterId: 'ts-101', materials: [{ name: '户口簿', fileId: 'file-1' }] });
    expect(w.sent[0].form).toMatchObject({ householdSize: '3', reason: '收入增加' });
    expect(w.sent[0].idempotencyKey.length).toBeGreaterThanOrEqual(8);
    expect(w.done).toHaveLength(1);
  });

  it('reuses the same idempotency key when the resident submits again after a failure', async () => {
    let fail = true;
    const w = world(async () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } } : accepted()));
    const { container } = render(<ApplyForm item={item} route={route} deps={w.deps} />);
    await fillWithPhoto(container, GOOD_ID);
    await tap('提交申请');
    await tap('确认提交');
    expect(screen.getByText('网络不通，请检查网络后重试')).toBeTruthy();
    fail = false;
    await tap('提交申请');
    await tap('确认提交');
    expect(w.sent).toHaveLength(2);
    expect(w.sent[1].idempotencyKey).toBe(w.sent[0].idempotencyKey);
    expect(w.done).toHaveLength(1);
  });
});
