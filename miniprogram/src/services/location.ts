/**
 * Where the resident is. Asking for the position may be refused or fail; callers fall back
 * to the bound home village, so a refusal never leaves a blank page.
 */
import Taro from '@tarojs/taro';
import type { LatLng } from '@shared/directory.schema';
import { platform } from '../platform';

let last: LatLng | null = null;

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

/** The phone's position in the platform's coordinates (GCJ-02 and WGS-84 lie a few hundred metres apart, within the sample's precision), or null when refused or unavailable. */
export const locate = async (): Promise<LatLng | null> => {
  try {
    const res = await withTimeout(Taro.getLocation({ type: platform.coordinates }), 8000);
    last = { lat: res.latitude, lng: res.longitude };
    return last;
  } catch {
    return null;
  }
};

/** The last position found in this session, without asking again. */
export const lastPosition = (): LatLng | null => last;
