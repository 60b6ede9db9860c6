import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/useElderMode';
import { PrivacyPopup } from './PrivacyPopup';

/**
 * The root of every page: spacing, 长辈模式 when it is on, and the privacy popup (a mini-program
 * draws each page on its own, so the popup lives in every page rather than once in the app).
 * The privacy guide itself leaves it out, so the popup never covers the text it links to.
 */
export function Page({ children, className = '', privacyPopup = true }: PropsWithChildren<{ className?: string; privacyPopup?: boolean }>) {
  const { elder } = useElderMode();
  return (
    <View className={`zc-page ${elder ? 'zc-elder' : ''} ${className}`}>
      {children}
      {privacyPopup ? <PrivacyPopup /> : null}
    </View>
  );
}
