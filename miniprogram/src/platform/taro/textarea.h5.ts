/** Taro's Textarea for the browser, from its own web-component module (see make.h5.ts). */
import type { Textarea as Declared } from '@tarojs/components';
import { defineCustomElement } from '@tarojs/components/dist/components/taro-textarea-core.js';
import { makeTaroComponent } from './make.h5';

export const Textarea = /* @__PURE__ */ makeTaroComponent<typeof Declared>('taro-textarea-core', defineCustomElement);
