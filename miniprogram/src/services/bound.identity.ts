/**
 * What a resident typed when binding their identity, kept on their own phone only (never sent
 * again, never on the server in plain text), so their next application forms come filled in.
 * Logging out forgets it, so a shared phone does not hand one person's number to the next.
 */
import Taro from '@tarojs/taro';

/** The bound identity as typed. */
export type BoundIdentity = { name: string; idNumber: string; phone: string };

const KEY = 'zc.bound';

/** Remembers the identity a user just bound on this phone. */
export const rememberBound = (userId: string, identity: BoundIdentity): void => Taro.setStorageSync(KEY, { userId, ...identity });

/** The identity this user bound on this phone, or null. */
export const boundOnThisPhone = (userId: string | undefined): BoundIdentity | null => {
  const v = Taro.getStorageSync(KEY) as (BoundIdentity & { userId: string }) | '';
  return v && userId && v.userId === userId ? { name: v.name, idNumber: v.idNumber, phone: v.phone } : null;
};

/** Forgets the remembered identity (on logout). */
export const forgetBound = (): void => Taro.removeStorageSync(KEY);
