import { View, Text } from '@tarojs/components';
import type { IntakeOption } from '@shared/routing.schema';
import { PathChain, distanceText } from '../../components';
import { CHANNEL_ZH_CN } from '../../labels.zh-CN';

type Props = { options: IntakeOption[]; deciderId: string; selectedId?: string; onSelect?: (o: IntakeOption) => void };

/** The ranked places to hand the matter in, each with its distance and the way the file travels. */
export function IntakeOptions({ options, deciderId, selectedId, onSelect }: Props) {
  return (
    <View>
      {options.map((o, i) => {
        const distance = distanceText(o.distanceKm);
        const selected = o.center.id === selectedId;
        return (
          <View
            key={`${o.channel}-${o.center.id}`}
            className={`zc-card intake ${selected ? 'intake-selected' : ''}`}
            onClick={() => onSelect?.(o)}
            aria-selected={selected}
          >
            <View className="zc-row">
              <Text className="zc-strong">
                {i === 0 ? '推荐 · ' : ''}
                {CHANNEL_ZH_CN[o.channel]}
              </Text>
              {distance ? <Text className="zc-link">{distance}</Text> : null}
            </View>
            <View className="intake-center">{o.center.name}</View>
            <View className="zc-muted">{o.note}</View>
            {o.path.length > 1 ? <PathChain path={o.path} deciderId={deciderId} /> : null}
            {onSelect ? <Text className={`intake-pick ${selected ? 'on' : ''}`}>{selected ? '✓ 已选择' : '选这里'}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
