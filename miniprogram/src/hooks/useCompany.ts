/**
 * The company side's data: the caller's companies and claims, the acting company's home and
 * members, its demands, and one demand; plus the clerks' claim and demand queues and the
 * companies their center serves.
 */
import type { ActionOutput, DemandQueue } from '@shared/api.schema';
import { call } from '../services/api';
import { useQuery, type Query } from './useQuery';

/** The companies the caller belongs to and the claims they made. */
export const useMyCompanies = (): Query<{ companies: ActionOutput<'company', 'mine'>['items']; claims: ActionOutput<'company', 'myClaims'>['items'] }> =>
  useQuery(async () => {
    const [mine, claims] = await Promise.all([call('company', 'mine', {}, { toast: false }), call('company', 'myClaims', {}, { toast: false })]);
    if (!mine.ok) return mine;
    if (!claims.ok) return claims;
    return { ok: true as const, data: { companies: mine.data.items, claims: claims.data.items } };
  }, []);

/** The acting company's home; null to load nothing (the caller acts for no company). */
export const useCompanyHome = (acting: boolean): Query<ActionOutput<'company', 'home'>> =>
  useQuery(() => (acting ? call('company', 'home', {}, { toast: false }) : null), [acting]);

export const useCompanyMembers = (): Query<ActionOutput<'company', 'members'>> => useQuery(() => call('company', 'members', {}, { toast: false }), []);

/** The acting company's demands, newest first. */
export const useCompanyDemands = (acting: boolean): Query<ActionOutput<'demands', 'mine'>> =>
  useQuery(() => (acting ? call('demands', 'mine', { pageSize: 50 }, { toast: false }) : null), [acting]);

/** One demand, as its company or a clerk on its path sees it. */
export const useDemand = (id: string): Query<ActionOutput<'demands', 'get'>> =>
  useQuery(() => (id ? call('demands', 'get', { id }, { toast: false }) : null), [id]);

export const useClaimQueue = (): Query<ActionOutput<'company', 'claims'>> => useQuery(() => call('company', 'claims', { pageSize: 50 }, { toast: false }), []);

export const useDemandQueue = (queue: DemandQueue): Query<ActionOutput<'demands', 'queue'>> =>
  useQuery(() => call('demands', 'queue', { queue, pageSize: 50 }, { toast: false }), [queue]);

/** The verified companies the clerk's center serves (辖区企业), the latest verified first; `q` is part of a name or credit code. */
export const useCenterCompanies = (q: string, page: number): Query<ActionOutput<'company', 'centerCompanies'>> =>
  useQuery(() => call('company', 'centerCompanies', { ...(q ? { q } : {}), page, pageSize: 20 }, { toast: false }), [q, page]);
