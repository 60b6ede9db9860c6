import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useDidShow } from '@tarojs/taro';
import { Page, Section, StateView, UnreadBadge } from '../../components';
import { useUnread } from '../../hooks/useUnread';
import { useClerkHome } from '../../hooks/useClerk';
import { useCenter } from '../../hooks/useCenter';
import { useSession } from '../../hooks/useSession';
import { go } from '../../services/routes';
import { QueueBoard } from './QueueBoard';
import { TodayFigures } from './TodayFigures';
import '../parts/clerk.scss';

/** 代办员工作台: what the center has to do, by queue, and what it did today. */
export default function ClerkHome() {
  const { user } = useSession();
  const home = useClerkHome();
  const center = useCenter(user?.centerId ?? '');
  useDidShow(() => home.reload());
  const unread = useUnread();
  const notClerk = user !== undefined && user?.role !== 'clerk';
  return (
    <Page className="clerk">
      <View className="clerk-hello">
        <View className="clerk-center">{center.data?.center.name ?? '本中心'}</View>
        <Text className="clerk-who">{user?.nameMasked ?? '代办员'}</Text>
      </View>
      <StateView
        loading={user === undefined || (home.loading && !home.data)}
        error={notClerk ? undefined : home.error}
        onRetry={home.reload}
        empty={notClerk}
        emptyText="只有服务中心的工作人员可以进入工作台"
      >
        {home.data ? (
          <>
            <QueueBoard counts={home.data.counts} dueSoon={home.data.dueSoon} onOpen={go.clerkQueue} />
            <Section title="今日办理">
              <TodayFigures today={home.data.today} />
            </Section>
            <View className="clerk-tools">
              <Button type="primary" size="large" block onClick={() => go.clerkConfirm()}>
                签收流转单（扫码或输入签收码）
              </Button>
              <Button size="large" block onClick={go.clerkDemands}>
                企业诉求（云上宠企）
              </Button>
              <Button size="large" block onClick={go.clerkClaims}>
                企业认领核验
              </Button>
              {center.data?.center.kind === 'township' || center.data?.center.kind === 'zone' ? (
                <Button size="large" block onClick={go.clerkCompanies}>
                  辖区企业（企业管家）
                </Button>
              ) : null}
              <Button size="large" block onClick={go.clerkBookings}>
                今日预约（签到）
              </Button>
              {center.data?.center.kind === 'village' ? (
                <Button size="large" block onClick={go.clerkCertify}>
                  待认证（上门、窗口资格认证）
                </Button>
              ) : null}
              <Button size="large" block onClick={go.messages} className="clerk-messages">
                本中心消息
                <UnreadBadge count={unread.count} />
              </Button>
            </View>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}
