import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/useElderMode';

/** The root of every page: spacing, and 长辈模式 when it is on. */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const { elder } = useElderMode();
  return <View className={`zc-page ${elder ? 'zc-elder' : ''} ${className}`}>{children}</View>;
}
