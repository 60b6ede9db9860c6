/**
 * The type checker's view of `./platform`: the Taro build resolves it to `platform.weapp.ts`
 * or `platform.h5.ts` by TARO_ENV, and jest to `platform.h5.ts`; both implement `Platform`.
 */
import type { Platform } from './platform.port';

export declare const platform: Platform;
