/**
 * The browser build's heavy Taro components (map, picker, text area, canvas), each in a module
 * of its own beside this one. `@tarojs/components/lib/react` defines every component in one
 * module, and webpack keeps a module's used exports for the whole app: a map shown on one page
 * put the map and its gesture library (hammerjs) into every page chunk that imports a View, the
 * home page's included. Made one module each, a component lands only in the chunks of the
 * pages that show it. components.h5.ts puts them in place of Taro's; on WeChat they are native
 * components and nothing here is used.
 */
import '@tarojs/components/lib/react/react-component-lib/index.js';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';

/** One component as Taro's React wrapper makes it, typed as Taro declares it. */
export const makeTaroComponent = <T>(tag: string, define: () => void): T => createReactComponent(tag, undefined, manipulatePropsFunction, define) as T;
