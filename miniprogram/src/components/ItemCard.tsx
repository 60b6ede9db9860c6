import { View, Text } from '@tarojs/components';
import type { ItemSummary } from '@shared/api.schema';
import { ITEM_LEVEL_ZH_CN, itemKindLabel, promisedLabel } from '../labels.zh-CN';

/** One service item in a list: name, where it is decided, how long it takes. */
export function ItemCard({ item, onClick }: { item: ItemSummary; onClick?: () => void }) {
  return (
    <View className="zc-list-item" onClick={onClick}>
      <View className="zc-item-name">{item.name}</View>
      <View>
        <Text className="zc-tag">{ITEM_LEVEL_ZH_CN[item.level]}</Text>
        <Text className={`zc-tag ${item.kind === 'immediate' ? 'ok' : 'gray'}`}>{itemKindLabel(item.kind)}</Text>
        {item.lists.includes('online') ? <Text className="zc-tag ok">可网办</Text> : null}
      </View>
      <View className="zc-muted">
        {item.category} · 办理时限 {promisedLabel(item.promisedDays)}
      </View>
    </View>
  );
}
