/**
 * Photos of materials. On WeChat they go to cloud storage; in the browser they are shrunk
 * on a canvas and sent to the gateway's `files.upload`. Either way the answer is a file id
 * that `requests.submit` carries in `materials`.
 */
import Taro from '@tarojs/taro';
import { call } from './api';

/** A photo picked on the phone, before upload. */
export type PickedPhoto = { path: string; file?: Blob };

/** Opens the album or camera; an empty list when the resident cancels. */
export const pickPhotos = async (count: number): Promise<PickedPhoto[]> => {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return res.tempFiles.map((f) => ({ path: f.path, file: (f as { originalFileObj?: Blob }).originalFileObj }));
  } catch {
    return [];
  }
};

const MAX_SIDE = 1600;

/** Shrinks a browser photo to a JPEG data URL, small enough for the gateway's body limit. */
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

const uploadToGateway = async (photo: PickedPhoto, name: string, _folder: string): Promise<string | null> => {
  const dataBase64 = await toJpegBase64(photo);
  const answer = await call('files', 'upload', { name: `${name}.jpg`, contentType: 'image/jpeg', dataBase64 });
  return answer.ok ? answer.data.fileId : null;
};

const uploadToCloud = async (photo: PickedPhoto, name: string, folder: string): Promise<string | null> => {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `materials/${folder}/${name}.jpg`, filePath: photo.path });
    return res.fileID;
  } catch {
    void Taro.showToast({ title: '照片上传失败，请重试', icon: 'none' });
    return null;
  }
};

/** Uploads one photo under a folder (the form's idempotency key); null when it failed (a toast has said why). */
export const uploadPhoto: (photo: PickedPhoto, name: string, folder: string) => Promise<string | null> =
  process.env.TARO_ENV === 'h5' ? uploadToGateway : uploadToCloud;

/** Where a stored material photo can be shown: the gateway's file route, or the cloud file id itself on WeChat. */
export const photoUrl = (fileId: string): string => (process.env.TARO_ENV === 'h5' ? `/files/${encodeURIComponent(fileId)}` : fileId);

/** Opens material photos full screen, starting at one of them. */
export const previewPhotos = (fileIds: string[], current: string): void =>
  void Taro.previewImage({ urls: fileIds.map(photoUrl), current: photoUrl(current) }).catch(() => undefined);
