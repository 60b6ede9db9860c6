/**
 * The administrator's data: invitations, the people holding roles, the holiday calendar.
 * Loads go through the one API client; changes answer the fresh record or null (a toast said why).
 */
import type { ActionInput, ActionOutput } from '@shared/api.schema';
import { call } from '../../services/api';
import { useQuery, type Query } from '../../hooks/useQuery';

/** The calendar's years and how far it reaches. */
export const useCalendar = (): Query<ActionOutput<'admin', 'calendar'>> => useQuery(() => call('admin', 'calendar', {}, { toast: false }), []);

/** Open, used and revoked invitations, newest first. */
export const useInvites = (): Query<ActionOutput<'admin', 'listInvites'>> =>
  useQuery(() => call('admin', 'listInvites', { pageSize: 50 }, { toast: false }), []);

/** The clerks (or administrators), optionally of one center. */
export const usePeople = (role: 'clerk' | 'admin', centerId?: string): Query<ActionOutput<'admin', 'listPeople'>> =>
  useQuery(() => call('admin', 'listPeople', { role, centerId, pageSize: 100 }, { toast: false }), [role, centerId]);

/** Makes an invitation; answers it with its one-time code, or null. */
export const createInvite = async (input: ActionInput<'admin', 'createInvite'>) => {
  const a = await call('admin', 'createInvite', input, { loading: '正在生成邀请码' });
  return a.ok ? a.data : null;
};

/** Runs an admin change and answers whether it went through. */
export const change = async <A extends 'revokeInvite' | 'moveRole' | 'revokeRole'>(action: A, input: ActionInput<'admin', A>): Promise<boolean> =>
  (await call('admin', action, input, { loading: '正在保存' })).ok;
