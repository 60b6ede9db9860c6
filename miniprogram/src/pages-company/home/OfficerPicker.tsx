import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { call } from '../../services/api';

type Person = { id: string; nameMasked?: string };

/** The administrator chooses another 企业管家 among the clerks of the company's home center. */
export function OfficerPicker({ current, onChanged }: { current?: string; onChanged: () => void }) {
  const [people, setPeople] = useState<Person[] | null>(null);
  const open = async () => {
    const a = await call('company', 'officerCandidates', {}, { loading: '正在加载' });
    if (a.ok) setPeople(a.data.items);
  };
  const pick = async (officerId: string) => {
    const a = await call('company', 'setOfficer', { officerId }, { loading: '正在更换' });
    if (a.ok) {
      setPeople(null);
      onChanged();
    }
  };
  if (!people)
    return (
      <Text className="zc-link" onClick={() => void open()}>
        更换企业管家 ›
      </Text>
    );
  return (
    <View data-officer-picker="true">
      <View className="zc-muted">从所在镇街（开发区分局）的工作人员中选择：</View>
      <View className="co-options">
        {people.map((p) => (
          <Text key={p.id} className={`co-option ${p.id === current ? 'on' : ''}`} onClick={() => void pick(p.id)}>
            {p.nameMasked ?? '工作人员'}
          </Text>
        ))}
      </View>
      {!people.length ? <View className="zc-muted">暂无可选的工作人员</View> : null}
      <Button size="small" onClick={() => setPeople(null)}>
        取消
      </Button>
    </View>
  );
}
