/**
 * The scheduler's pass over 云上宠企 demands: a demand past its acknowledgement or answer term is
 * marked once per term (a conditional write on its version, so a clerk's step at the same moment
 * wins and the next pass looks again) and the officer's center and the handling center are told.
 */
import { newlyOverdue } from '../../shared/demand.machine';
import { overdueDemandNotices } from '../../shared/demand.notices.zh-CN';
import type { Deps } from '../core/services/context';
import type { OutboxRecord } from '../core/stores/outbox.port';

/** How many overdue demands one pass looks at, at most. */
const LIMIT = 2000;
const PAGE_SIZE = 100;

/** Marks and announces the terms that passed; answers how many demands it told of. */
export const noticeOverdueDemands = async (deps: Pick<Deps, 'demands' | 'newId' | 'now'>): Promise<number> => {
  const now = deps.now().toISOString();
  let told = 0;
  for (let page = 1; (page - 1) * PAGE_SIZE < LIMIT; page++) {
    const { items } = await deps.demands.listDemands({ overdueAt: now }, { page, pageSize: PAGE_SIZE });
    for (const d of items) {
      const terms = newlyOverdue(d, now);
      if (!terms.length) continue;
      const next = { ...d, version: d.version + 1, overdueNoticed: [...new Set([...(d.overdueNoticed ?? []), ...terms])], updatedAt: now };
      const notices: OutboxRecord[] = overdueDemandNotices(next, terms).map((n) => ({
        ...n,
        id: deps.newId('msg'),
        version: 1,
        demandId: d.id,
        createdAt: now,
        state: 'pending',
        attempts: 0,
      }));
      if ((await deps.demands.updateDemand(next, d.version, notices)).ok) told += 1;
    }
    if (items.length < PAGE_SIZE) break;
  }
  return told;
};
