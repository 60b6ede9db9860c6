/**
 * The romanizer the search index is built with: pinyin-pro, without tones, its polyphone
 * rules reading each name as a whole (重度 → zhongdu, 银行 → yinhang). Letters and digits
 * in a name stay as they are; punctuation goes.
 */
import { pinyin } from 'pinyin-pro';
import type { Romanizer } from '../../../shared/search.index';

const clean = (syllables: string[]): string =>
  syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Pinyin and initials of a Chinese text, as the search index stores them. */
export const romanize: Romanizer = (text) => ({
  full: clean(pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })),
  initials: clean(pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })),
});
