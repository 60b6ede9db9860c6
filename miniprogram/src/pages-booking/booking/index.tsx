import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { Page, Section, StateView } from '../../components';
import { QrGrid } from '../../components/QrGrid';
import { BOOKING_STATE_ZH_CN, chinaClock, dayLabel, spacedCode } from '../../components/booking.labels';
import { cancelBooking, useBooking } from '../../hooks/useBookings';
import { navigateTo, phoneCenter } from '../../hooks/useCenter';
import { usePageParams } from '../../services/routes';
import '../booking.scss';

/** 预约凭证: the code and its QR for the counter, when and where, how to get there, what to bring, and cancelling. */
export default function BookingPage() {
  const { id = '' } = usePageParams();
  const q = useBooking(id);
  const b = q.data?.booking;
  const cancellable = b?.state === 'booked' && Date.now() < Date.parse(b.cancelUntil);
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '取消这个预约？', content: '取消后名额会让给其他人。', confirmText: '取消预约', cancelText: '不取消' });
    if (!confirm || !b || !(await cancelBooking(b))) return;
    void Taro.showToast({ title: '已取消预约', icon: 'success' });
    q.reload();
  };
  return (
    <Page title="预约凭证">
      <StateView loading={q.loading && !b} error={q.error} onRetry={q.reload} empty={!b} emptyText="没有找到这个预约">
        {b ? (
          <>
            <View className={`zc-card bk-ticket ${b.state}`}>
              <View className="zc-row">
                <Text className="zc-strong">{b.itemName}</Text>
                <Text className="zc-tag">{BOOKING_STATE_ZH_CN[b.state]}</Text>
              </View>
              <View className="bk-when">
                {dayLabel(b.date)} {b.start}–{b.end}
              </View>
              {b.state === 'booked' ? (
                <>
                  <View className="bk-qr">
                    <QrGrid text={b.code} />
                  </View>
                  <View className="bk-code-label">预约码（到大厅出示给工作人员）</View>
                  <View className="bk-code" data-code={b.code}>
                    {spacedCode(b.code)}
                  </View>
                </>
              ) : (
                <View className="zc-muted">预约码 {b.code}</View>
              )}
            </View>
            <Section title="去哪里">
              <View className="zc-strong">{b.center.name}</View>
              <View className="bk-line">{b.center.address}</View>
              <View className="zc-muted">{b.center.hours}</View>
              {b.center.location.approximate ? <Text className="zc-note">位置为示意，前往前请电话确认</Text> : null}
              <View className="bk-actions">
                <Button type="primary" onClick={() => navigateTo(b.center)}>
                  导航去这里
                </Button>
                <Button onClick={() => phoneCenter(b.center)}>打电话</Button>
              </View>
            </Section>
            <Section title="请带齐这些材料">
              {b.bring.length ? (
                b.bring.map((m) => (
                  <View key={m.name} className="zc-list-item">
                    <View className="zc-row">
                      <Text>{m.name}</Text>
                      <Text className="zc-muted">
                        {[m.paper ? '原件' : '', m.copies ? `复印件${m.copies}份` : '', m.required ? '' : '如有'].filter(Boolean).join(' · ')}
                      </Text>
                    </View>
                    {m.note ? <View className="zc-muted">{m.note}</View> : null}
                  </View>
                ))
              ) : (
                <View className="zc-muted">无需另带材料，带上身份证即可</View>
              )}
            </Section>
            {b.state === 'booked' ? (
              <View className="bk-cancel">
                {cancellable ? (
                  <Button fill="outline" block onClick={() => void cancel()}>
                    取消预约
                  </Button>
                ) : null}
                <View className="zc-muted">可在 {chinaClock(b.cancelUntil)} 前取消。多次预约不到将暂停在线预约。</View>
              </View>
            ) : null}
          </>
        ) : null}
      </StateView>
    </Page>
  );
}
