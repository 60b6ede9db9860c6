import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const sharedDir = path.resolve(root, '../shared');

/** NutUI is drawn at 375 px; our own styles at Taro's 750. */
const designWidth = (input?: { file?: string }): number => ((input?.file ?? '').replace(/\\+/g, '/').includes('@nutui') ? 375 : 750);

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
    defineConstants: {},
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
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
