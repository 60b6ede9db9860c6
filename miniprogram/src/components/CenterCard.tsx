import { View, Text } from '@tarojs/components';
import type { CenterSummary } from '@shared/api.schema';
import { CENTER_KIND_ZH_CN } from '../labels.zh-CN';

/** Distance in words a resident reads at a glance. */
export const distanceText = (km?: number): string | null => (km === undefined ? null : km < 1 ? `${Math.round(km * 1000)}米` : `${km.toFixed(1)}公里`);

/** One center in a list: name, kind, distance, address, and an honest note on sample locations. */
export function CenterCard({ center, onClick }: { center: CenterSummary; onClick?: () => void }) {
  const distance = distanceText(center.distanceKm);
  return (
    <View className="zc-list-item" onClick={onClick}>
      <View className="zc-row">
        <Text className="zc-item-name">{center.name}</Text>
        {distance ? <Text className="zc-strong zc-link">{distance}</Text> : null}
      </View>
      <View>
        <Text className="zc-tag">{CENTER_KIND_ZH_CN[center.kind]}</Text>
        {center.location.approximate ? <Text className="zc-tag warn">位置为示意</Text> : null}
      </View>
      <View className="zc-muted">{center.address}</View>
      <View className="zc-muted">{center.hours}</View>
    </View>
  );
}
