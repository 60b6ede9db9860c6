import { View, Text } from '@tarojs/components';
import './DeadlineBadge.scss';

/** A deadline as one coloured tag with a line under it (the date, or why there is none). */
export function DeadlineBadge({ text, tone, detail, large = false }: { text: string; tone: string; detail?: string; large?: boolean }) {
  return (
    <View className="zc-deadline">
      <Text className={`zc-tag ${tone}${large ? ' zc-deadline-large' : ''}`}>{text}</Text>
      {detail ? <View className="zc-muted">{detail}</View> : null}
    </View>
  );
}
