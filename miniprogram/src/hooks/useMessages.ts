import { call } from '../services/api';
import { useQuery } from './useQuery';
import { useSession } from './useSession';

/** The caller's messages, newest first: a resident's notices, or those to a clerk's center. */
export const useMessages = () => {
  const { user } = useSession();
  return useQuery(() => (user ? call('messages', 'list', { pageSize: 50 }, { toast: false }) : null), [user?.id]);
};
