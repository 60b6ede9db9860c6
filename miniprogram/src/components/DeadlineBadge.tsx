import { View, Text } from '@tarojs/components';
import type { DeadlineView } from './deadline.presenter';
import './DeadlineBadge.scss';

/** A deadline as one coloured tag with a line under it: the presenter's detail, or else its date. */
export function DeadlineBadge({ view, large = false }: { view: DeadlineView; large?: boolean }) {
  const detail = view.detail ?? (view.date ? `截止 ${view.date}` : undefined);
  return (
    <View className="zc-deadline">
      <Text className={`zc-tag ${view.tone}${large ? ' zc-deadline-large' : ''}`}>{view.text}</Text>
      {detail ? <View className="zc-muted">{detail}</View> : null}
    </View>
  );
}
