/**
 * The indicators' counters (shared/indicators.counters.ts), and the open rectification cases they count: one cell per (China day, intake
 * center), moved in the same transaction as each request write, so admin.stats sums cells and
 * never reads the requests. Rules every adapter keeps:
 * - the cells always equal `countersOfAll` over the stored requests (a request write and its
 *   cells' change commit together, or neither does);
 * - `rebuildIndicators` recounts every cell from the requests (a database from before the
 *   counters, or a bulk load);
 * - sums are over China dates `from`..`to`, both included, optionally of some intake centers.
 */
import type { Counters } from '../../../shared/indicators.counters';
import type { Request } from '../../../shared/request.schema';
import type { Page, PageOf } from './store.page';

export type CounterQuery = { from: string; to: string; centerIds?: readonly string[] };

export interface IndicatorStore {
  /** The counters summed per day over the query's centers, days without a cell left out, in day order. */
  countersByDay(q: CounterQuery): Promise<{ day: string; counters: Counters }[]>;
  /** The counters summed per intake center over the query's days, centers without a cell left out. */
  countersByCenter(q: CounterQuery): Promise<{ centerId: string; counters: Counters }[]>;
  /** Open rectification cases whose deadline is before `now`, counted by the request's intake center. */
  lateRectifications(now: string): Promise<{ centerId: string; n: number }[]>;
  /**
   * The open rectification cases across the city, earliest deadline first (then id); `before`
   * keeps those whose deadline is before it (the late ones).
   */
  listRectifications(q: { before?: string }, page: Page): Promise<PageOf<Request>>;
  /** Recounts every cell from the stored requests; answers how many requests and cells there are. */
  rebuildIndicators(): Promise<{ requests: number; cells: number }>;
}
