/**
 * 云上宠企 demands. Every step is a conditional write on the demand's `version` (a stale one
 * answers CONFLICT: two clerks acting at once cannot both win), written together with the
 * notices it causes. Queues are indexed reads by the center that holds a demand or has it on its path.
 */
import type { Result } from '../../../shared/errors';
import type { Demand, DemandState } from '../../../shared/demand.schema';
import type { DemandFacts } from '../../../shared/demand.stats';
import type { OutboxRecord } from './outbox.port';
import type { Page, PageOf } from './store.page';

/**
 * Which demands a listing shows. `holderCenterId` with `states`: a center's to-do; `pathCenterId`:
 * every demand a center has been part of; `overdueAt`: only those past a term at that instant.
 */
export type DemandFilter = {
  companyId?: string;
  holderCenterId?: string;
  pathCenterId?: string;
  /** on the path but no longer held there (the officer watching a forwarded demand) */
  notHolderCenterId?: string;
  states?: readonly DemandState[];
  overdueAt?: string;
};

export interface DemandStore {
  /** Stores a new demand with its notices (DUPLICATE if the id is taken). */
  createDemand(demand: Demand, outbox: OutboxRecord[]): Promise<Result<Demand>>;
  getDemand(id: string): Promise<Demand | null>;
  /** Writes `next` (version expectedVersion + 1) with its notices only if the stored version is `expectedVersion`. */
  updateDemand(next: Demand, expectedVersion: number, outbox: OutboxRecord[]): Promise<Result<Demand>>;
  /** Demands, newest first. */
  listDemands(filter: DemandFilter, page: Page): Promise<PageOf<Demand>>;
  countDemands(filter: DemandFilter): Promise<number>;
  /** The demands whose attachments carry a file (who may see it). */
  demandsWithFile(fileId: string, limit: number): Promise<Demand[]>;
  /** The indicator facts of the demands raised in a window (both ends optional). */
  demandFacts(from?: string, to?: string): Promise<DemandFacts[]>;
}
