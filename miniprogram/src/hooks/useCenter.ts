import Taro from '@tarojs/taro';
import type { CenterSummary } from '@shared/api.schema';
import { platform } from '../platform';
import { call } from '../services/api';
import { useQuery } from './useQuery';

/** One center with its parent and the items it offers. */
export const useCenter = (id: string) => useQuery(() => (id ? call('directory', 'getCenter', { id }, { toast: false }) : null), [id]);

/** Calls the center; a cancelled call is not an error. */
export const phoneCenter = (c: Pick<CenterSummary, 'phone'>): void => platform.callPhone(c.phone);

/** Opens the phone's map at the center to navigate there. */
export const navigateTo = (c: Pick<CenterSummary, 'location' | 'name' | 'address'>): void =>
  void Taro.openLocation({ latitude: c.location.lat, longitude: c.location.lng, name: c.name, address: c.address, scale: 16 }).catch(() =>
    Taro.showToast({ title: '无法打开地图，请按地址前往', icon: 'none' }),
  );
