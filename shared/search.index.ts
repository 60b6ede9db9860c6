/**
 * The search index over the catalogue, built once per catalogue load: each item's name with its
 * pinyin and initials, and the distinct texts of materials, departments, categories and life
 * events, each with an n-gram index so a query touches only the few texts that can contain it.
 * Pure and deterministic: the romanizer is passed in (the backend hands it pinyin-pro), so
 * shared/ carries no dictionary and the same catalogue always builds the same index.
 */
import type { Item } from './catalogue.schema';
import type { SynonymGroup } from './search.schema';

/** Chinese text in pinyin without tones or separators, and its initials: 低保 → dibao, db. */
export type Romanizer = (text: string) => { full: string; initials: string };

/** Full-width to half-width, lower case, and only Han characters, letters and digits kept. */
export const normalizeText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Script=Han}a-z0-9]+/gu, '');

/** Tells whether a normalized query is pinyin (letters only) rather than characters. */
export const isLatin = (text: string): boolean => /^[a-z]+$/.test(text);

/**
 * Texts with their n-grams: `find(term)` answers the owners of every text containing `term`,
 * verifying only the texts listed under the term's rarest n-gram.
 */
export class TextField {
  private readonly postings = new Map<string, number[]>();
  private readonly every: readonly number[];

  constructor(
    readonly texts: readonly string[],
    /** for each text, the item positions it belongs to */
    readonly owners: readonly (readonly number[])[],
    private readonly n: number,
  ) {
    this.every = texts.map((_, i) => i);
    texts.forEach((t, i) => {
      for (const g of new Set(gramsOf(t, n))) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  /** Appends to `out` the position of every text that contains `term` (no callback: searches run this hot). */
  matches(term: string, out: number[]): void {
    const candidates = this.candidates(term);
    if (!candidates) return;
    for (const i of candidates) if (this.texts[i].includes(term)) out.push(i);
  }

  private candidates(term: string): readonly number[] | null {
    if (term.length < this.n) return this.every;
    let best: number[] | null = null;
    for (let i = 0; i + this.n <= term.length; i += 1) {
      const list = this.postings.get(term.slice(i, i + this.n));
      if (!list) return null;
      if (!best || list.length < best.length) best = list;
    }
    return best;
  }
}

/**
 * The n-grams of a text in UTF-16 units: a term inside a text has all its grams in the text's,
 * surrogate pairs included, and slicing units is what keeps a search cheap.
 */
const gramsOf = (text: string, n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i + n <= text.length; i += 1) out.push(text.slice(i, i + n));
  return out;
};

/** One searchable text per distinct value, with the items carrying it. */
const distinctField = (items: readonly Item[], valuesOf: (i: Item) => string[], n: number): TextField => {
  const owners = new Map<string, number[]>();
  items.forEach((item, at) => {
    for (const v of new Set(valuesOf(item).map(normalizeText))) {
      if (!v) continue;
      const list = owners.get(v);
      if (list) list.push(at);
      else owners.set(v, [at]);
    }
  });
  return new TextField([...owners.keys()], [...owners.values()], n);
};

const longestFirst = (words: readonly string[]): string[] =>
  [...new Set(words.map(normalizeText).filter(Boolean))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** A synonym term with the spellings a query may reach it by. */
export type IndexedTerm = { text: string; pinyin: string; initials: string };

/** The index `searchCatalogue` reads. */
export type SearchIndex = {
  items: readonly Item[];
  /** normalized names, in item order */
  names: readonly string[];
  /** the last tie-break, by position: shorter names first (under 0.5, so it never crosses a tier) */
  lengthBonus: Float64Array;
  codes: readonly string[];
  byName: TextField;
  byPinyin: TextField;
  byInitials: TextField;
  byMaterial: TextField;
  /** department, category and life events: where a matter belongs */
  byPlace: TextField;
  /** synonym groups, their terms in the order the data lists them (first is the most common name) */
  groups: readonly (readonly IndexedTerm[])[];
  /** every synonym term by its first character, with its group's position, to find the groups inside a word */
  termsByChar: ReadonlyMap<string, readonly { text: string; group: number }[]>;
  /** filler words dropped from a query, longest first */
  fillers: readonly string[];
  /** verbs dropped from the start of a word (办低保 → 低保), longest first */
  prefixes: readonly string[];
};

/** Builds the index over the catalogue with the shipped and the administrator's synonym groups. */
export const buildSearchIndex = (
  items: readonly Item[],
  vocabulary: { groups: readonly SynonymGroup[]; fillers: readonly string[]; prefixes: readonly string[] },
  romanize: Romanizer,
): SearchIndex => {
  const sorted = [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const names = sorted.map((i) => normalizeText(i.name));
  const roman = sorted.map((i) => romanize(i.name));
  const self = sorted.map((_, at) => [at]);
  const term = (t: string): IndexedTerm => {
    const r = romanize(t);
    return { text: normalizeText(t), pinyin: r.full, initials: r.initials };
  };
  const groups = vocabulary.groups.map((g) => g.terms.map(term).filter((t) => t.text));
  const termsByChar = new Map<string, { text: string; group: number }[]>();
  groups.forEach((g, group) =>
    g.forEach((t) => {
      const list = termsByChar.get(t.text[0]);
      if (list) list.push({ text: t.text, group });
      else termsByChar.set(t.text[0], [{ text: t.text, group }]);
    }),
  );
  return {
    items: sorted,
    names,
    lengthBonus: Float64Array.from(names, (n) => Math.min(n.length, 40) * 0.01),
    codes: sorted.map((i) => normalizeText(i.code)),
    byName: new TextField(names, self, 2),
    byPinyin: new TextField(
      roman.map((r) => r.full),
      self,
      3,
    ),
    byInitials: new TextField(
      roman.map((r) => r.initials),
      self,
      2,
    ),
    byMaterial: distinctField(sorted, (i) => i.materials.map((m) => m.name), 2),
    byPlace: distinctField(sorted, (i) => [i.department, i.category, ...i.lifeEvents], 2),
    groups,
    termsByChar,
    fillers: longestFirst(vocabulary.fillers),
    prefixes: longestFirst(vocabulary.prefixes),
  };
};
