import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { DemandQueue } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import { Page, StateView } from '../../components';
import { useDemandQueue } from '../../hooks/useCompany';
import { go } from '../../services/routes';
import '../parts/clerk.scss';

const TABS: { queue: DemandQueue; name: string }[] = [
  { queue: 'todo', name: '待办' },
  { queue: 'watching', name: '转办跟进' },
  { queue: 'overdue', name: '超时' },
  { queue: 'done', name: '已答复' },
];
const STATE = { raised: '待确认', acknowledged: '已确认', forwarded: '转办待答复', answered: '待评价', closed: '已办结', reopened: '差评重办' } as const;

/** 企业诉求: what this center must do on 云上宠企 demands, what it forwarded and follows, what is past its term. */
export default function DemandsPage() {
  const [queue, setQueue] = useState<DemandQueue>('todo');
  const q = useDemandQueue(queue);
  useDidShow(() => q.reload());
  const items = q.data?.items ?? [];
  return (
    <Page className="clerk">
      <View className="zc-wrap" style={{ marginBottom: '12px' }}>
        {TABS.map((t) => (
          <Text key={t.queue} className={`clerk-option ${queue === t.queue ? 'on' : ''}`} onClick={() => setQueue(t.queue)} data-queue={t.queue}>
            {t.name} {q.data?.counts[t.queue] ?? ''}
          </Text>
        ))}
      </View>
      <StateView loading={q.loading && !q.data} error={q.error} onRetry={q.reload} empty={!items.length} emptyText="这里没有诉求">
        {items.map((d) => (
          <View key={d.id} className="zc-card" data-demand={d.id} onClick={() => go.clerkDemand(d.id)}>
            <View className="zc-row">
              <Text className="zc-strong">{d.title}</Text>
              <Text className={d.overdue.ack || d.overdue.answer ? 'zc-error-text' : 'zc-muted'}>
                {d.overdue.ack || d.overdue.answer ? '已超时' : STATE[d.state]}
              </Text>
            </View>
            <View className="zc-muted">
              {d.category} · {d.companyName}
            </View>
            <View className="zc-muted">
              {d.state === 'raised' ? `确认时限 ${chinaDateTimeOf(d.ackDueAt)}` : `答复时限 ${chinaDateTimeOf(d.answerDueAt)}`} ·{' '}
              {d.centerNames[d.holderCenterId]}
            </View>
          </View>
        ))}
      </StateView>
    </Page>
  );
}
