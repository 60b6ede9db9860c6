/**
 * The one door to what differs between the WeChat and the browser build. Pages, components,
 * hooks and services import from here, never from a `.weapp` or `.h5` file, and never read
 * `process.env.TARO_ENV` (tests/architecture.test.ts checks both).
 */
export { platform } from './platform';
export type { MapPlace, NavBarTitles, Platform, PickedFile, PickedPhoto, PrivacyReply, SlipSheet, UploadThroughApi } from './platform.port';
export { PRIVACY_AGREE_BUTTON_ID } from './platform.port';
