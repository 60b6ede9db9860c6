/** Taro's Canvas for the browser, from its own web-component module (see make.h5.ts). */
import type { Canvas as Declared } from '@tarojs/components';
import { defineCustomElement } from '@tarojs/components/dist/components/taro-canvas-core.js';
import { makeTaroComponent } from './make.h5';

export const Canvas = /* @__PURE__ */ makeTaroComponent<typeof Declared>('taro-canvas-core', defineCustomElement);
