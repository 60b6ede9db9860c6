import type { UserConfigExport } from '@tarojs/cli';

/** Development build: readable output; `npm run dev:h5` proxies the API to the gateway started by `npm start`. */
export default {
  mini: {},
  h5: {
    devServer: { port: 10086, proxy: { '/api': { target: `http://127.0.0.1:${process.env.PORT ?? 8080}`, changeOrigin: true } } },
  },
} satisfies UserConfigExport<'webpack5'>;
