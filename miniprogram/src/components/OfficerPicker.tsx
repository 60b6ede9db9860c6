import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionOutput, CompanyView, WireError } from '@shared/api.schema';
import { call, type Answer } from '../services/api';
import { FieldError } from './FieldError';
import './OfficerPicker.scss';

type Person = ActionOutput<'company', 'officerCandidates'>['items'][number];

/** What the picker asks the server: the clerks to choose from, and the choice. */
export type OfficerCalls = {
  candidates: () => Promise<Answer<ActionOutput<'company', 'officerCandidates'>>>;
  choose: (officerId: string) => Promise<Answer<ActionOutput<'company', 'setOfficer'>>>;
};

/**
 * The picker's calls: the company administrator's for their acting company (no company given), or
 * a clerk's (or the city administrator's) for one company at the version they saw, so a choice
 * someone else made meanwhile answers CONFLICT instead of being overwritten unseen.
 */
export const officerCalls = (company?: { id: string; version: number }): OfficerCalls => ({
  candidates: () => call('company', 'officerCandidates', company ? { companyId: company.id } : {}, { loading: '正在加载', toast: false }),
  choose: (officerId) =>
    call('company', 'setOfficer', company ? { companyId: company.id, officerId, version: company.version } : { officerId }, {
      loading: '正在更换',
      toast: false,
    }),
});

/** A clerk as the picker names them: the masked name, or a numbered 工作人员 when none is on record. */
const nameOf = (p: Person, i: number) => p.nameMasked ?? `工作人员${i + 1}`;

type Props = {
  /** the officer now, marked 现任 and not chosen again */
  current?: string;
  calls: OfficerCalls;
  onChanged: (company: CompanyView) => void;
  /** after CONFLICT: read the company again */
  onStale?: () => void;
  /** the opening link's text */
  label?: string;
};

/**
 * Choosing a company's 企业管家 among the clerks of its home center (the township's center, or the
 * zone branch): the list, one chosen, a confirmation, then the change. Errors show inline with
 * their Chinese message (OFFICER_NOT_CLERK, CONFLICT with a way to refresh). The company
 * administrator's home and the clerk's 辖区企业 page use it.
 */
export function OfficerPicker({ current, calls, onChanged, onStale, label = '更换企业管家' }: Props) {
  const [people, setPeople] = useState<Person[] | null>(null);
  const [picked, setPicked] = useState<{ person: Person; name: string } | null>(null);
  const [error, setError] = useState<WireError | null>(null);
  const close = () => {
    setPeople(null);
    setPicked(null);
    setError(null);
  };
  const open = async () => {
    setError(null);
    const a = await calls.candidates();
    if (a.ok) setPeople(a.data.items);
    else setError(a.error);
  };
  const confirm = async () => {
    if (!picked) return;
    const a = await calls.choose(picked.person.id);
    if (!a.ok) return setError(a.error);
    close();
    onChanged(a.data.company);
  };
  const refresh = () => {
    close();
    onStale?.();
  };
  const problem = error ? (
    <View className="op-error" data-error={error.code}>
      <FieldError message={error.message} />
      {error.code === 'CONFLICT' && onStale ? (
        <Text className="zc-link" onClick={refresh}>
          刷新后重选 ›
        </Text>
      ) : null}
    </View>
  ) : null;
  if (!people)
    return (
      <View className="op">
        <Text className="zc-link op-open" onClick={() => void open()}>
          {label} ›
        </Text>
        {problem}
      </View>
    );
  return (
    <View className="op op-panel" data-officer-picker="true">
      <View className="zc-muted">从所在镇街（开发区分局）的工作人员中选择：</View>
      <View className="op-options">
        {people.map((p, i) =>
          p.id === current ? (
            <Text key={p.id} className="op-option now" data-candidate={p.id}>
              {nameOf(p, i)}（现任）
            </Text>
          ) : (
            <Text
              key={p.id}
              className={`op-option ${picked?.person.id === p.id ? 'on' : ''}`}
              data-candidate={p.id}
              onClick={() => {
                setError(null);
                setPicked({ person: p, name: nameOf(p, i) });
              }}
            >
              {nameOf(p, i)}
            </Text>
          ),
        )}
      </View>
      {!people.some((p) => p.id !== current) ? <View className="zc-muted">本中心暂无其他工作人员，可请市级管理员在“邀请与人员”中邀请。</View> : null}
      {picked ? (
        <View className="op-confirm" data-confirm="officer">
          将企业管家改为 {picked.name}？今后该企业的诉求先由其受理。
        </View>
      ) : null}
      {problem}
      <View className="op-actions">
        {picked ? (
          <Button type="primary" onClick={() => void confirm()}>
            确认更换
          </Button>
        ) : null}
        <Button onClick={close}>取消</Button>
      </View>
    </View>
  );
}
