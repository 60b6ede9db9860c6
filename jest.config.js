/** Jest 30 with @swc/jest. Node tests by default; component tests opt into jsdom per file. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } },
];
module.exports = {
  testEnvironment: 'node',
  // at least two workers: most suites wait on SQLite files, HTTP or Chromium, so on the 2-core CI
  // machine a second worker overlaps one suite's waiting with another's work (686 s → 427 s)
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  roots: ['<rootDir>/shared', '<rootDir>/cloudfunctions', '<rootDir>/gateway', '<rootDir>/miniprogram/src', '<rootDir>/tests', '<rootDir>/tools'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Taro resolves `./x` to `x.<TARO_ENV>.ts` first; jest does the same for the browser build, so tests run its platform file
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json', 'node'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|@nutui|\\.pnpm|tslib|swiper|ssr-window|dom7)/)'],
  moduleNameMapper: {
    '^@shared/(.*)$': '<rootDir>/shared/$1',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    // NutUI on demand, one component module per named import, as babel-plugin-import does in the Taro build
    '^@nutui/nutui-react-taro$': '<rootDir>/tests/support/nutui.on-demand.js',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/support/style-stub.js',
  },
  setupFiles: ['<rootDir>/tests/support/taro-globals.js'],
  testTimeout: 60000,
};
