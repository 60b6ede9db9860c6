import { View, Text } from '@tarojs/components';
import type { TodayFigures as Figures } from '@shared/api.schema';

const FIGURES: [keyof Figures, string][] = [
  ['submitted', '收件'],
  ['accepted', '受理'],
  ['handoffsConfirmed', '签收'],
  ['decided', '办结'],
  ['delivered', '送达'],
];

/** What the center did today (China day), in one row of small figures. */
export function TodayFigures({ today }: { today: Figures }) {
  return (
    <View className="tf" aria-label="今日办理情况">
      {FIGURES.map(([k, label]) => (
        <View key={k} className="tf-cell">
          <Text className="tf-n">{today[k]}</Text>
          <Text className="tf-label">{label}</Text>
        </View>
      ))}
    </View>
  );
}
