/**
 * Reaching under a store to make the state a crash leaves: a place taken on a slot's counter with
 * no booking behind it. On CloudBase it is the adapter's own first step, the conditional update of
 * the counter, sent through the real SDK to the fake, and then nothing (the process "died"); on
 * SQLite, which never leaks, the counter row is changed by hand.
 */
import tcb from '@cloudbase/node-sdk';
import type { Db } from '../../cloudfunctions/core/stores/sqlite.kit';
import type { Stores } from '../../cloudfunctions/core/stores/store.port';

export type LeakSlot = { id: string; centerId: string; date: string };

/** Takes one place of a slot under `capacity` without a booking, stamping `at` (null: a counter from before `touchedAt`). */
export type Leak = (store: Stores, slot: LeakSlot, capacity: number, at: string | null) => Promise<void>;

/** On CloudBase: `where({ _id, taken: _.lt(capacity) }).update({ taken: _.inc(1), touchedAt })`, making the counter first if none. */
export const cloudbaseLeak: Leak = async (_store, slot, capacity, at) => {
  const db = tcb.init({ env: process.env.TCB_ENV }).database();
  const _ = db.command;
  const slots = db.collection('booking_slots');
  const stamp = at === null ? { touchedAt: _.remove() } : { touchedAt: at };
  const taken = await slots.where({ _id: slot.id, taken: _.lt(capacity) }).update({ taken: _.inc(1), ...stamp });
  if (taken.updated === 1) return;
  if ((await slots.doc(slot.id).get()).data.length) throw new Error(`leak: slot ${slot.id} is full`);
  await slots.add({ _id: slot.id, centerId: slot.centerId, date: slot.date, taken: 1, ...(at === null ? {} : { touchedAt: at }) });
};

/** On SQLite: the counter row of a store's connection (found through `dbOf`) is moved by hand. */
export const sqliteLeak =
  (dbOf: (store: Stores) => Db): Leak =>
  async (store, slot, capacity, at) => {
    const db = dbOf(store);
    db.prepare('INSERT INTO booking_slots (id, center_id, date, taken, touched_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING').run(
      slot.id,
      slot.centerId,
      slot.date,
      at,
    );
    const moved = db.prepare('UPDATE booking_slots SET taken = taken + 1, touched_at = ? WHERE id = ? AND taken < ?').run(at, slot.id, capacity);
    if (moved.changes !== 1) throw new Error(`leak: slot ${slot.id} is full`);
  };
