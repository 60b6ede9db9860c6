import { View, Text } from '@tarojs/components';
import { Popup, Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CenterSummary } from '@shared/api.schema';
import { useCentersIn, useTownships } from '../hooks/useDirectory';
import { StateView } from './StateView';
import { SearchField } from './SearchField';

type Props = {
  visible: boolean;
  onClose: () => void;
  onPick: (center: Pick<CenterSummary, 'id' | 'name'>, townshipName: string) => void;
  /** picking a clerk's center: also offer the township's own center and its bank branches above its villages */
  withTownshipCenter?: boolean;
};
type Township = { code: string; name: string; centerId: string };

/** Keeps the centers whose name holds the typed words (a township has up to 76 villages). */
export const matchingName = <T extends { name: string }>(centers: readonly T[], q: string): T[] => {
  const words = q.trim();
  return words ? centers.filter((c) => c.name.includes(words)) : [...centers];
};

/** Picks a home village in two steps: the township, then its village (found by typing part of its name). */
export function VillagePicker({ visible, onClose, onPick, withTownshipCenter }: Props) {
  const [township, setTownship] = useState<Township | null>(null);
  const [q, setQ] = useState('');
  const townships = useTownships();
  const villages = useCentersIn(township?.code, 'village');
  const banks = useCentersIn(withTownshipCenter ? township?.code : undefined, 'bank');
  const shown = matchingName(villages.data?.items ?? [], q);
  const back = () => {
    setTownship(null);
    setQ('');
  };
  return (
    <Popup
      visible={visible}
      position="bottom"
      round
      closeable
      onClose={onClose}
      title={township ? `选择${township.name}的${withTownshipCenter ? '服务中心' : '村居'}` : '先选择所在镇街'}
      style={{ height: '80%' }}
    >
      <View className="zc-page" style={{ minHeight: 'auto' }}>
        {township ? (
          <View>
            <Text className="zc-link" onClick={back}>
              ‹ 重新选择镇街
            </Text>
            <SearchField className="vp-search" placeholder="输入村居名称中的字，如：庞家" value={q} onChange={setQ} onClear={() => setQ('')} />
            {withTownshipCenter && !q ? (
              <>
                <View className="zc-list-item" onClick={() => onPick({ id: township.centerId, name: `${township.name}为民服务中心` }, township.name)}>
                  <Text className="zc-item-name">{township.name}为民服务中心（镇街本级）</Text>
                </View>
                {banks.data?.items.map((b) => (
                  <View key={b.id} className="zc-list-item" onClick={() => onPick(b, township.name)}>
                    <Text className="zc-item-name">{b.name}</Text>
                  </View>
                ))}
              </>
            ) : null}
            <StateView
              loading={villages.loading}
              error={villages.error}
              onRetry={villages.reload}
              empty={!shown.length}
              emptyText={q ? `${township.name}没有名称含“${q.trim()}”的村居` : '这个镇街暂无村居数据'}
            >
              {shown.map((v) => (
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
