/**
 * The paging every store port shares: 1-based pages in, one page plus the total of all matches out.
 */
export type Page = { page: number; pageSize: number };
export type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };
