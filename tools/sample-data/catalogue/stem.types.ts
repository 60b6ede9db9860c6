/**
 * The shape of the hand-written catalogue stems. A stem is a real-sounding matter (the object)
 * with the actions that apply to it; each action makes one item name, '' keeps the object alone.
 */
import type { Audience, ItemList, LifeEvent } from '../../../shared/catalogue.schema';
import type { Category } from './categories';

/** Per-stem overrides of the group defaults. */
export interface StemExtra {
  audience?: Audience;
  /** lists written by hand (bank, citywide, online, sameAuthority); zone and taiping are drawn later */
  lists?: readonly ItemList[];
  fee?: string;
}

/** [object, actions, life events, overrides] */
export type Stem = readonly [object: string, actions: readonly string[], lifeEvents?: readonly LifeEvent[], extra?: StemExtra];

/** Stems of one category at one level. */
export interface StemGroup {
  category: Category;
  audience: Audience;
  /** construction and market-access matters the zone branch may take over */
  zoneEligible?: boolean;
  /** overrides the category's department, e.g. the approval bureau for licences */
  department?: string;
  stems: readonly Stem[];
}

/** Spells the item names of one stem. */
export const stemNames = ([object, actions]: Stem): string[] => actions.map((action) => object + action);
