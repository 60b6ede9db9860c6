import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useDidShow } from '@tarojs/taro';
import { Page, StateView } from '../../components';
import { BOOKING_STATE_ZH_CN, dayLabel } from '../../components/booking.labels';
import { useMyBookings } from '../../hooks/useBookings';
import { useSession } from '../../hooks/useSession';
import { go } from '../../services/routes';
import '../booking.scss';

/** 我的预约: every booking of the caller, latest first; a booked one opens its code. */
export default function MyBookings() {
  const { user } = useSession();
  const mine = useMyBookings(!!user);
  useDidShow(() => mine.reload());
  return (
    <Page title="我的预约">
      <StateView
        loading={user === undefined || (mine.loading && !mine.data)}
        error={mine.error}
        onRetry={mine.reload}
        empty={!mine.data?.items.length}
        emptyText="您还没有预约"
        emptyAction={
          <Button type="primary" onClick={() => go.items()}>
            找事项预约
          </Button>
        }
      >
        {mine.data?.items.map((b) => (
          <View key={b.id} className={`zc-card bk-row ${b.state}`} onClick={() => go.booking(b.id)}>
            <View className="zc-row">
              <Text className="zc-item-name">{b.itemName}</Text>
              <Text className="zc-tag">{BOOKING_STATE_ZH_CN[b.state]}</Text>
            </View>
            <View className="bk-when">
              {dayLabel(b.date)} {b.start}–{b.end}
            </View>
            <View className="zc-muted">{b.center.name}</View>
            {b.state === 'booked' ? <Text className="zc-link">出示预约码 ›</Text> : null}
          </View>
        ))}
      </StateView>
    </Page>
  );
}
