/**
 * What differs between the WeChat build and the browser build, as one contract. Each build
 * carries one implementation (`platform.weapp.ts`, `platform.h5.ts`), picked by Taro's
 * per-platform module resolution, so neither build ships the other's transport or APIs.
 */
import type { ActionInput } from '@shared/api.schema';

/** A place to navigate to: the center's point (in the build's coordinate system), name and address. */
export type MapPlace = { lat: number; lng: number; name: string; address: string };

/** A handoff slip as it is kept on paper: its title, the lines under it, and the materials travelling with it. */
export type SlipSheet = { title: string; code: string; lines: [label: string, value: string][]; materials: string[] };

/** The current page's title (as navigationBarTitleText or setNavigationBarTitle set it), and its changes. */
export type NavBarTitles = { title: () => string; onChange: (listener: (title: string) => void) => () => void };

/** A file picked on the phone, before upload; in the browser it may be any file, not only a photo. */
export type PickedPhoto = { path: string; file?: Blob & { name?: string } };

/** Sends one encoded photo through the API (`files.upload`); the file id, or null when it failed. */
export type UploadThroughApi = (file: ActionInput<'files', 'upload'>) => Promise<string | null>;

/** A data file the administrator picked (a CSV or XLSX list), read whole, in base64. */
export type PickedFile = { name: string; dataBase64: string };
/** Answers WeChat's privacy question: agreed (after the agree button was tapped) or not. */
export type PrivacyReply = (agreed: boolean) => void;

/** The id of the agree button the privacy popup shows; WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'zc-privacy-agree';

/**
 * Where a chart draws: a DOM element the chart library lays its own canvas into (the browser),
 * or a canvas node of WeChat's Canvas 2D with its size and pixel ratio.
 */
export type ChartTarget = { kind: 'dom'; element: unknown } | { kind: 'canvas'; canvas: unknown; width: number; height: number; dpr: number };

/** The platform as the app sees it: capabilities are data, actions are functions. */
export type Platform = {
  /** the coordinate system positions are asked in: WeChat maps expect GCJ-02, the browser only knows WGS-84 */
  coordinates: 'gcj02' | 'wgs84';
  /** whether the map component can show the nearest centers */
  hasMap: boolean;
  /** whether the local-mode persona picker (体验登录) exists in this build */
  hasDevLogin: boolean;
  /** sets up what the transport needs, once, before the first call */
  init: () => void;
  /** sends `{action, data}` to a cloud function; answers what came back, unchecked */
  send: (fn: string, body: unknown, token: string) => Promise<unknown>;
  /** opens the album or camera for up to `count` photos; [] when cancelled. The browser hands over whatever file was chosen. */
  pickPhotos: (count: number) => Promise<PickedPhoto[]>;
  /** stores one material photo under a folder; the file id, or null when it failed (a toast has said why) */
  storePhoto: (photo: PickedPhoto, name: string, folder: string, throughApi: UploadThroughApi) => Promise<string | null>;
  /**
   * asks consent for subscribe messages (at most three templates); must run inside a tap; never
   * fails; answers whether the person accepted at least one; null where there are none (the browser)
   */
  askSubscribe: ((tmplIds: readonly string[]) => Promise<boolean>) | null;
  /** scans a QR code with the camera: its text, or null when cancelled; null where there is no scanner */
  scanQrCode: (() => Promise<string | null>) | null;
  /** lets the administrator pick a .csv or .xlsx file (WeChat: from a chat; browser: from the disk); null when cancelled */
  pickDataFile: () => Promise<PickedFile | null>;
  /** hands a generated file (an export) to the person: the browser downloads it, WeChat opens it to forward or save */
  saveDataFile: (file: PickedFile) => Promise<void>;
  /** starts a phone call; a cancelled call is not an error */
  callPhone: (phoneNumber: string) => void;
  /** opens navigation to a place: the phone's map on WeChat (openLocation), a 高德地图 link in the browser */
  openMap: (place: MapPlace) => void;
  /** how the slip is kept: printed from the browser, saved to the album on WeChat */
  slipKeeping: { label: string; done: string };
  /** keeps a handoff slip (browser: the print dialog with the print layout; WeChat: an image saved to the album) */
  keepSlip: (slip: SlipSheet) => Promise<boolean>;
  /**
   * Where the app's own title bar reads its title, in a build that has no title bar of its own
   * (the browser); null where the platform draws it (WeChat).
   */
  navBar: NavBarTitles | null;
  /**
   * Registers, once, who asks the person when a private API (the location) first needs their
   * consent (WeChat's onNeedPrivacyAuthorization); null where the platform has no such rule.
   */
  onPrivacyNeeded: ((ask: (reply: PrivacyReply) => void) => void) | null;
  /** the person's own font size setting as a factor (WeChat: fontSizeScaleFactor; the browser: 1), which 长辈模式 follows */
  fontScale: () => number;
  /** what a chart is drawn in: a plain element (the browser) or a Canvas of type 2d (WeChat) */
  chartHost: 'dom' | 'canvas2d';
  /** the rendered host of a chart by its id, once laid out; null when it is not there (yet) */
  findChartTarget: (id: string) => Promise<ChartTarget | null>;
  /** a canvas the chart library may measure text with, off screen (WeChat); null where the library makes its own */
  offscreenCanvas: (() => unknown) | null;
  /** marks the whole app for 长辈模式, beyond the pages (the browser's tab bar is drawn outside them) */
  markElder: (on: boolean) => void;
};
