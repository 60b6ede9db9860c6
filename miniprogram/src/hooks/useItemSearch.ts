import { useEffect, useState } from 'react';
import type { ItemSummary, SearchHelp, WireError } from '@shared/api.schema';
import type { LifeEvent } from '@shared/catalogue.schema';
import { call } from '../services/api';
import { lastPosition } from '../services/location';

type Filter = { q?: string; lifeEvent?: string; centerId?: string };
/** `help` comes with a search that found nothing: a center to phone and the life events. */
export type ItemSearch = { items: ItemSummary[]; total: number; loading: boolean; error?: WireError; help?: SearchHelp; more: () => void; retry: () => void };

const PAGE_SIZE = 20;

/** Items matching a word, a life event or a center, a page at a time. */
export const useItemSearch = (f: Filter): ItemSearch => {
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<ItemSearch, 'more' | 'retry'>>({ items: [], total: 0, loading: true });
  useEffect(() => setPage(1), [f.q, f.lifeEvent, f.centerId]);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    // where the phone was last seen, so a fruitless search can name the nearest center
    const near = f.q ? (lastPosition() ?? undefined) : undefined;
    const input = {
      q: f.q || undefined,
      lifeEvent: (f.lifeEvent || undefined) as LifeEvent | undefined,
      centerId: f.centerId || undefined,
      near,
      page,
      pageSize: PAGE_SIZE,
    };
    void call('directory', 'searchItems', input, { toast: false }).then((a) => {
      if (!live) return;
      if (!a.ok) return setState((s) => ({ ...s, loading: false, error: a.error }));
      setState((s) => ({ items: page === 1 ? a.data.items : [...s.items, ...a.data.items], total: a.data.total, loading: false, help: a.data.help }));
    });
    return () => void (live = false);
  }, [f.q, f.lifeEvent, f.centerId, page, tick]);
  return { ...state, more: () => setPage((p) => p + 1), retry: () => setTick((t) => t + 1) };
};
