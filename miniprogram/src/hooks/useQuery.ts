import { useCallback, useEffect, useRef, useState } from 'react';
import type { WireError } from '@shared/api.schema';
import type { Answer } from '../services/api';

/** The state of one load: its data, its error, whether it runs, and a way to run it again. */
export type Query<T> = { data?: T; error?: WireError; loading: boolean; reload: () => void };

/**
 * Runs a load when its inputs change and keeps the latest answer. `load` returning null means
 * "nothing to load yet" (e.g. no search word), which is neither loading nor an error.
 */
export const useQuery = <T>(load: () => Promise<Answer<T>> | null, deps: readonly unknown[]): Query<T> => {
  const [state, setState] = useState<Omit<Query<T>, 'reload'>>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    const pending = load();
    if (!pending) return setState({ loading: false });
    setState((s) => ({ data: s.data, loading: true }));
    void pending.then((a) => {
      if (mine !== seq.current) return;
      setState(a.ok ? { data: a.data, loading: false } : { error: a.error, loading: false });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
};
