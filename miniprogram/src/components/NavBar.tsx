import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { NavBarTitles } from '../platform';
import { TABS, go } from '../services/routes';

/** What the bar's left button does: back one page, home from a page opened directly, nothing on a tab. */
export type NavBack = 'back' | 'home' | 'none';

/** The left button for a page stack: a tab page has none; a page opened directly goes home. */
export const navBackOf = (stackDepth: number, route: string): NavBack => {
  if ((Object.values(TABS) as string[]).includes(`/${route.replace(/^\//, '')}`)) return 'none';
  return stackDepth > 1 ? 'back' : 'home';
};

/** The title bar of a build without one of its own (the browser): the page's title, and back or home. */
export function NavBar({ titles }: { titles: NavBarTitles }) {
  const [title, setTitle] = useState(titles.title());
  const [back, setBack] = useState<NavBack>('none');
  const read = () => {
    const pages = Taro.getCurrentPages();
    setBack(navBackOf(pages.length, pages[pages.length - 1]?.route ?? ''));
    setTitle(titles.title());
  };
  useEffect(() => {
    const off = titles.onChange(setTitle);
    // the router may have set the title between the first render and this subscription
    setTitle(titles.title());
    return off;
  }, [titles]);
  useEffect(read, []); // eslint-disable-line react-hooks/exhaustive-deps -- once on mount, then on every show
  useDidShow(read);
  return (
    <View className="zc-navbar" role="banner">
      {back !== 'none' ? (
        <View
          className="zc-navbar-back"
          role="button"
          aria-label={back === 'back' ? '返回' : '回首页'}
          onClick={() => (back === 'back' ? void Taro.navigateBack() : go.tab('home'))}
        >
          {back === 'back' ? '‹ 返回' : '⌂ 首页'}
        </View>
      ) : null}
      <Text className="zc-navbar-title">{title}</Text>
    </View>
  );
}
