import { useCallback, useEffect, useState } from 'react';
import type { CenterSummary, WireError } from '@shared/api.schema';
import type { LatLng } from '@shared/directory.schema';
import { call } from '../services/api';
import { locate } from '../services/location';
import { useSession } from './useSession';

/** Where the distances were measured from. */
export type NearbySource = 'gps' | 'home' | 'none';
export type Nearby = { items: CenterSummary[]; source: NearbySource; loading: boolean; error?: WireError; reload: () => void };

/** The home village's point, when the resident has bound one. */
const homePoint = async (homeVillageId?: string): Promise<LatLng | null> => {
  if (!homeVillageId) return null;
  const a = await call('directory', 'getCenter', { id: homeVillageId }, { toast: false });
  return a.ok ? { lat: a.data.center.location.lat, lng: a.data.center.location.lng } : null;
};

/** The nearest centers: by the phone's position when allowed, else from the bound home village. */
export const useNearestCenters = (limit = 5): Nearby => {
  const { user } = useSession();
  const [state, setState] = useState<Omit<Nearby, 'reload'>>({ items: [], source: 'none', loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (user === undefined) return;
    let live = true;
    void (async () => {
      setState((s) => ({ ...s, loading: true, error: undefined }));
      const gps = await locate();
      const point = gps ?? (await homePoint(user?.homeVillageId));
      const source: NearbySource = gps ? 'gps' : point ? 'home' : 'none';
      if (!point) return live && setState({ items: [], source, loading: false });
      const a = await call('directory', 'nearestCenters', { ...point, limit }, { toast: false });
      if (live) setState(a.ok ? { items: a.data.items, source, loading: false } : { items: [], source, loading: false, error: a.error });
    })();
    return () => void (live = false);
  }, [user, limit, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
};
