// Jest's stand-in for babel-plugin-import: `import { Button } from '@nutui/nutui-react-taro'`
// loads only that component's real ES module, as the Taro build does. The package's barrel
// would load every component, including lottie, which needs a real canvas at import time.
module.exports = new Proxy(
  {},
  {
    get(_, name) {
      if (name === '__esModule') return true;
      if (typeof name !== 'string' || name === 'then') return undefined;
      return require(`@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`).default;
    },
  },
);
