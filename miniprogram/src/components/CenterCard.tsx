import { View, Text } from '@tarojs/components';
import type { CenterSummary } from '@shared/api.schema';
import { townshipByCode } from '@shared/townships';
import { CENTER_KIND_ZH_CN } from '../labels.zh-CN';

/** Distance in words a resident reads at a glance; a few steps away reads as 就在附近, never 0米. */
export const distanceText = (km?: number): string | null =>
  km === undefined ? null : km < 0.05 ? '就在附近' : km < 1 ? `${Math.round(km * 1000)}米` : `${km.toFixed(1)}公里`;

/**
 * The township a village or branch lies in, shown beside its name: several townships have a
 * village of the same name (two 泉韵社区), and the township tells them apart.
 */
export const townshipOf = (c: Pick<CenterSummary, 'kind' | 'townshipCode'>): string | null =>
  (c.kind === 'village' || c.kind === 'bank') && c.townshipCode ? (townshipByCode(c.townshipCode)?.name ?? null) : null;

type Props = { center: CenterSummary; onClick?: () => void; /** the resident's own village: no distance to show */ home?: boolean };

/** One center in a list: name, kind and township, distance, address, and an honest note on sample locations. */
export function CenterCard({ center, onClick, home = false }: Props) {
  const distance = home ? '您的村居' : distanceText(center.distanceKm);
  const township = townshipOf(center);
  return (
    <View className="zc-list-item" onClick={onClick} data-center={center.id}>
      <View className="zc-row">
        <Text className="zc-item-name">{center.name}</Text>
        {distance ? <Text className="zc-strong zc-link zc-distance">{distance}</Text> : null}
      </View>
      <View>
        <Text className="zc-tag">{CENTER_KIND_ZH_CN[center.kind]}</Text>
        {township ? <Text className="zc-tag gray zc-township">{township}</Text> : null}
        {center.location.approximate ? <Text className="zc-tag warn">位置为示意</Text> : null}
      </View>
      <View className="zc-muted">{center.address}</View>
      <View className="zc-muted">{center.hours}</View>
    </View>
  );
}
