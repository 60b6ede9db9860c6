/**
 * The caller's unread notices: a count read when a page shows, and the 我的 tab's badge
 * (where 我的消息 lives). Read state is the server's, per user, so every device agrees.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../services/api';
import { TABS } from '../services/routes';
import { useSession } from './useSession';

/** The tab whose badge carries the count: 我的, where the messages are. */
const MESSAGES_TAB = Object.keys(TABS).indexOf('profile');

/** The badge text: the count, capped so it fits the tab. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : String(count));

/** How many of the caller's notices are unread, read again whenever the page shows. */
export const useUnread = (): { count: number; reload: () => Promise<void> } => {
  const { user } = useSession();
  const [count, setCount] = useState(0);
  const load = useCallback(async () => {
    if (!user) return setCount(0);
    const a = await call('messages', 'unread', {}, { toast: false });
    if (a.ok) setCount(a.data.count);
  }, [user]);
  useEffect(() => void load(), [load]);
  useDidShow(() => void load());
  return { count, reload: load };
};

/** Puts the unread count on the 我的 tab; a tab page calls it. */
export const useTabBadge = (): void => {
  const { count } = useUnread();
  useEffect(() => {
    const done = () => undefined;
    if (count) Taro.setTabBarBadge({ index: MESSAGES_TAB, text: badgeText(count) }).catch(done);
    else Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(done);
  }, [count]);
};
