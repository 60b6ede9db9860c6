/**
 * The WeChat build: cloud functions through `Taro.cloud.callFunction` (identity is the caller's
 * OPENID, so no token travels), photos in cloud storage, subscribe messages, the camera's QR
 * scanner and the map component. The gateway's HTTP path never appears in this build.
 */
import Taro from '@tarojs/taro';
import { PRIVACY_AGREE_BUTTON_ID, type Platform } from './platform.port';
import { saveSlipImage } from './slip.canvas';

/** The WeChat implementation of the platform contract. */
export const platform: Platform = {
  coordinates: 'gcj02',
  hasMap: true,
  hasDevLogin: false,
  init: () => Taro.cloud.init({ env: (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV, traceUser: true }),
  send: async (fn, body) => {
    const res = await Taro.cloud.callFunction({ name: fn, data: body as Record<string, unknown> });
    return res.result;
  },
  // WeChat's picker offers photos only
  pickPhotos: async (count) => {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => null);
    return res ? res.tempFiles.map((f) => ({ path: f.path })) : [];
  },
  storePhoto: async (photo, name, folder) => {
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: `materials/${folder}/${name}.jpg`, filePath: photo.path });
      return res.fileID;
    } catch {
      void Taro.showToast({ title: '照片上传失败，请重试', icon: 'none' });
      return null;
    }
  },
  askSubscribe: async (tmplIds) => {
    // a refusal or a closed dialog must never stop the submission; the answer names each template: accept, reject, ban
    const res = await Taro.requestSubscribeMessage({ tmplIds: [...tmplIds] } as Parameters<typeof Taro.requestSubscribeMessage>[0]).catch(() => null);
    return !!res && tmplIds.some((id) => (res as unknown as Record<string, unknown>)[id] === 'accept');
  },
  scanQrCode: async () => {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] }).catch(() => null);
    return res ? res.result : null;
  },
  // a mini-program reads files only from a chat: the administrator sends the list to themselves first
  pickDataFile: async () => {
    const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] }).catch(() => null);
    const f = picked?.tempFiles[0];
    if (!f) return null;
    const data = Taro.getFileSystemManager().readFileSync(f.path, 'base64') as string;
    return { name: f.name, dataBase64: data };
  },
  saveDataFile: async (file) => {
    const filePath = `${Taro.env.USER_DATA_PATH}/${file.name}`;
    Taro.getFileSystemManager().writeFileSync(filePath, file.dataBase64, 'base64');
    await Taro.openDocument({ filePath, showMenu: true, fileType: 'xlsx' }).catch(() => undefined);
  },
  callPhone: (phoneNumber) => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined),
  openMap: (p) =>
    void Taro.openLocation({ latitude: p.lat, longitude: p.lng, name: p.name, address: p.address, scale: 16 }).catch(() =>
      Taro.showToast({ title: '无法打开地图，请按地址前往', icon: 'none' }),
    ),
  slipKeeping: { label: '保存流转单图片', done: '已保存到相册' },
  keepSlip: saveSlipImage,
  // WeChat draws the title bar and its back button itself
  navBar: null,
  onPrivacyNeeded: (ask) => {
    // base libraries before 2.32.3 have no privacy event; there the consent is the platform's own dialog
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
    Taro.onNeedPrivacyAuthorization((resolve) => {
      resolve({ event: 'exposureAuthorization' });
      ask((agreed) => resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }));
    });
  },
  fontScale: () => {
    // the font size the person chose in WeChat's settings; older base libraries lack getAppBaseInfo
    const info = (Taro as unknown as { getAppBaseInfo?: () => { fontSizeScaleFactor?: number } }).getAppBaseInfo?.();
    const factor = info?.fontSizeScaleFactor;
    return typeof factor === 'number' && factor > 0 ? factor : 1;
  },
  chartHost: 'canvas2d',
  findChartTarget: (id) =>
    new Promise((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: unknown; width?: number; height?: number }[]) => {
          const hit = res?.[0];
          if (!hit?.node || !hit.width || !hit.height) return resolve(null);
          const info = (Taro as unknown as { getWindowInfo?: () => { pixelRatio?: number } }).getWindowInfo?.();
          resolve({ kind: 'canvas', canvas: hit.node, width: hit.width, height: hit.height, dpr: info?.pixelRatio ?? 2 });
        });
    }),
  offscreenCanvas: () => (Taro as unknown as { createOffscreenCanvas: (o: { type: '2d' }) => unknown }).createOffscreenCanvas({ type: '2d' }),
  // the native tab bar follows WeChat's own font setting; only pages carry the elder class
  markElder: () => undefined,
};
