import { View, Text } from '@tarojs/components';
import { Popup, Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CenterSummary } from '@shared/api.schema';
import { useCentersIn, useTownships } from '../hooks/useDirectory';
import { StateView } from './StateView';

type Props = {
  visible: boolean;
  onClose: () => void;
  onPick: (center: Pick<CenterSummary, 'id' | 'name'>, townshipName: string) => void;
  /** also offer the township's own center above its villages (picking a clerk's center) */
  withTownshipCenter?: boolean;
};
type Township = { code: string; name: string; centerId: string };

/** Picks a home village in two steps: the township, then its village (or, when asked, the township's own center). */
export function VillagePicker({ visible, onClose, onPick, withTownshipCenter }: Props) {
  const [township, setTownship] = useState<Township | null>(null);
  const townships = useTownships();
  const villages = useCentersIn(township?.code, 'village');
  return (
    <Popup
      visible={visible}
      position="bottom"
      round
      closeable
      onClose={onClose}
      title={township ? `选择${township.name}的${withTownshipCenter ? '服务中心' : '村居'}` : '先选择所在镇街'}
      style={{ height: '75%' }}
    >
      <View className="zc-page" style={{ minHeight: 'auto' }}>
        {township ? (
          <View>
            <Text className="zc-link" onClick={() => setTownship(null)}>
              ‹ 重新选择镇街
            </Text>
            {withTownshipCenter ? (
              <View className="zc-list-item" onClick={() => onPick({ id: township.centerId, name: `${township.name}为民服务中心` }, township.name)}>
                <Text className="zc-item-name">{township.name}为民服务中心（镇街本级）</Text>
              </View>
            ) : null}
            <StateView
              loading={villages.loading}
              error={villages.error}
              onRetry={villages.reload}
              empty={!villages.data?.items.length}
              emptyText="这个镇街暂无村居数据"
            >
              {villages.data?.items.map((v) => (
                <View key={v.id} className="zc-list-item" onClick={() => onPick(v, township.name)}>
                  <Text className="zc-item-name">{v.name}</Text>
                </View>
              ))}
            </StateView>
          </View>
        ) : (
          <StateView loading={townships.loading} error={townships.error} onRetry={townships.reload} empty={!townships.data?.length}>
            <View className="zc-wrap">
              {townships.data?.map((t) => (
                <Button key={t.code} onClick={() => setTownship(t)}>
                  {t.name}
                </Button>
              ))}
            </View>
          </StateView>
        )}
      </View>
    </Popup>
  );
}
