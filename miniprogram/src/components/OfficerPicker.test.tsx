/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ActionOutput, CompanyView, WireError } from '@shared/api.schema';
import { MESSAGES_ZH_CN } from '@shared/messages.zh-CN';
import type { Answer } from '../services/api';
import { OfficerPicker, type OfficerCalls } from './OfficerPicker';

type Candidates = ActionOutput<'company', 'officerCandidates'>;
type Chosen = ActionOutput<'company', 'setOfficer'>;

const PEOPLE: Candidates = { items: [{ id: 'clerk-zone', nameMasked: '开发*代办员' }, { id: 'wx-li', nameMasked: '李*' }, { id: 'wx-anon' }] };
const company = (officerId: string, name: string): CompanyView => ({
  id: 'co-1',
  version: 3,
  creditCode: '91370883MA3C4K2L15',
  name: '邹城示例新材料有限公司',
  location: 'zone',
  locationName: '经济开发区',
  homeCenterId: 'zone',
  officer: {
    userId: officerId,
    centerId: 'zone',
    nameMasked: name,
    assignedBy: 'clerk-zone',
    assignedAt: '2026-12-01T02:00:00.000Z',
    centerName: '经济开发区分局',
  },
});
const failure = (code: WireError['code']): Answer<never> => ({ ok: false, error: { code, message: MESSAGES_ZH_CN[code] } });

/** The picker's outside world, recording each choice: the answers are decided by each test. */
const world = (chosen: (officerId: string) => Answer<Chosen>, candidates: Answer<Candidates> = { ok: true, data: PEOPLE }) => {
  const choices: string[] = [];
  const calls: OfficerCalls = {
    candidates: async () => candidates,
    choose: async (officerId) => {
      choices.push(officerId);
      return chosen(officerId);
    },
  };
  return { choices, calls };
};

const tap = async (text: string) => {
  await act(async () => void fireEvent.click(screen.getByText(text)));
};
const chips = (container: HTMLElement) => Array.from(container.querySelectorAll('[data-candidate]')).map((c) => c.textContent);

describe('choosing the 企业管家', () => {
  it('lists the clerks of the home center with the officer marked 现任, asks before the change, and hands back the company', async () => {
    const { choices, calls } = world((id) => ({ ok: true, data: { company: company(id, '李*') } }));
    const changed: CompanyView[] = [];
    const { container } = render(<OfficerPicker current="clerk-zone" calls={calls} onChanged={(c) => changed.push(c)} />);
    await tap('更换企业管家 ›');
    expect(chips(container)).toEqual(['开发*代办员（现任）', '李*', '工作人员3']);
    // the officer now is not chosen again
    await tap('开发*代办员（现任）');
    expect(container.querySelector('[data-confirm]')).toBeNull();
    await tap('李*');
    expect(container.querySelector('[data-confirm="officer"]')?.textContent).toBe('将企业管家改为 李*？今后该企业的诉求先由其受理。');
    await tap('确认更换');
    expect(choices).toEqual(['wx-li']);
    expect(changed.map((c) => c.officer?.userId)).toEqual(['wx-li']);
    expect(container.querySelector('[data-officer-picker]')).toBeNull();
  });

  it('shows OFFICER_NOT_CLERK inline, read out on appearance, and keeps the list open to choose again', async () => {
    const { calls } = world(() => failure('OFFICER_NOT_CLERK'));
    const changed: CompanyView[] = [];
    const { container } = render(<OfficerPicker calls={calls} onChanged={(c) => changed.push(c)} label="指定企业管家" />);
    await tap('指定企业管家 ›');
    await tap('工作人员3');
    await tap('确认更换');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('企业管家须是企业所在镇街（或开发区分局）的工作人员');
    expect(container.querySelector('[data-error="OFFICER_NOT_CLERK"]')).not.toBeNull();
    expect(container.querySelector('[data-officer-picker]')).not.toBeNull();
    expect(changed).toEqual([]);
    // choosing another clears the error
    await tap('李*');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on CONFLICT says someone changed it and offers to refresh, which closes the list and reads the company again', async () => {
    const { calls } = world(() => failure('CONFLICT'));
    let stale = 0;
    const { container } = render(<OfficerPicker current="clerk-zone" calls={calls} onChanged={() => undefined} onStale={() => (stale += 1)} />);
    await tap('更换企业管家 ›');
    await tap('李*');
    await tap('确认更换');
    expect(screen.getByRole('alert').textContent).toBe('这条记录刚被别人修改过，请刷新后再试');
    expect(container.querySelector('[data-error="CONFLICT"]')).not.toBeNull();
    await tap('刷新后重选 ›');
    expect(stale).toBe(1);
    expect(container.querySelector('[data-officer-picker]')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the center has nobody else, and shows a list that failed to load inline', async () => {
    const alone = world(() => failure('INTERNAL'), { ok: true, data: { items: [{ id: 'clerk-zone', nameMasked: '开发*代办员' }] } });
    const first = render(<OfficerPicker current="clerk-zone" calls={alone.calls} onChanged={() => undefined} />);
    await tap('更换企业管家 ›');
    expect(first.container.textContent).toContain('本中心暂无其他工作人员');
    expect(screen.queryByText('确认更换')).toBeNull();
    first.unmount();
    const refused = world(() => failure('INTERNAL'), failure('FORBIDDEN'));
    const second = render(<OfficerPicker calls={refused.calls} onChanged={() => undefined} />);
    await tap('更换企业管家 ›');
    expect(second.container.querySelector('[data-error="FORBIDDEN"]')?.textContent).toBe(MESSAGES_ZH_CN.FORBIDDEN);
    expect(second.container.querySelector('[data-officer-picker]')).toBeNull();
  });
});
