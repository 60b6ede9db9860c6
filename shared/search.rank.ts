/**
 * Ranks the catalogue for what a resident typed. Tiers, best first: the exact name (or code),
 * a name reached through a synonym (低保 → 最低生活保障), a name containing the words, the
 * name's pinyin or initials, then the materials, and last the department, category or life
 * event. Within a tier, items the viewer can apply for at home come first and items for the
 * other kind of applicant (a company-only item for a resident) fall by more than a tier.
 */
import type { Item } from './catalogue.schema';
import { isLatin, normalizeText, type IndexedTerm, type SearchIndex, type TextField } from './search.index';

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
type Probe = { text: string; base: number; exact: number; synonym: boolean };

/** Splits the query into words; pinyin typed with spaces (di bao) is one word; fillers and leading verbs go. */
const wordsOf = (q: string, index: Pick<SearchIndex, 'fillers' | 'prefixes'>): string[] => {
  const raw = q.normalize('NFKC').toLowerCase().split(/\s+/).map(normalizeText).filter(Boolean);
  if (raw.length > 1 && raw.every(isLatin)) return [raw.join('')];
  return raw.map((w) => {
    let out = w;
    for (const f of index.fillers) if (out.includes(f)) out = out.split(f).join('');
    const prefix = index.prefixes.find((p) => out.startsWith(p) && out.length > p.length + 1);
    if (prefix) out = out.slice(prefix.length);
    return out || w;
  });
};

/** The groups with a term inside the word, in the data's order. */
const groupsInside = (word: string, termsByChar: SearchIndex['termsByChar']): number[] => {
  const found = new Set<number>();
  for (let i = 0; i < word.length; i += 1) {
    for (const t of termsByChar.get(word[i]) ?? []) if (word.startsWith(t.text, i)) found.add(t.group);
  }
  return [...found].sort((a, b) => a - b);
};

/** At most this many spellings of one word are tried (each synonym inside it multiplies them). */
const MAX_PROBES = 64;

/**
 * The word itself, and for every synonym term inside it the word with each other term put in,
 * over every group in turn (社保卡丢了 → 社会保障卡丢了 → 社会保障卡挂失). A group's first
 * term is the everyday word (低保): typing it prefers the catalogue's words for it over names
 * that merely contain it; typing one of the catalogue's words prefers its own names first.
 */
const probesOf = (word: string, index: Pick<SearchIndex, 'groups' | 'termsByChar'>, extra = 0): Probe[] => {
  const probes: Probe[] = [{ text: word, base: TIER.name + extra, exact: TIER.exact + extra, synonym: false }];
  const bare: Probe[] = [];
  for (const at of groupsInside(word, index.termsByChar)) {
    const group = index.groups[at];
    const inside = group.find((t) => word.includes(t.text));
    if (!inside) continue;
    const tier = inside === group[0] ? TIER.synonym : TIER.related;
    for (const from of [...probes]) {
      if (!from.text.includes(inside.text)) continue;
      group.forEach((other, order) => {
        if (other === inside || probes.length >= MAX_PROBES) return;
        const rank = Math.min(order, 10) * 0.2 + extra;
        const replaced = from.text.replace(inside.text, other.text);
        // a spelling reached through two synonyms is as good as the weaker of them
        const base = from.synonym ? Math.max(from.base, tier + rank) : tier + rank;
        const exact = from.synonym ? Math.max(from.exact, TIER.synonymExact + rank) : TIER.synonymExact + rank;
        probes.push({ text: replaced, base, exact, synonym: true });
        // the other term alone loses the rest of the word, so it ranks below a name holding the whole word
        if (!from.synonym && replaced !== other.text)
          bare.push({ text: other.text, base: TIER.related + 1.5 + rank, exact: TIER.synonymExact + 1 + rank, synonym: true });
      });
    }
    if (inside.text !== word) bare.push({ text: inside.text, base: TIER.name + 1 + extra, exact: TIER.name + extra, synonym: false });
  }
  return [...probes, ...bare];
};

/** Pinyin that spells a synonym term (dibao, db) stands for the term's characters. */
const termsSpelled = (word: string, groups: SearchIndex['groups']): { term: IndexedTerm; extra: number }[] =>
  groups.flatMap((g) =>
    g.flatMap((term) => (term.pinyin === word ? [{ term, extra: 0 }] : word.length >= 2 && term.initials === word ? [{ term, extra: 2 }] : [])),
  );

/** Scores of one word under way: the best per item (Infinity where none) and the items touched. */
type Tally = { scores: Float64Array; touched: number[]; found: number[] };

const offer = (t: Tally, at: number, score: number): void => {
  const had = t.scores[at];
  if (had === Infinity) t.touched.push(at);
  if (score < had) t.scores[at] = score;
};

/** Offers every owner of a text containing `term`: `exact` when the text is the term, else `base`. */
const offerField = (t: Tally, field: TextField, term: string, base: number, exact: number): void => {
  t.found.length = 0;
  field.matches(term, t.found);
  for (const i of t.found) {
    const score = field.texts[i] === term ? exact : base;
    for (const at of field.owners[i]) offer(t, at, score);
  }
};

const offerProbe = (t: Tally, index: SearchIndex, p: Probe): void => {
  const side = p.synonym ? 1 : 0;
  offerField(t, index.byName, p.text, p.base, p.exact);
  offerField(t, index.byMaterial, p.text, TIER.material + side, TIER.material + side);
  offerField(t, index.byPlace, p.text, TIER.place + side, TIER.place + side);
};

/** The best score of every item matching one word, in `t.scores`; `t.touched` lists the items. */
const scoreWord = (index: SearchIndex, word: string, t: Tally): void => {
  if (isLatin(word)) {
    for (const { term, extra } of termsSpelled(word, index.groups)) for (const p of probesOf(term.text, index, extra)) offerProbe(t, index, p);
    if (word.length >= 2) {
      offerField(t, index.byPinyin, word, TIER.pinyin, TIER.exact);
      offerField(t, index.byInitials, word, TIER.initials, TIER.synonymExact);
    }
  } else for (const p of probesOf(word, index)) offerProbe(t, index, p);
  // codes carry digits; a word without any cannot be one
  if (/\d/.test(word)) {
    for (let at = 0; at < index.codes.length; at += 1) {
      const code = index.codes[at];
      if (code === word) offer(t, at, TIER.exact);
      else if (word.length >= 4 && code.includes(word)) offer(t, at, TIER.name);
    }
  }
};

const fitOf = (item: Item, viewer: SearchViewer): number => {
  if (!viewer.audience) return 0;
  if (item.audience !== 'both' && item.audience !== viewer.audience) return FIT.other;
  return viewer.homeOffers.has(item.code) ? FIT.home : FIT.fits;
};

/**
 * Per-index work arrays, reused by every search over it: allocating three typed arrays per
 * query cost more than the search. Each search leaves them as it found them (scores Infinity,
 * matched 0), so no answer depends on an earlier one.
 */
const scratch = new WeakMap<SearchIndex, { total: Float64Array; matched: Uint8Array; scores: Float64Array }>();
const scratchOf = (index: SearchIndex) => {
  let s = scratch.get(index);
  if (!s) {
    const n = index.items.length;
    s = { total: new Float64Array(n), matched: new Uint8Array(n), scores: new Float64Array(n).fill(Infinity) };
    scratch.set(index, s);
  }
  return s;
};

/** Which hits to keep: the list filters, and how many of the best to answer (all when absent). */
export type SearchOptions = { accept?: (item: Item) => boolean; limit?: number };
/** The best hits, best first, and how many items matched in all. */
export type SearchResult = { hits: SearchHit[]; total: number };

/** Items come sorted by code, so a lower position breaks a tie the way the code does. */
type Ranked = { at: number; score: number };
const before = (a: Ranked, b: Ranked) => a.score < b.score || (a.score === b.score && a.at < b.at);

/** Keeps the `limit` best in order, so a page costs one pass and no full sort. */
const keepBest = (best: Ranked[], entry: Ranked, limit: number): void => {
  if (best.length >= limit && !before(entry, best[best.length - 1])) return;
  let i = best.length;
  while (i > 0 && before(entry, best[i - 1])) i -= 1;
  best.splice(i, 0, entry);
  if (best.length > limit) best.pop();
};

/**
 * The items matching every word of `q` (and `accept`), best first; ties go to the shorter name,
 * then the code. An empty query matches nothing: listing the catalogue is the caller's job.
 */
export const searchCatalogue = (index: SearchIndex, q: string, viewer: SearchViewer, options: SearchOptions = {}): SearchResult => {
  const words = wordsOf(q, index);
  if (!words.length) return { hits: [], total: 0 };
  const { total, matched, scores } = scratchOf(index);
  let pool: number[] = [];
  words.forEach((word, k) => {
    const tally: Tally = { scores, touched: [], found: [] };
    scoreWord(index, word, tally);
    const next: number[] = [];
    for (const at of tally.touched) {
      if (matched[at] === k) {
        total[at] = k === 0 ? scores[at] : Math.max(total[at], scores[at]);
        matched[at] = k + 1;
        next.push(at);
      }
      scores[at] = Infinity;
    }
    for (const at of pool) if (matched[at] === k) matched[at] = 0; // dropped by this word
    pool = next;
  });
  for (const at of pool) matched[at] = 0;
  const limit = options.limit ?? Infinity;
  const best: Ranked[] = [];
  let count = 0;
  const accept = options.accept;
  for (const at of pool) {
    const item = index.items[at];
    if (accept && !accept(item)) continue;
    count += 1;
    const score = total[at] + fitOf(item, viewer) + index.lengthBonus[at];
    if (limit === Infinity) best.push({ at, score });
    else if (best.length < limit || score <= best[best.length - 1].score) keepBest(best, { at, score }, limit);
  }
  if (limit === Infinity) best.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return { hits: best.map((b) => ({ item: index.items[b.at], score: b.score })), total: count };
};
