/** Taro's Map for the browser, from its own web-component module (see make.h5.ts). */
import type { Map as Declared } from '@tarojs/components';
import { defineCustomElement } from '@tarojs/components/dist/components/taro-map-core.js';
import { makeTaroComponent } from './make.h5';

export const Map = /* @__PURE__ */ makeTaroComponent<typeof Declared>('taro-map-core', defineCustomElement);
