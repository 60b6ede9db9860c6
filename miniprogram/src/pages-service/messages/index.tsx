import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { Page, StateView } from '../../components';
import { useMessages } from '../../hooks/useMessages';
import { useSession } from '../../hooks/useSession';
import { call } from '../../services/api';
import { go } from '../../services/routes';
import { chinaTime } from '../request/timeline';
import './index.scss';

/**
 * 消息: the notices of the caller, newest first (a clerk sees those to their center); each opens
 * its matter. What is shown counts as read, and keeps its 未读 mark until the next visit.
 */
export default function MessagesPage() {
  const { user } = useSession();
  const list = useMessages();
  useDidShow(() => list.reload());
  const unreadIds = (list.data?.items ?? []).filter((m) => !m.read).map((m) => m.id);
  useEffect(() => {
    if (unreadIds.length) void call('messages', 'markRead', { ids: unreadIds }, { toast: false });
  }, [unreadIds.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps -- marks each set of unread ids once
  const open = (requestId?: string) => {
    if (!requestId) return;
    if (user?.role === 'clerk') go.clerkRequest(requestId);
    else go.request(requestId);
  };
  return (
    <Page title="消息">
      {list.data?.unread ? <View className="zc-muted msg-unread">{list.data.unread}条新消息</View> : null}
      <StateView
        loading={user === undefined || (list.loading && !list.data)}
        error={list.error}
        onRetry={list.reload}
        empty={!list.data?.items.length}
        emptyText="还没有消息"
      >
        {list.data?.items.map((m) => (
          <View key={m.id} className={`zc-card msg msg-kind-${m.kind} ${m.read ? '' : 'msg-new'}`} data-kind={m.kind} onClick={() => open(m.requestId)}>
            <View className="zc-row">
              <View>
                {m.read ? null : <Text className="zc-badge msg-new-mark">未读</Text>}
                <Text className="msg-title">{m.title}</Text>
              </View>
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
