import type { CenterSummary } from '@shared/api.schema';
import { platform } from '../platform';
import { call } from '../services/api';
import { useQuery } from './useQuery';

/** One center with its parent and the items it offers. */
export const useCenter = (id: string) => useQuery(() => (id ? call('directory', 'getCenter', { id }, { toast: false }) : null), [id]);

/** Calls the center; a cancelled call is not an error. */
export const phoneCenter = (c: Pick<CenterSummary, 'phone'>): void => platform.callPhone(c.phone);

/** Opens navigation to the center: the phone's map on WeChat, a 高德地图 link in the browser. */
export const navigateTo = (c: Pick<CenterSummary, 'location' | 'name' | 'address'>): void =>
  platform.openMap({ lat: c.location.lat, lng: c.location.lng, name: c.name, address: c.address });
