/**
 * The romanizer the search index is built with: pinyin-pro, without tones, its polyphone
 * rules reading each name as a whole (重度 → zhongdu, 银行 → yinhang). Letters and digits
 * in a name stay as they are; punctuation goes.
 *
 * pinyin-pro is required on the first name to romanize, not when the function loads: it is a
 * third of a bundle and takes about as long to parse as the CloudBase SDK (the manifest's
 * `loadLater` puts it in a file of its own beside index.js).
 */
import type * as PinyinPro from 'pinyin-pro';
import type { Romanizer } from '../../../shared/search.index';

let pinyinPro: typeof PinyinPro | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first search, not at the function's start
const lib = (): typeof PinyinPro => (pinyinPro ??= require('pinyin-pro') as typeof PinyinPro);

const clean = (syllables: string[]): string =>
  syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Pinyin and initials of a Chinese text, as the search index stores them. */
export const romanize: Romanizer = (text) => ({
  full: clean(lib().pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })),
  initials: clean(lib().pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })),
});
