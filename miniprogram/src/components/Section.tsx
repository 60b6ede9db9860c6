import { View, Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

type Props = PropsWithChildren<{ title: string; more?: string; onMore?: () => void; plain?: boolean }>;

/** A titled block; `plain` leaves out the white card when the content brings its own. */
export function Section({ title, more, onMore, plain, children }: Props) {
  return (
    <View>
      <View className="zc-section-title">
        <Text>{title}</Text>
        {more ? (
          <Text className="zc-section-more" onClick={onMore}>
            {more} ›
          </Text>
        ) : null}
      </View>
      {plain ? children : <View className="zc-card">{children}</View>}
    </View>
  );
}
