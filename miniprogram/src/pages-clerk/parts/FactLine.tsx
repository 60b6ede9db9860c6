import { View, Text } from '@tarojs/components';

/** One labelled line of a clerk card (handoff slip, applicant facts). */
export function FactLine({ label, value }: { label: string; value: string }) {
  return (
    <View className="slip-line">
      <Text className="slip-label">{label}</Text>
      <Text className="slip-value">{value}</Text>
    </View>
  );
}
