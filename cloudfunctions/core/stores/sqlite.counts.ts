/**
 * The clerk's queue counts as counters, kept in the same transaction as every request write:
 * one row per (center, queue), moved by the difference between a request's row before and
 * after the write. `countQueues` then reads a center's seven rows instead of counting the
 * thousands of requests the city center holds.
 */
import type { QueueName } from '../../../shared/api.schema';
import { prepared, type Db } from './sqlite.kit';
import { emptyCounts } from './store.columns';

/**
 * What a request adds to the counts: one in its queue at its holder, when overdue one at each
 * center on its path, and with an open rectification one in `rectify` at the deciding center.
 */
export type Counted = { holder: string; queue: string | null; overdue: boolean; centers: readonly string[]; rectify: string | null };

/** Counts the open rectification cases by deciding center (the column comes with migration 13). */
export const COUNT_RECTIFY_SQL = `
  INSERT INTO queue_counts (center_id, queue, n)
    SELECT rectify_center_id, 'rectify', COUNT(*) FROM requests WHERE rectify_center_id IS NOT NULL GROUP BY rectify_center_id;`;

/** Recounts the held and overdue counters from the requests and their path rows, as migration 4 first did. */
export const REBUILD_HELD_COUNTS_SQL = `
  DELETE FROM queue_counts;
  INSERT INTO queue_counts (center_id, queue, n)
    SELECT holder_center_id, queue, COUNT(*) FROM requests WHERE queue IS NOT NULL GROUP BY holder_center_id, queue;
  INSERT INTO queue_counts (center_id, queue, n)
    SELECT center_id, 'overdue', COUNT(*) FROM request_centers WHERE overdue = 1 GROUP BY center_id;`;

/** Recounts every counter from the requests and their path rows (bulk loads). */
export const REBUILD_QUEUE_COUNTS_SQL = `${REBUILD_HELD_COUNTS_SQL}${COUNT_RECTIFY_SQL}`;

/** Moves the counters from a request's row before a write to its row after (null: no row). */
export const queueCounter = (db: Db) => {
  const add = prepared(
    db,
    `INSERT INTO queue_counts (center_id, queue, n) VALUES (?, ?, ?)
    ON CONFLICT (center_id, queue) DO UPDATE SET n = n + excluded.n`,
  );
  return (before: Counted | null, after: Counted | null): void => {
    const deltas = new Map<string, { center: string; queue: string; n: number }>();
    const move = (c: Counted | null, by: number) => {
      if (!c) return;
      const touch = (center: string, queue: string) => {
        const key = `${center}\u0000${queue}`;
        const d = deltas.get(key) ?? { center, queue, n: 0 };
        d.n += by;
        deltas.set(key, d);
      };
      if (c.queue) touch(c.holder, c.queue);
      if (c.overdue) for (const center of c.centers) touch(center, 'overdue');
      if (c.rectify) touch(c.rectify, 'rectify');
    };
    move(before, -1);
    move(after, +1);
    for (const d of deltas.values()) if (d.n !== 0) add.run(d.center, d.queue, d.n);
  };
};

/** A center's counts, every queue present. */
export const readCounts = (db: Db, centerId: string): Record<QueueName, number> => {
  const counts = emptyCounts();
  const rows = prepared(db, 'SELECT queue, n FROM queue_counts WHERE center_id = ?').all(centerId) as { queue: QueueName; n: number }[];
  for (const r of rows) if (r.queue in counts) counts[r.queue] = r.n;
  return counts;
};
