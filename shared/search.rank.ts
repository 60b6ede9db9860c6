/**
 * Ranks the catalogue for what a resident typed. Tiers, best first: the exact name (or code),
 * a name reached through a synonym (低保 → 最低生活保障), a name containing the words, the
 * name's pinyin or initials, then the materials, and last the department, category or life
 * event. Within a tier, items the viewer can apply for at home come first and items for the
 * other kind of applicant (a company-only item for a resident) fall by more than a tier.
 */
import type { Item } from './catalogue.schema';
import { isLatin, normalizeText, type IndexedTerm, type SearchIndex } from './search.index';

/** Who is searching: the kind of applicant, and the items their home village center offers. */
export type SearchViewer = { audience: 'person' | 'company' | null; homeOffers: ReadonlySet<string> };

/** One ranked item; a lower score is a better match. */
export type SearchHit = { item: Item; score: number };

/**
 * Base scores of the tiers, far enough apart that the tie-breaks (a synonym's place in its group,
 * up to 2; the name's length, under 0.5) never cross one. `related` is a synonym reached from a
 * catalogue word rather than from the everyday word: 宅基地 finds 建房 items, after its own.
 */
const TIER = { exact: 0, synonymExact: 5, synonym: 10, name: 20, related: 23, pinyin: 26, initials: 28, material: 40, place: 45 } as const;
/** What the viewer's fit adds: home-offered items first; the other kind of applicant drops past a tier. */
const FIT = { home: 0, fits: 3, other: 15 } as const;

/** A word to look for, with the tier a name containing it reaches (and one equal to it, for a synonym). */
type Probe = { text: string; base: number; exact: number };

/** Splits the query into words; pinyin typed with spaces (di bao) is one word; fillers go. */
const wordsOf = (q: string, fillers: readonly string[]): string[] => {
  const raw = q.normalize('NFKC').toLowerCase().split(/\s+/).map(normalizeText).filter(Boolean);
  if (raw.length > 1 && raw.every(isLatin)) return [raw.join('')];
  return raw.map((w) => {
    let out = w;
    for (const f of fillers) out = out.split(f).join('');
    return out || w;
  });
};

/**
 * The word itself, and for every synonym term inside it the word with each other term put in.
 * A group's first term is the everyday word (低保): typing it prefers the catalogue's words for
 * it over names that merely contain it; typing one of the catalogue's words prefers its own.
 */
const probesOf = (word: string, groups: SearchIndex['groups'], extra = 0): Probe[] => {
  const probes: Probe[] = [{ text: word, base: TIER.name + extra, exact: TIER.exact + extra }];
  for (const group of groups) {
    const inside = group.find((t) => word.includes(t.text));
    if (!inside) continue;
    const base = inside === group[0] ? TIER.synonym : TIER.related;
    group.forEach((other, order) => {
      if (other === inside) return;
      const rank = Math.min(order, 10) * 0.2 + extra;
      const replaced = word.replace(inside.text, other.text);
      probes.push({ text: replaced, base: base + rank, exact: TIER.synonymExact + rank });
      if (replaced !== other.text) probes.push({ text: other.text, base: base + 1 + rank, exact: TIER.synonymExact + 1 + rank });
    });
    if (inside.text !== word) probes.push({ text: inside.text, base: TIER.name + 1 + extra, exact: TIER.name + extra });
  }
  return probes;
};

/** Pinyin that spells a synonym term (dibao, db) stands for the term's characters. */
const termsSpelled = (word: string, groups: SearchIndex['groups']): { term: IndexedTerm; extra: number }[] =>
  groups.flatMap((g) => g.flatMap((term) =>
    term.pinyin === word ? [{ term, extra: 0 }] : word.length >= 2 && term.initials === word ? [{ term, extra: 2 }] : []));

/** The best score of every item matching one word. */
const scoreWord = (index: SearchIndex, word: string): Map<number, number> => {
  const best = new Map<number, number>();
  const offer = (at: number, score: number) => {
    const had = best.get(at);
    if (had === undefined || score < had) best.set(at, score);
  };
  const probe = (p: Probe) => {
    const side = p.base >= TIER.synonym && p.base < TIER.name ? 1 : 0;
    index.byName.find(p.text, (at, name) => offer(at, name === p.text ? p.exact : p.base));
    index.byMaterial.find(p.text, (at) => offer(at, TIER.material + side));
    index.byPlace.find(p.text, (at) => offer(at, TIER.place + side));
  };
  if (isLatin(word)) {
    for (const { term, extra } of termsSpelled(word, index.groups)) probesOf(term.text, index.groups, extra).forEach(probe);
    if (word.length >= 2) {
      index.byPinyin.find(word, (at, py) => offer(at, py === word ? TIER.exact : TIER.pinyin));
      index.byInitials.find(word, (at, ini) => offer(at, ini === word ? TIER.synonymExact : TIER.initials));
    }
  } else probesOf(word, index.groups).forEach(probe);
  // codes carry digits; a word without any cannot be one
  if (/\d/.test(word)) index.codes.forEach((code, at) => {
    if (code === word) offer(at, TIER.exact);
    else if (word.length >= 4 && code.includes(word)) offer(at, TIER.name);
  });
  return best;
};

const fitOf = (item: Item, viewer: SearchViewer): number => {
  if (!viewer.audience) return 0;
  if (item.audience !== 'both' && item.audience !== viewer.audience) return FIT.other;
  return viewer.homeOffers.has(item.code) ? FIT.home : FIT.fits;
};

/**
 * Every item matching every word of `q`, best first (ties: shorter name, then code).
 * An empty query matches nothing; listing the catalogue is the caller's job.
 */
export const searchCatalogue = (index: SearchIndex, q: string, viewer: SearchViewer): SearchHit[] => {
  const words = wordsOf(q, index.fillers);
  if (!words.length) return [];
  let total: Map<number, number> | null = null;
  for (const word of words) {
    const scores = scoreWord(index, word);
    if (!total) total = scores;
    else {
      const both = new Map<number, number>();
      for (const [at, s] of total) {
        const other = scores.get(at);
        if (other !== undefined) both.set(at, Math.max(s, other));
      }
      total = both;
    }
    if (!total.size) return [];
  }
  const hits: SearchHit[] = [];
  for (const [at, s] of total ?? []) {
    const item = index.items[at];
    hits.push({ item, score: s + fitOf(item, viewer) + Math.min(index.names[at].length, 40) * 0.01 });
  }
  return hits.sort((a, b) => a.score - b.score || (a.item.code < b.item.code ? -1 : 1));
};
