import { View, Text } from '@tarojs/components';
import type { QueueName } from '@shared/api.schema';
import { QUEUE_ZH_CN } from '../../labels.zh-CN';

/** The queues in the order a day's work runs; 已超期 and 整改回访 last. */
export const QUEUE_ORDER: QueueName[] = ['precheck', 'incoming', 'accept', 'paused', 'decide', 'deliver', 'overdue', 'rectify'];

const HINT: Record<QueueName, string> = {
  precheck: '核对材料后移交',
  incoming: '核对流转单后签收',
  accept: '审核后受理',
  paused: '等申请人补正',
  decide: '审批办结',
  deliver: '把结果交给申请人',
  overdue: '超过期限或超时未签收',
  rectify: '差评待回访整改',
};

type Props = { counts: Partial<Record<QueueName, number>>; dueSoon: number; onOpen: (queue: QueueName) => void };

/** The center's queues as big numbers read at a glance: overdue in red, due-soon in amber, empty ones quiet. */
export function QueueBoard({ counts, dueSoon, onOpen }: Props) {
  return (
    <View className="qb">
      {QUEUE_ORDER.map((q) => {
        const n = counts[q] ?? 0;
        const tone = (q === 'overdue' || q === 'rectify') && n > 0 ? 'bad' : q === 'decide' && dueSoon > 0 ? 'warn' : n > 0 ? 'busy' : 'idle';
        return (
          <View key={q} className={`qb-tile qb-${q} ${tone}`} role="button" aria-label={`${QUEUE_ZH_CN[q]} ${n}件`} data-queue={q} onClick={() => onOpen(q)}>
            <View className="qb-head">
              <Text className="qb-label">{QUEUE_ZH_CN[q]}</Text>
              <Text className="qb-count">{n}</Text>
            </View>
            {q === 'decide' && dueSoon > 0 ? <View className="qb-note">其中{dueSoon}件即将到期</View> : <View className="qb-hint">{HINT[q]}</View>}
          </View>
        );
      })}
    </View>
  );
}
