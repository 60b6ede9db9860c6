import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { DayBooking } from '@shared/api.schema';
import { CodeEntry, Page, Section, StateView } from '../../components';
import { BOOKING_STATE_ZH_CN, dayLabel, spacedCode } from '../../components/booking.labels';
import { checkInByCode, markNoShow, useDayBookings } from '../../hooks/useBookings';
import { platform } from '../../platform';
import { go } from '../../services/routes';
import '../parts/clerk.scss';
import './bookings.scss';

const CODE = /^[A-Z0-9]{6}$/;

/** The code in what was scanned or typed (spaces and dashes forgiven); null when it is not one. */
const codeOf = (raw: string): string | null => {
  const c = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return CODE.test(c) ? c : null;
};

/** 今日预约: the day's bookings at the center; check-in by scanning the resident's QR or typing the code; 未到 after the slot. */
export default function ClerkBookingsPage() {
  const day = useDayBookings();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [last, setLast] = useState<DayBooking | null>(null);
  useDidShow(() => day.reload());
  const submit = async (raw: string) => {
    const c = codeOf(raw);
    if (!c) return setError('预约码是居民出示的6位字母或数字');
    setError('');
    const b = await checkInByCode(c);
    if (!b) return;
    setLast(b);
    setCode('');
    void Taro.showToast({ title: '已签到', icon: 'success' });
    day.reload();
  };
  const scan = async () => {
    const scanned = await platform.scanQrCode?.();
    if (typeof scanned === 'string') await submit(scanned);
  };
  const noShow = async (b: DayBooking) => {
    if (await markNoShow(b)) day.reload();
  };
  const now = Date.now();
  const data = day.data;
  const counts = countOf(data?.items ?? []);
  return (
    <Page className="clerk">
      <Section title="预约签到">
        {platform.scanQrCode ? (
          <Button type="primary" size="large" block onClick={() => void scan()}>
            扫居民的预约码签到
          </Button>
        ) : null}
        <CodeEntry
          className="cb-code"
          inputClassName="cf-input"
          label={platform.scanQrCode ? '或输入预约码' : '输入居民出示的预约码'}
          placeholder="6位预约码"
          maxLength={8}
          value={code}
          onChange={(v) => {
            setCode(v);
            setError('');
          }}
          error={error}
          submitLabel="签到"
          onSubmit={() => void submit(code)}
        />
        {last ? (
          <View className="cb-last" data-checked={last.code}>
            已签到：{last.nameMasked ?? '居民'} · {last.itemName} · {last.start}–{last.end}
          </View>
        ) : null}
      </Section>
      <StateView loading={day.loading && !data} error={day.error} onRetry={day.reload}>
        {data ? (
          <Section title={`${dayLabel(data.date)} 预约（${data.total}人）`}>
            <View className="cb-counts">
              已签到 {counts.checked_in} · 待到 {counts.booked} · 未到 {counts.no_show} · 已取消 {counts.cancelled}
            </View>
            {data.items.length ? (
              data.items.map((b) => (
                <View key={b.id} className={`cb-row ${b.state}`} data-booking={b.code}>
                  <View className="zc-row">
                    <Text className="zc-strong">
                      {b.start}–{b.end} {b.nameMasked ?? '居民'}
                    </Text>
                    <Text className={`zc-tag cb-${b.state}`}>{BOOKING_STATE_ZH_CN[b.state]}</Text>
                  </View>
                  <View className="zc-muted">
                    {b.itemName} · 预约码 {spacedCode(b.code)}
                  </View>
                  {b.state === 'booked' && Date.parse(b.endAt) <= now ? (
                    <Text className="zc-link" onClick={() => void noShow(b)}>
                      记为未到 ›
                    </Text>
                  ) : null}
                </View>
              ))
            ) : (
              <View className="zc-muted">今天没有预约</View>
            )}
          </Section>
        ) : null}
      </StateView>
      <View className="clerk-tools">
        <Button size="large" block onClick={go.clerkSchedule}>
          设置预约时段
        </Button>
      </View>
    </Page>
  );
}

const countOf = (items: readonly DayBooking[]) => {
  const c = { booked: 0, checked_in: 0, no_show: 0, cancelled: 0 };
  for (const b of items) c[b.state] += 1;
  return c;
};
