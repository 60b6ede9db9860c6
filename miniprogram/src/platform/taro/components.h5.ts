/**
 * What `@tarojs/components` is in the browser build (the H5 webpack alias in config/index.ts):
 * Taro's React components, except the heavy ones (map, picker, text area, canvas), which come
 * from modules of their own beside this one (see make.h5.ts for why). NutUI's modules import
 * from `@tarojs/components` too, so they get the same. This module only re-exports.
 */
export * from '@tarojs/components/lib/react/index.js';
export { Canvas } from './canvas.h5';
export { Map } from './map.h5';
export { Picker } from './picker.h5';
export { Textarea } from './textarea.h5';
