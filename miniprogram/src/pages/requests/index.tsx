import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useDidShow } from '@tarojs/taro';
import { useTabBadge } from '../../hooks/useUnread';
import { requestStatusLabel } from '@shared/labels.zh-CN';
import { Page, StateView, presentDeadline } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { useSession } from '../../hooks/useSession';
import { platform } from '../../platform';
import { call } from '../../services/api';
import { go } from '../../services/routes';
import { chinaTime } from '../../pages-service/request/timeline';

/** 我的办件: every request of the caller, newest first, each with its state and deadline. */
export default function MyRequests() {
  const { user } = useSession();
  const mine = useQuery(() => (user ? call('requests', 'mine', { pageSize: 50 }, { toast: false }) : null), [user?.id]);
  useDidShow(() => mine.reload());
  useTabBadge();
  const now = new Date().toISOString();
  if (user === null)
    return (
      <Page title="我的办件">
        <StateView
          empty
          emptyText="登录后查看您的办件"
          emptyAction={
            <Button type="primary" onClick={() => (platform.hasDevLogin ? go.devLogin() : go.tab('profile'))}>
              去登录
            </Button>
          }
        />
      </Page>
    );
  return (
    <Page title="我的办件">
      <StateView
        loading={user === undefined || (mine.loading && !mine.data)}
        error={mine.error}
        onRetry={mine.reload}
        empty={!mine.data?.items.length}
        emptyText="您还没有办件"
        emptyAction={
          <Button type="primary" onClick={() => go.items()}>
            找事项办理
          </Button>
        }
      >
        {mine.data?.items.map((r) => {
          const d = presentDeadline(r, now, 'resident');
          return (
            <View key={r.id} className="zc-card" onClick={() => go.request(r.id)}>
              <View className="zc-row">
                <Text className="zc-item-name">{r.itemName}</Text>
                <Text className="zc-tag">{requestStatusLabel(r)}</Text>
              </View>
              <View className="zc-muted">编号 {r.trackingNo}</View>
              <View className="zc-muted">提交于 {chinaTime(r.submittedAt)}</View>
              <Text className={`zc-tag ${d.tone}`}>{d.text}</Text>
            </View>
          );
        })}
      </StateView>
    </Page>
  );
}
