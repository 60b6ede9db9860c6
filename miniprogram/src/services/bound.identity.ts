/**
 * The name a resident gave when binding their identity, kept on their own phone so their next
 * application forms come filled in. Their ID number and phone are not kept here: the server
 * prefills them masked (ownPrefill). Logging out forgets it, so a shared phone does not hand one
 * person's details to the next.
 */
import Taro from '@tarojs/taro';

/** The bound identity as kept: the name only. */
export type BoundIdentity = { name: string };

const KEY = 'zc.bound';

/** Remembers the identity a user just bound on this phone. */
export const rememberBound = (userId: string, identity: BoundIdentity): void => Taro.setStorageSync(KEY, { userId, ...identity });

/** The identity this user bound on this phone, or null. */
export const boundOnThisPhone = (userId: string | undefined): BoundIdentity | null => {
  const v = Taro.getStorageSync(KEY) as (BoundIdentity & { userId: string }) | '';
  return v && userId && v.userId === userId ? { name: v.name } : null;
};

/** Forgets the remembered identity (on logout). */
export const forgetBound = (): void => Taro.removeStorageSync(KEY);
