import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/useElderMode';
import { platform } from '../platform';
import { NavBar } from './NavBar';
import { PrivacyPopup } from './PrivacyPopup';

type Props = PropsWithChildren<{ className?: string; title?: string; privacyPopup?: boolean }>;

/**
 * The root of every page: the title bar where the platform has none, spacing, 长辈模式 when it
 * is on, and the privacy popup (a mini-program draws each page on its own, so the popup lives in
 * every page rather than once in the app). The privacy guide itself leaves it out, so the popup
 * never covers the text it links to. In 长辈模式 the page's `title` stands at its top in the
 * mode's largest type (30 px), and sizes follow the person's font scale.
 */
export function Page({ children, className = '', title, privacyPopup = true }: Props) {
  const { elder, scale } = useElderMode();
  return (
    <View className={`zc-page ${elder ? 'zc-elder' : ''} ${className}`} style={elder ? `--zc-scale:${scale}` : undefined}>
      {platform.navBar ? <NavBar titles={platform.navBar} /> : null}
      {elder && title ? (
        <View className="zc-page-heading" role="heading">
          {title}
        </View>
      ) : null}
      {children}
      {privacyPopup ? <PrivacyPopup /> : null}
    </View>
  );
}
