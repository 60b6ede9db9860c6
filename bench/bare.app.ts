/**
 * The reference the app's size is held to: a bare Taro React app (one page with a line of text,
 * as `taro init` makes it, no UI library), written into bench/.bare/ (git-ignored, inside the
 * project so that it builds from the very node_modules the app builds from) and built for weapp
 * and H5 with the same Taro, compiler and output settings as the app. A build is reused while the
 * template and the installed Taro are the same.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { progress } from './bench.stats';

const ROOT = join(__dirname, '..');
/** Where the bare app is written and built. */
export const BARE_DIR = join(__dirname, '.bare', 'taro-react');

/** The bare app's files, as `taro init` (React, webpack5, no UI library) writes them, trimmed to what a build reads. */
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bare-taro-react', private: true, browserslist: ['last 3 versions', 'Android >= 4.1', 'ios >= 8'] }, null, 2),
  'babel.config.js': `module.exports = { presets: [['taro', { framework: 'react', ts: false, compiler: 'webpack5' }]] };\n`,
  'project.config.json': JSON.stringify({ miniprogramRoot: 'dist/weapp/', projectname: 'bare', appid: 'touristappid', compileType: 'miniprogram' }, null, 2),
  'config/index.js': `module.exports = (merge) => ({
  projectName: 'bare-taro-react',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: 'dist/' + process.env.TARO_ENV,
  plugins: [],
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
    miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
    postcss: { autoprefixer: { enable: true, config: {} } },
  },
});
`,
  'src/app.config.js': `export default { pages: ['pages/index/index'], window: { navigationBarTitleText: 'WeChat', navigationBarBackgroundColor: '#fff', navigationBarTextStyle: 'black' } };\n`,
  'src/app.js': `import { Component } from 'react';\nclass App extends Component {\n  render() {\n    return this.props.children;\n  }\n}\nexport default App;\n`,
  'src/index.html': `<!DOCTYPE html>\n<html>\n<head>\n  <meta content="width=device-width,initial-scale=1,user-scalable=no" name="viewport">\n  <title></title>\n  <script><%= htmlWebpackPlugin.options.script %></script>\n</head>\n<body>\n  <div id="app"></div>\n</body>\n</html>\n`,
  'src/pages/index/index.config.js': `export default { navigationBarTitleText: '首页' };\n`,
  'src/pages/index/index.jsx': `import { View, Text } from '@tarojs/components';\n\nexport default function Index() {\n  return (\n    <View className="index">\n      <Text>Hello world!</Text>\n    </View>\n  );\n}\n`,
};

/** What a build depends on: the template and the Taro that builds it. */
const fingerprint = (): string => {
  const taro = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@tarojs', 'cli', 'package.json'), 'utf8')) as { version: string };
  return createHash('sha256').update(JSON.stringify(FILES)).update(taro.version).digest('hex').slice(0, 16);
};

const write = (files: Record<string, string>) => {
  rmSync(BARE_DIR, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(BARE_DIR, path)), { recursive: true });
    writeFileSync(join(BARE_DIR, path), text);
  }
};

/** Builds the bare app for both targets (unless this template was built by this Taro already); answers its dist folders. */
export const buildBareApp = (): { weapp: string; h5: string } => {
  const stamp = join(BARE_DIR, '.built');
  const out = { weapp: join(BARE_DIR, 'dist', 'weapp'), h5: join(BARE_DIR, 'dist', 'h5') };
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint()) return out;
  write(FILES);
  const taro = join(ROOT, 'node_modules', '.bin', 'taro');
  for (const type of ['weapp', 'h5']) {
    progress('app-size', `building the bare Taro React app for ${type} in ${BARE_DIR}`);
    const r = spawnSync(taro, ['build', '--type', type], {
      cwd: BARE_DIR,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', process.stderr, process.stderr],
    });
    if (r.status !== 0) throw new Error(`bare Taro app: taro build --type ${type} failed with ${r.status}`);
  }
  writeFileSync(stamp, fingerprint());
  return out;
};
