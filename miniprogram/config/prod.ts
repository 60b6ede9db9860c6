import type { UserConfigExport } from '@tarojs/cli';

/** Production build: minified; the weapp main package must stay under 1 MB. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
