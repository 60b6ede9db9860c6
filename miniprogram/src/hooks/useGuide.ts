import { useEffect, useState } from 'react';
import type { WireError } from '@shared/api.schema';
import type { Item } from '@shared/catalogue.schema';
import type { RouteDecision } from '@shared/routing.schema';
import { call } from '../services/api';
import { lastPosition } from '../services/location';
import { useSession } from './useSession';

/** The item, and where the caller takes it: the route, or why there is none yet. */
export type Guide = { item?: Item; route?: RouteDecision; routeError?: WireError; error?: WireError; loading: boolean; reload: () => void };

/** Loads an item's guide; the route follows the caller's bound home and, when known, their position. */
export const useGuide = (code: string): Guide => {
  const { user } = useSession();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<Guide, 'reload'>>({ loading: true });
  useEffect(() => {
    if (!code || user === undefined) return;
    let live = true;
    setState({ loading: true });
    const position = lastPosition() ?? undefined;
    void Promise.all([
      call('directory', 'getItem', { code }, { toast: false }),
      call('directory', 'guide', { itemCode: code, position }, { toast: false }),
    ]).then(([item, guide]) => {
      if (!live) return;
      if (!item.ok) return setState({ loading: false, error: item.error });
      setState(
        guide.ok ? { loading: false, item: guide.data.item, route: guide.data.route } : { loading: false, item: item.data.item, routeError: guide.error },
      );
    });
    return () => void (live = false);
  }, [code, user, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
};
