/**
 * How both adapters read a range of China dates from the indicators' rollups: the whole months
 * inside it from the per-month rows, the days at either edge from the per-day rows. A year of the
 * city by center is then about 12 rows a center instead of 365.
 */
import { addChinaDays } from '../../../shared/china.time';

export type RangeParts = {
  /** whole months inside the range, 'YYYY-MM', both included; null when there is none */
  months: { from: string; to: string } | null;
  /** day ranges the months leave out, both ends included */
  days: { from: string; to: string }[];
};

const lastDayOf = (month: string): string => addChinaDays(`${addChinaDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** Splits `from`..`to` into whole months and edge days. */
export const splitRange = (from: string, to: string): RangeParts => {
  const firstFull = from.endsWith('-01') ? from : `${addChinaDays(`${from.slice(0, 7)}-28`, 4).slice(0, 7)}-01`;
  const lastFull = to === lastDayOf(to.slice(0, 7)) ? to : addChinaDays(`${to.slice(0, 7)}-01`, -1);
  if (firstFull > lastFull) return { months: null, days: [{ from, to }] };
  const days = [...(from < firstFull ? [{ from, to: addChinaDays(firstFull, -1) }] : []), ...(lastFull < to ? [{ from: addChinaDays(lastFull, 1), to }] : [])];
  return { months: { from: firstFull.slice(0, 7), to: lastFull.slice(0, 7) }, days };
};
