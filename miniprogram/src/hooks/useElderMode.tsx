import { createContext, useCallback, useContext, useState, type PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';

const KEY = 'zc.elder';
type ElderMode = { elder: boolean; setElder: (on: boolean) => void };
const ElderContext = createContext<ElderMode>({ elder: false, setElder: () => undefined });

/** Holds 长辈模式 for the whole app and remembers it on the phone. */
export function ElderModeProvider({ children }: PropsWithChildren) {
  const [elder, setState] = useState<boolean>(() => Taro.getStorageSync(KEY) === '1');
  const setElder = useCallback((on: boolean) => {
    setState(on);
    Taro.setStorageSync(KEY, on ? '1' : '0');
  }, []);
  return <ElderContext.Provider value={{ elder, setElder }}>{children}</ElderContext.Provider>;
}

/** 长辈模式: larger type and higher contrast. */
export const useElderMode = (): ElderMode => useContext(ElderContext);
