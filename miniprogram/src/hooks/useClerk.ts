/**
 * A clerk's data: the center's queues with their counts and today's figures, one queue a page
 * at a time, and one request with its timeline and the clerk's actions on it.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActionOutput, QueueName, RequestView, WireError } from '@shared/api.schema';
import type { AuditEntry } from '@shared/request.schema';
import type { CenterRef } from '@shared/directory.schema';
import { call, type Answer } from '../services/api';
import { useQuery, type Query } from './useQuery';

type QueueAnswer = ActionOutput<'clerk', 'queue'>;
/** The home's figures: count per queue, today's work, and how many accepted matters are due soon. */
export type ClerkHome = Pick<QueueAnswer, 'counts' | 'today'> & { dueSoon: number };

const DUE_SOON_SCAN = 100;

/** The counts of every queue and today's figures of the caller's center. */
export const useClerkHome = (): Query<ClerkHome> =>
  useQuery(async (): Promise<Answer<ClerkHome>> => {
    // the counts carry no due-soon figure: it is read off the accepted matters (待办结) themselves
    const a = await call('clerk', 'queue', { queue: 'decide', pageSize: DUE_SOON_SCAN }, { toast: false });
    if (!a.ok) return a;
    const dueSoon = a.data.items.filter((r) => r.dueSoon && !r.overdue).length;
    return { ok: true, data: { counts: a.data.counts, today: a.data.today, dueSoon } };
  }, []);

const PAGE_SIZE = 20;
/** One queue, a page at a time. */
export type ClerkQueue = { items: RequestView[]; total: number; loading: boolean; error?: WireError; more: () => void; reload: () => void };

/** The matters waiting in one queue of the caller's center, oldest first as the server orders them. */
export const useClerkQueue = (queue: QueueName): ClerkQueue => {
  const [page, setPage] = useState(1);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<ClerkQueue, 'more' | 'reload'>>({ items: [], total: 0, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    void call('clerk', 'queue', { queue, page, pageSize: PAGE_SIZE }, { toast: false }).then((a) => {
      if (!live) return;
      if (!a.ok) return setState((s) => ({ ...s, loading: false, error: a.error }));
      setState((s) => ({ items: page === 1 ? a.data.items : [...s.items, ...a.data.items], total: a.data.total, loading: false }));
    });
    return () => void (live = false);
  }, [queue, page, tick]);
  const reload = useCallback(() => (page === 1 ? setTick((t) => t + 1) : setPage(1)), [page]);
  return { ...state, more: () => setPage((p) => p + 1), reload };
};

/** Center names by id. */
export type CenterNames = Record<string, string>;
type Loaded = { request: RequestView; timeline: AuditEntry[]; names: CenterNames; centers: CenterRef[] };

/** The clerk calls that change a request, as a name and its input. */
type ChangeAction = 'precheck' | 'accept' | 'reject' | 'sendHandoff' | 'returnHandoff' | 'pause' | 'resume' | 'decide' | 'deliver' | 'returnCall';
export type ClerkChange = { [A in ChangeAction]: { action: A; input: Parameters<typeof call<'clerk', A>>[2] } }[ChangeAction];

/**
 * One request as its clerk sees it, and `act` to change it. A stale version answers CONFLICT:
 * the client's toast says 这条记录刚被别人修改过 and the record is loaded again either way.
 */
export const useClerkRequest = (id: string) => {
  const [state, setState] = useState<{ data?: Loaded; error?: WireError; loading: boolean }>({ loading: true });
  const load = useCallback(async () => {
    if (!id) return setState({ loading: false });
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const a = await call('clerk', 'get', { id }, { toast: false });
    if (!a.ok) return setState({ loading: false, error: a.error });
    const names = Object.fromEntries(a.data.centers.map((c) => [c.id, c.name]));
    setState({ loading: false, data: { ...a.data, names } });
  }, [id]);
  useEffect(() => void load(), [load]);

  const act = async (change: ClerkChange, done: string): Promise<RequestView | null> => {
    const a = (await call('clerk', change.action, change.input as never, { loading: '正在提交' })) as Answer<{ request: RequestView }>;
    if (a.ok) void Taro.showToast({ title: done, icon: 'success' });
    await load();
    return a.ok ? a.data.request : null;
  };
  return { ...state, reload: load, act };
};

/** Confirms an incoming handoff by the code on its slip; answers the request, or null (a toast says why). */
export const confirmHandoff = async (code: string): Promise<RequestView | null> => {
  const a = await call('clerk', 'confirmHandoff', { code }, { loading: '正在签收' });
  return a.ok ? a.data.request : null;
};

/** An item of the catalogue, for the material list and the form's field labels. */
export const useCatalogueItem = (code: string | undefined) => useQuery(() => (code ? call('directory', 'getItem', { code }, { toast: false }) : null), [code]);
