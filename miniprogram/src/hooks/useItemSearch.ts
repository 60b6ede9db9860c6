import { useEffect, useState } from 'react';
import type { ItemSummary, WireError } from '@shared/api.schema';
import type { LifeEvent } from '@shared/catalogue.schema';
import { call } from '../services/api';

type Filter = { q?: string; lifeEvent?: string; centerId?: string };
export type ItemSearch = { items: ItemSummary[]; total: number; loading: boolean; error?: WireError; more: () => void; retry: () => void };

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
    const input = { q: f.q || undefined, lifeEvent: (f.lifeEvent || undefined) as LifeEvent | undefined, centerId: f.centerId || undefined, page, pageSize: PAGE_SIZE };
    void call('directory', 'searchItems', input, { toast: false }).then((a) => {
      if (!live) return;
      if (!a.ok) return setState((s) => ({ ...s, loading: false, error: a.error }));
      setState((s) => ({ items: page === 1 ? a.data.items : [...s.items, ...a.data.items], total: a.data.total, loading: false }));
    });
    return () => void (live = false);
  }, [f.q, f.lifeEvent, f.centerId, page, tick]);
  return { ...state, more: () => setPage((p) => p + 1), retry: () => setTick((t) => t + 1) };
};
