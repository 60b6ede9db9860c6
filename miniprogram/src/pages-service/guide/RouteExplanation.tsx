import { View, Text } from '@tarojs/components';
import type { RouteDecision } from '@shared/routing.schema';
import { CENTER_KIND_ZH_CN, RULE_ZH_CN } from '../../labels.zh-CN';

/** Why the matter goes where it goes, in plain words, with who decides it. */
export function RouteExplanation({ route }: { route: RouteDecision }) {
  return (
    <View className="zc-card guide-why">
      <Text className="zc-tag ok">{RULE_ZH_CN[route.rule]}</Text>
      <View className="guide-explanation">{route.explanation}</View>
      <View className="zc-muted">
        审批单位：<Text className="zc-strong">{route.decider.name}</Text>
        <Text className="zc-nowrap">（{CENTER_KIND_ZH_CN[route.decider.kind]}）</Text>
      </View>
    </View>
  );
}
