import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Page, StateView } from '../../components';
import { useMessages } from '../../hooks/useMessages';
import { useSession } from '../../hooks/useSession';
import { go } from '../../services/routes';
import { chinaTime } from '../request/timeline';
import './index.scss';

/** 消息: the notices of the caller, newest first (a clerk sees those to their center); each opens its matter. */
export default function MessagesPage() {
  const { user } = useSession();
  const list = useMessages();
  useDidShow(() => list.reload());
  const open = (requestId?: string) => {
    if (!requestId) return;
    if (user?.role === 'clerk') go.clerkRequest(requestId);
    else go.request(requestId);
  };
  return (
    <Page title="消息">
      <StateView
        loading={user === undefined || (list.loading && !list.data)}
        error={list.error}
        onRetry={list.reload}
        empty={!list.data?.items.length}
        emptyText="还没有消息"
      >
        {list.data?.items.map((m) => (
          <View key={m.id} className={`zc-card msg msg-kind-${m.kind}`} data-kind={m.kind} onClick={() => open(m.requestId)}>
            <View className="zc-row">
              <Text className="msg-title">{m.title}</Text>
              <Text className="zc-muted">{chinaTime(m.createdAt)}</Text>
            </View>
            <View className="msg-body">{m.body}</View>
            {m.requestId ? <Text className="zc-link">查看办件 ›</Text> : null}
          </View>
        ))}
      </StateView>
    </Page>
  );
}
