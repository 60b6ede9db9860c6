import { View, Text } from '@tarojs/components';
import { LIFE_EVENTS } from '@shared/catalogue.schema';
import { LIFE_EVENT_BADGE } from '../../labels.zh-CN';
import { go } from '../../services/routes';

/** The life events residents start from (一件事), the first eight on the home page. */
const HOME_EVENTS = LIFE_EVENTS.slice(0, 8);

/** A grid of life-event entries, each opening the items of that event. */
export function LifeEventGrid() {
  return (
    <View className="home-events">
      {HOME_EVENTS.map((e) => (
        <View key={e} className="home-event" onClick={() => go.items({ lifeEvent: e, title: e })}>
          <Text className="home-event-icon" style={{ background: LIFE_EVENT_BADGE[e].color }}>
            {LIFE_EVENT_BADGE[e].char}
          </Text>
          <Text className="home-event-name">{e}</Text>
        </View>
      ))}
    </View>
  );
}
