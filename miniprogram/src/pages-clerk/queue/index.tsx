import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { QUEUE_NAMES, type QueueName } from '@shared/api.schema';
import { Page, StateView } from '../../components';
import { useClerkQueue } from '../../hooks/useClerk';
import { QUEUE_ZH_CN } from '../../labels.zh-CN';
import { go, usePageParams } from '../../services/routes';
import { RequestCard } from '../parts/RequestCard';
import '../parts/clerk.scss';

const queueOf = (raw: string | undefined): QueueName => QUEUE_NAMES.find((q) => q === raw) ?? 'precheck';

/** One queue of the center: every matter waiting in it, each opening its detail. */
export default function ClerkQueuePage() {
  const queue = queueOf(usePageParams().queue);
  const list = useClerkQueue(queue);
  useDidShow(() => list.reload());
  useEffect(() => void Taro.setNavigationBarTitle({ title: QUEUE_ZH_CN[queue] }).catch(() => undefined), [queue]);
  const now = new Date().toISOString();
  return (
    <Page className="clerk">
      <View className="clerk-queue-title">
        {QUEUE_ZH_CN[queue]} · {list.total}件
      </View>
      <StateView
        loading={list.loading && !list.items.length}
        error={list.error}
        onRetry={list.reload}
        empty={!list.items.length}
        emptyText={`没有${QUEUE_ZH_CN[queue]}的事项`}
      >
        {list.items.map((r) => (
          <RequestCard key={r.id} request={r} now={now} onClick={() => go.clerkRequest(r.id)} />
        ))}
        {list.items.length < list.total ? (
          <Button block onClick={list.more}>
            加载更多
          </Button>
        ) : null}
      </StateView>
    </Page>
  );
}
