import { View, Text } from '@tarojs/components';
import { Fragment } from 'react';
import type { CenterRef } from '@shared/directory.schema';

/** The way a file travels, e.g. 村 → 镇 → 市, the decider highlighted. */
export function PathChain({ path, deciderId }: { path: CenterRef[]; deciderId?: string }) {
  return (
    <View className="zc-chain" aria-label="材料流转路径">
      {path.map((c, i) => (
        <Fragment key={c.id}>
          {i > 0 ? <Text className="zc-chain-arrow">→</Text> : null}
          <Text className={`zc-chain-node ${c.id === deciderId ? 'decider' : ''}`}>{c.name}</Text>
        </Fragment>
      ))}
    </View>
  );
}
