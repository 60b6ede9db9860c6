import { View, Text } from '@tarojs/components';
import type { TimelineStep } from './timeline';

/** Every step of the matter, newest at the bottom, as a vertical line of dots. */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  if (!steps.length) return <View className="zc-muted">暂无办理记录</View>;
  return (
    <View className="tl">
      {steps.map((s, i) => (
        <View key={s.key} className={`tl-step ${i === steps.length - 1 ? 'tl-last' : ''}`}>
          <View className="tl-dot" />
          <View className="tl-body">
            <View className="zc-row">
              <Text className="zc-strong">{s.title}</Text>
              {s.state ? <Text className="zc-tag">{s.state}</Text> : null}
            </View>
            <View className="zc-muted">
              {s.when}
              {s.where ? ` · ${s.where}` : ''}
            </View>
            <View className="zc-muted">{s.who}</View>
            {s.note ? <View className="tl-note">{s.note}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
