import { call } from '../services/api';
import { useQuery, type Query } from './useQuery';
import type { ActionOutput } from '@shared/api.schema';

type Townships = ActionOutput<'directory', 'listTownships'>['items'];
type Centers = ActionOutput<'directory', 'listCenters'>;

/** The 16 townships with their center and village counts. */
export const useTownships = (): Query<Townships> => {
  const q = useQuery(() => call('directory', 'listTownships', {}, { toast: false }), []);
  return { ...q, data: q.data?.items };
};

/** Centers of one kind in a township (villages fit one page: about 54 per township), filtered by name. */
export const useCentersIn = (townshipCode: string | undefined, kind: 'village' | 'bank' | undefined, q = ''): Query<Centers> =>
  useQuery(
    () => (townshipCode || q ? call('directory', 'listCenters', { townshipCode, kind, q: q || undefined, pageSize: 100 }, { toast: false }) : null),
    [townshipCode, kind, q],
  );
