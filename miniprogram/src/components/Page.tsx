import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/useElderMode';
import { platform } from '../platform';
import { NavBar } from './NavBar';

/** The root of every page: the title bar where the platform has none, spacing, and 长辈模式 when it is on. */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const { elder } = useElderMode();
  return (
    <View className={`zc-page ${elder ? 'zc-elder' : ''} ${className}`}>
      {platform.navBar ? <NavBar titles={platform.navBar} /> : null}
      {children}
    </View>
  );
}
