/**
 * The browser build, against the local gateway: `POST /api/<function>` with the local-mode
 * token, photos shrunk on a canvas and sent through `files.upload`, and the persona picker.
 * WeChat-only things (cloud, subscribe messages, the QR scanner, the map) are absent here.
 */
import Taro from '@tarojs/taro';
import type { MapPlace, PickedPhoto, Platform } from './platform.port';

const MAX_SIDE = 1600;

/** Shrinks a browser photo to a JPEG in base64, small enough for the gateway's body limit. */
const toJpegBase64 = async (photo: PickedPhoto): Promise<string> => {
  const blob = photo.file ?? (await (await fetch(photo.path)).blob());
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.8).split(',')[1] ?? '';
};

/** The 高德地图 marker link of a place (uri.amap.com), in WGS-84 as the sample coordinates are. */
export const amapMarkerUri = (p: MapPlace): string =>
  `https://uri.amap.com/marker?position=${p.lng},${p.lat}&name=${encodeURIComponent(p.name)}&src=zoucheng-tongban&coordinate=wgs84&callnative=1`;

/**
 * The browser's file picker. Taro's chooseImage drops a file it cannot draw without a word, so the
 * app picks the files itself and tells the resident what was not a photo (services/upload.ts).
 */
const pickFiles = (count: number): Promise<PickedPhoto[]> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    input.multiple = count > 1;
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      resolve(files.slice(0, count).map((file) => ({ path: URL.createObjectURL(file), file })));
    };
    input.onchange = () => done(Array.from(input.files ?? []));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });

/** The browser implementation of the platform contract. */
export const platform: Platform = {
  coordinates: 'wgs84',
  hasMap: false,
  hasDevLogin: true,
  // the gateway needs no setup
  init: () => undefined,
  // the browser's own fetch, not Taro.request: that one brings fetch, AbortController and JSONP
  // polyfills into the first screen, for browsers the app does not run in
  send: async (fn, body, token) => {
    // same origin: the gateway serves the app, and the dev server proxies /api to it
    const res = await fetch(`/api/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return res.json();
  },
  pickPhotos: pickFiles,
  storePhoto: async (photo, name, _folder, throughApi) => {
    let dataBase64: string;
    try {
      dataBase64 = await toJpegBase64(photo);
    } catch {
      // a file the browser cannot draw is not a photo we can send: say so rather than hang
      void Taro.showToast({ title: '这张照片无法读取，请换一张', icon: 'none' });
      return null;
    }
    return throughApi({ name: `${name}.jpg`, contentType: 'image/jpeg', dataBase64 });
  },
  // the browser has no subscribe messages; notices show in the in-app list
  askSubscribe: null,
  scanQrCode: null,
  pickDataFile: () =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.csv,.xlsx';
      input.onchange = () => {
        const f = input.files?.[0];
        if (!f) return resolve(null);
        const reader = new FileReader();
        reader.onload = () => resolve({ name: f.name, dataBase64: String(reader.result).split(',')[1] ?? '' });
        reader.onerror = () => resolve(null);
        reader.readAsDataURL(f);
      };
      input.click();
    }),
  saveDataFile: async (file) => {
    const link = document.createElement('a');
    link.href = `data:application/octet-stream;base64,${file.dataBase64}`;
    link.download = file.name;
    link.click();
  },
  chartHost: 'dom',
  findChartTarget: async (id) => {
    const element = document.getElementById(id);
    return element ? { kind: 'dom', element } : null;
  },
  offscreenCanvas: null,
  // what Taro's own browser makePhoneCall does, without its callback plumbing
  callPhone: (phoneNumber) => {
    window.location.href = `tel:${phoneNumber}`;
  },
  // 高德地图's URI API opens its app where installed and its web map elsewhere (in this tab: back returns here)
  openMap: (p) => window.location.assign(amapMarkerUri(p)),
  slipKeeping: { label: '打印流转单', done: '已打开打印' },
  // the page's print stylesheet (@media print) leaves only the slip on the paper
  keepSlip: async () => {
    window.print();
    return true;
  },
  // Taro's router keeps document.title on the shown page's title, also after setNavigationBarTitle
  navBar: {
    title: () => document.title,
    onChange: (listener) => {
      const observer = new MutationObserver(() => listener(document.title));
      observer.observe(document.head, { subtree: true, childList: true, characterData: true });
      return () => observer.disconnect();
    },
  },
  // the browser asks for the location itself; there is no mini-program privacy rule to meet
  onPrivacyNeeded: null,
  // the browser zooms the page itself (pinch-zoom is allowed), so the app's own scale stays 1
  fontScale: () => 1,
  markElder: (on) => {
    document.documentElement.classList.toggle('zc-elder-app', on);
  },
};
