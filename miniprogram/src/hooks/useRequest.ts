import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActionInput, RequestView, WireError } from '@shared/api.schema';
import type { AuditEntry, RatingLevel } from '@shared/request.schema';
import { call } from '../services/api';
import { centerIdsOf, type CenterNames } from '../pages-service/request/timeline';

type Loaded = { request: RequestView; timeline: AuditEntry[]; names: CenterNames };

/** Names of the centers a request passes, fetched once each. */
const namesOf = async (ids: string[]): Promise<CenterNames> => {
  const answers = await Promise.all(ids.map((id) => call('directory', 'getCenter', { id }, { toast: false })));
  return Object.fromEntries(answers.flatMap((a, i) => (a.ok ? [[ids[i], a.data.center.name]] : [])));
};

/** One request with its timeline, and the applicant's actions on it; each action reloads it. */
export const useRequest = (id: string) => {
  const [state, setState] = useState<{ data?: Loaded; error?: WireError; loading: boolean }>({ loading: true });
  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: undefined }));
    const a = await call('requests', 'get', { id }, { toast: false });
    if (!a.ok) return setState({ loading: false, error: a.error });
    const names = await namesOf(centerIdsOf(a.data.request, a.data.timeline));
    setState({ loading: false, data: { ...a.data, names } });
  }, [id]);
  useEffect(() => void load(), [load]);

  const act = async <A extends 'withdraw' | 'supplement' | 'rate'>(action: A, input: Omit<ActionInput<'requests', A>, 'id' | 'version'>, done: string) => {
    const r = state.data?.request;
    if (!r) return false;
    const a = await call('requests', action, { ...input, id: r.id, version: r.version } as ActionInput<'requests', A>, { loading: '正在提交' });
    if (a.ok) void Taro.showToast({ title: done, icon: 'success' });
    await load();
    return a.ok;
  };

  return {
    ...state,
    reload: load,
    withdraw: () => act('withdraw', {}, '已撤回'),
    supplement: (materials: { name: string; fileId: string }[], note?: string) => act('supplement', { materials, note }, '已补交材料'),
    rate: (level: RatingLevel, comment: string, reasons: string[] = []) => act('rate', { level, comment, reasons }, '感谢您的评价'),
  };
};
