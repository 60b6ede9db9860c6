import { createContext, useCallback, useContext, useEffect, useState, type PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { platform } from '../platform';

const KEY = 'zc.elder';
/** The largest factor the layout still holds at 375 px: WeChat's largest setting is about 1.4. */
const MAX_SCALE = 1.6;
type ElderMode = { elder: boolean; setElder: (on: boolean) => void; scale: number };
const ElderContext = createContext<ElderMode>({ elder: false, setElder: () => undefined, scale: 1 });

/** The person's own font scale, kept between 1 and what the pages' layout holds. */
const fontScale = (): number => Math.min(MAX_SCALE, Math.max(1, platform.fontScale()));

/**
 * Holds 长辈模式 for the whole app and remembers it on the phone. Someone who never chose and
 * has set larger type in WeChat starts in it; the mode's sizes then grow with that setting.
 */
export function ElderModeProvider({ children }: PropsWithChildren) {
  const [scale] = useState(fontScale);
  const [elder, setState] = useState<boolean>(() => {
    const stored = Taro.getStorageSync(KEY);
    return stored === '1' || (stored !== '0' && scale > 1);
  });
  const setElder = useCallback((on: boolean) => {
    setState(on);
    Taro.setStorageSync(KEY, on ? '1' : '0');
  }, []);
  useEffect(() => platform.markElder(elder), [elder]);
  return <ElderContext.Provider value={{ elder, setElder, scale }}>{children}</ElderContext.Provider>;
}

/** 长辈模式 (MIIT 2021 适老化): larger type, line spacing, contrast and tap targets; `scale` is the person's font setting. */
export const useElderMode = (): ElderMode => useContext(ElderContext);
