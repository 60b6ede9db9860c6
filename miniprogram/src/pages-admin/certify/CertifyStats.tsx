import { View, Text } from '@tarojs/components';
import type { OutcomeCounts } from '@shared/api.certify.schema';

/** A share in whole percent of the entries counted, '—' when there are none. */
const pct = (n: number, c: OutcomeCounts) => (c.total ? `${Math.round((n * 100) / c.total)}%` : '—');

/** 认证情况 of one scheme, one township or the city: certified silently, in person, and not yet (pending or lapsed). */
export function OutcomeLine({ c }: { c: OutcomeCounts }) {
  return (
    <View className="admin-line" data-outcome={c.key}>
      <View className="zc-row">
        <Text className="zc-strong">{c.name}</Text>
        <Text className="zc-muted">{c.total}人</Text>
      </View>
      <View className="zc-muted">
        静默 <Text className="zc-strong">{pct(c.silent, c)}</Text> · 上门/窗口 <Text className="zc-strong">{pct(c.inPerson, c)}</Text> · 未认证{' '}
        <Text className="zc-strong">{pct(c.pending + c.lapsed, c)}</Text>
        {c.ineligible ? ` · 不符合条件 ${c.ineligible}人` : ''}
      </View>
    </View>
  );
}
