import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { SlotView } from '@shared/api.schema';
import { Page, Section, StateView } from '../../components';
import { dayLabel, chinaClock } from '../../components/booking.labels';
import { bookSlot, useSlots } from '../../hooks/useBookings';
import { useCenter } from '../../hooks/useCenter';
import { useCatalogueItem } from '../../hooks/useClerk';
import { useSession } from '../../hooks/useSession';
import { platform } from '../../platform';
import { go, usePageParams } from '../../services/routes';
import { askNoticeConsent } from '../../services/subscribe';
import '../booking.scss';

/** 预约到厅: pick a day and a time at a center for an item (from the guide, or an item of the center). */
export default function BookPage() {
  const { centerId = '', code: given = '', requestId } = usePageParams();
  const { user } = useSession();
  const [code, setCode] = useState(given);
  const item = useCatalogueItem(code || undefined);
  const center = useCenter(code ? '' : centerId);
  const slots = useSlots(centerId);
  const days = useMemo(() => groupByDay(slots.data?.slots ?? []), [slots.data]);
  const [day, setDay] = useState('');
  const [picked, setPicked] = useState<SlotView | null>(null);
  const shownDay = day || days.find((d) => d.slots.some((s) => s.state === 'open'))?.date || days[0]?.date || '';
  const canBook = user?.role === 'resident' || user?.role === 'company';
  const submit = async () => {
    if (!picked || !code) return;
    // WeChat asks for the reminders' consent inside this tap; the browser build has no such thing
    await askNoticeConsent('booking');
    const booking = await bookSlot(picked.id, code, requestId || undefined);
    if (booking) go.booking(booking.id, true);
  };
  const info = slots.data;
  return (
    <Page title="预约到厅">
      <StateView loading={slots.loading && !info} error={slots.error} onRetry={slots.reload} empty={!info} emptyText="没有找到这个服务中心">
        {info ? (
          <>
            <View className="zc-card">
              <View className="zc-item-name">{info.center.name}</View>
              <View className="zc-muted">{info.center.address}</View>
              <View className="zc-muted">{info.center.hours}</View>
            </View>
            {code ? (
              <View className="zc-card bk-item">
                <Text className="zc-muted">办理事项</Text>
                <Text className="zc-strong">{item.data?.item.name ?? '…'}</Text>
                {requestId ? <Text className="zc-muted">为您已提交的这件申请交纸质材料</Text> : null}
              </View>
            ) : (
              <Section title="选择要办的事项">
                {center.data?.items.length ? (
                  center.data.items.map((it) => (
                    <View key={it.code} className="zc-row zc-list-item" onClick={() => setCode(it.code)}>
                      <Text>{it.name}</Text>
                      <Text className="zc-link">选这项 ›</Text>
                    </View>
                  ))
                ) : (
                  <View className="zc-muted">这里暂无可预约事项</View>
                )}
              </Section>
            )}
            {info.blockedUntil ? (
              <View className="zc-card zc-error-text" role="alert">
                您近期多次预约未到，{chinaClock(info.blockedUntil)}前不能在线预约，可直接到大厅办理。
              </View>
            ) : null}
            {days.length ? (
              <Section title="选择日期和时段" plain>
                <View className="bk-days">
                  {days.map((d) => (
                    <View
                      key={d.date}
                      className={`bk-day ${d.date === shownDay ? 'on' : ''}`}
                      onClick={() => {
                        setDay(d.date);
                        setPicked(null);
                      }}
                    >
                      <Text className="bk-day-name">{dayLabel(d.date)}</Text>
                      <Text className="bk-day-left">{d.open ? `余${d.left}个` : '已满'}</Text>
                    </View>
                  ))}
                </View>
                <View className="zc-card">
                  {days
                    .find((d) => d.date === shownDay)
                    ?.slots.map((s) => (
                      <View
                        key={s.id}
                        className={`bk-slot ${s.state} ${picked?.id === s.id ? 'on' : ''}`}
                        onClick={() => s.state === 'open' && setPicked(s)}
                        aria-disabled={s.state !== 'open'}
                        data-slot={s.id}
                      >
                        <Text className="bk-slot-time">
                          {s.start}–{s.end}
                        </Text>
                        <Text className="bk-slot-left">{s.state === 'past' ? '已过' : s.state === 'full' ? '已约满' : `余 ${s.left} 个`}</Text>
                      </View>
                    ))}
                </View>
              </Section>
            ) : (
              <View className="zc-card zc-muted">
                {info.coveredUntil ? '这个中心近两周没有开放预约的时段，可直接到大厅办理或电话咨询。' : '节假日安排尚未公布，暂不能预约。'}
              </View>
            )}
            <View className="zc-footer-space" />
            <View className="zc-footer-bar">
              {canBook ? (
                <Button type="primary" size="large" block disabled={!picked || !code || !!info.blockedUntil} onClick={() => void submit()}>
                  {picked ? `预约 ${dayLabel(picked.date)} ${picked.start}` : code ? '请选择时段' : '请先选择事项'}
                </Button>
              ) : (
                <Button type="primary" size="large" block onClick={() => (platform.hasDevLogin ? go.devLogin() : go.tab('profile'))}>
                  {user ? '居民或企业用户可以预约' : '登录后预约'}
                </Button>
              )}
            </View>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}

type Day = { date: string; slots: SlotView[]; left: number; open: boolean };

/** The slots by day, in order, with the places left that day. */
const groupByDay = (slots: readonly SlotView[]): Day[] => {
  const days = new Map<string, Day>();
  for (const s of slots) {
    const d = days.get(s.date) ?? { date: s.date, slots: [], left: 0, open: false };
    d.slots.push(s);
    if (s.state === 'open') {
      d.left += s.left;
      d.open = true;
    }
    days.set(s.date, d);
  }
  return [...days.values()];
};
