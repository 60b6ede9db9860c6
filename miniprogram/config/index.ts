import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { createSwcRegister } from '@tarojs/helper';

const root = path.resolve(__dirname, '..');
const sharedDir = path.resolve(root, '../shared');

/** NutUI is drawn at 375 px; our own styles at Taro's 750. */
const designWidth = (input?: { file?: string }): number => ((input?.file ?? '').replace(/\\+/g, '/').includes('@nutui') ? 375 : 750);

type Rule = {
  test(t: RegExp): Rule;
  exclude: { add(t: RegExp): unknown };
  use(name: string): { loader(path: string): unknown };
  sideEffects(flag: boolean): Rule;
};
type Chain = { module: { rule(name: string): Rule }; resolve: { alias: { set(name: string, to: string): unknown } } };

/**
 * What both builds add to Taro's webpack setup:
 * - chinese-days' holiday table only from the year before the build on (holidays.loader.js);
 * - the shared core and the components folder marked free of side effects, so a page that
 *   imports one component from the components index, or one function from a shared module, does
 *   not carry the rest (the H5 home page carried zod and the holiday calendar that way).
 *   zod's zh-CN error map is imported for its effect, so it keeps its side effects.
 */
const appChain = (chain: Chain) => {
  chain.module
    .rule('holidays')
    .test(/chinese-days[\\/]dist[\\/]chinese-days\.json$/)
    .use('trim')
    .loader(path.resolve(__dirname, 'holidays.loader.js'));
  const shared = chain.module
    .rule('pure-shared')
    .test(/[\\/]shared[\\/][^\\/]+\.ts$/)
    .sideEffects(false);
  shared.exclude.add(/field\.errormap\.zh-CN\.ts$/);
  chain.module
    .rule('pure-components')
    .test(/[\\/]src[\\/]components[\\/][^\\/]+\.tsx?$/)
    .sideEffects(false);
};

/**
 * The browser build's `@tarojs/components`: Taro's React components with the map, picker, text
 * area and canvas made in modules of their own (src/platform/taro/), so that a page carries only
 * those it shows (the home page carried the map and its gesture library). Those modules only
 * make or re-export components, so they are free of side effects too.
 */
const h5Chain = (chain: Chain) => {
  appChain(chain);
  chain.resolve.alias.set('@tarojs/components$', path.resolve(root, 'src/platform/taro/components.h5.ts'));
  chain.module
    .rule('pure-taro-components')
    .test(/[\\/]src[\\/]platform[\\/]taro[\\/][^\\/]+\.ts$/)
    .sideEffects(false);
};

/**
 * The subscribe-message template ids the app asks consent for: the same ZC_TEMPLATE_<KIND>
 * variables the scheduler sends with, read when the app is built. A malformed one stops the build.
 */
const subscribeTemplates = () => {
  // Taro compiles the TypeScript of this folder only; the shared module is compiled the same way (jest compiles it itself)
  if (!process.env.JEST_WORKER_ID) createSwcRegister({ only: [(file: string) => file.startsWith(__dirname) || file.startsWith(sharedDir)] });
  const { templatesFromEnv } = require('../../shared/notice.templates') as typeof import('../../shared/notice.templates');
  const { templates, problems } = templatesFromEnv(process.env);
  if (problems.length) throw new Error(`miniprogram build: ${problems.join('; ')}`);
  return templates;
};

/** The Taro build for both targets; `TARO_ENV` picks the output folder so weapp and h5 sit side by side. */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zoucheng-tongban',
    date: '2026-11-28',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV ?? 'weapp'}`,
    plugins: [],
    defineConstants: { ZC_SUBSCRIBE_TEMPLATES: JSON.stringify(subscribeTemplates()) },
    alias: { '@shared': sharedDir, '@': path.resolve(root, 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      optimizeMainPackage: { enable: true },
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: appChain,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
      webpackChain: h5Chain,
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
