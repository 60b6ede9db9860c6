/** Taro's Picker for the browser, from its own web-component module (see make.h5.ts). */
import type { Picker as Declared } from '@tarojs/components';
import { defineCustomElement } from '@tarojs/components/dist/components/taro-picker-core.js';
import { makeTaroComponent } from './make.h5';

export const Picker = /* @__PURE__ */ makeTaroComponent<typeof Declared>('taro-picker-core', defineCustomElement);
