/**
 * Photos of materials. Where they are stored is the platform's: cloud storage on WeChat, the
 * gateway's `files.upload` in the browser. Either way the answer is a file id that
 * `requests.submit` carries in `materials`.
 */
import Taro from '@tarojs/taro';
import { platform, type PickedPhoto, type UploadThroughApi } from '../platform';
import { call } from './api';

export type { PickedPhoto } from '../platform';

/** Opens the album or camera; an empty list when the resident cancels. */
export const pickPhotos = async (count: number): Promise<PickedPhoto[]> => {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return res.tempFiles.map((f) => ({ path: f.path, file: (f as { originalFileObj?: Blob }).originalFileObj }));
  } catch {
    return [];
  }
};

const throughApi: UploadThroughApi = async (file) => {
  const answer = await call('files', 'upload', file);
  return answer.ok ? answer.data.fileId : null;
};

/** Uploads one photo under a folder (the form's idempotency key); null when it failed (a toast has said why). */
export const uploadPhoto = (photo: PickedPhoto, name: string, folder: string): Promise<string | null> => platform.storePhoto(photo, name, folder, throughApi);

/** Opens material photos full screen (by their links from files.tempUrls), starting at one of them. */
export const previewPhotos = (urls: string[], current: string): void => void Taro.previewImage({ urls, current }).catch(() => undefined);
