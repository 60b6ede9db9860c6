import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { PersonView } from '@shared/api.schema';
import { VillagePicker } from '../../components';
import { change } from '../parts/admin.data';

/** The clerks by center: move one to another center, or take the role away. Applies at their next step. */
export function PeopleList({ items, onChanged }: { items: PersonView[]; onChanged: () => void }) {
  const [moving, setMoving] = useState<PersonView | null>(null);
  const revoke = async (p: PersonView) => {
    const sure = await Taro.showModal({
      title: '撤销角色',
      content: `撤销后，${p.nameMasked ?? '这位工作人员'}将不能再办理${p.centerName ?? ''}的事项。`,
      confirmText: '撤销',
    });
    if (sure.confirm && (await change('revokeRole', { userId: p.id, version: p.version }))) onChanged();
  };
  if (!items.length) return <View className="zc-muted">还没有工作人员</View>;
  return (
    <View>
      {[...items]
        .sort((a, b) => (a.centerName ?? '').localeCompare(b.centerName ?? '', 'zh-CN'))
        .map((p) => (
          <View key={p.id} className="admin-line" data-person={p.id}>
            <View className="zc-row">
              <Text className="zc-strong">{p.centerName ?? p.centerId ?? '—'}</Text>
              <Text className="zc-muted">{p.nameMasked ?? '工作人员'}</Text>
            </View>
            <View className="admin-actions">
              <Button size="small" onClick={() => setMoving(p)}>
                调到其他中心
              </Button>
              <Button size="small" type="danger" fill="outline" onClick={() => void revoke(p)}>
                撤销角色
              </Button>
            </View>
          </View>
        ))}
      <VillagePicker
        visible={!!moving}
        withTownshipCenter
        onClose={() => setMoving(null)}
        onPick={async (c) => {
          const p = moving;
          setMoving(null);
          if (p && (await change('moveRole', { userId: p.id, version: p.version, centerId: c.id }))) onChanged();
        }}
      />
    </View>
  );
}
