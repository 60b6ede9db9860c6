import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SearchHelp as Help } from '@shared/api.schema';
import { platform } from '../../platform';
import { go } from '../../services/routes';
import { LIFE_EVENT_BADGE } from '../../labels.zh-CN';
import { distanceText } from '../../components';

const WHOSE = { nearest: '离您最近的服务中心', home: '您所在村居的服务中心', city: '市政务服务中心' } as const;

/** When a search finds nothing: a center to phone and ask, and the life events to browse instead. */
export function SearchHelp({ q, help }: { q: string; help: Help }) {
  const { center } = help;
  const distance = distanceText(center?.distanceKm);
  return (
    <View className="items-help">
      <View className="zc-card">
        <View className="zc-state-title">没有找到相关事项</View>
        <View>
          您搜的是：<Text className="zc-strong">{q}</Text>
        </View>
        <View className="zc-muted">换个说法试试，比如“低保”“建房”“社保卡”；也可以打电话问问工作人员。</View>
      </View>
      {center ? (
        <View className="zc-card items-help-center">
          <View className="zc-muted">
            {WHOSE[help.because]}
            {distance ? `（${distance}）` : ''}
          </View>
          <View className="zc-item-name">{center.name}</View>
          <View>
            电话：<Text className="zc-strong">{center.phone}</Text>
          </View>
          <View className="zc-muted">{center.hours}</View>
          <View className="items-help-actions">
            <Button type="primary" onClick={() => platform.callPhone(center.phone)}>
              打电话问问
            </Button>
            <Button onClick={() => go.center(center.id)}>查看中心</Button>
          </View>
        </View>
      ) : null}
      <View className="zc-section-title">
        <Text>按生活事项找</Text>
      </View>
      <View className="zc-card items-help-events">
        {help.lifeEvents.map((e) => (
          <View key={e} className="items-help-event" onClick={() => go.items({ lifeEvent: e, title: e })}>
            <Text className="items-help-event-icon" style={{ background: LIFE_EVENT_BADGE[e].color }}>
              {LIFE_EVENT_BADGE[e].char}
            </Text>
            <Text className="items-help-event-name">{e}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
