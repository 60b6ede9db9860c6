/**
 * Photos of materials. Where they are stored is the platform's: cloud storage on WeChat, the
 * gateway's `files.upload` in the browser. Either way the answer is a file id that
 * `requests.submit` carries in `materials`.
 */
import Taro from '@tarojs/taro';
import { platform, type PickedPhoto, type UploadThroughApi } from '../platform';
import { call } from './api';

export type { PickedPhoto } from '../platform';

/** Whether a picked file is a photo: the browser may hand over any file (dragged in, or 所有文件). */
export const isPhoto = (file: { type?: string; name?: string } | undefined): boolean =>
  !file || (file.type ? file.type.startsWith('image/') : !/\.(pdf|docx?|xlsx?|zip|txt)$/i.test(file.name ?? ''));

/** Opens the album or camera; an empty list when the resident cancels. A file that is not a photo is skipped, and said so. */
export const pickPhotos = async (count: number): Promise<PickedPhoto[]> => {
  const files = await platform.pickPhotos(count);
  const photos = files.filter((f) => isPhoto(f.file));
  const skipped = files.length - photos.length;
  if (skipped)
    void Taro.showModal({
      title: '只能上传照片',
      content: `您选的${skipped}个文件不是照片（如PDF、Word文件），没有上传。请拍照或选择JPG、PNG格式的图片。`,
      showCancel: false,
      confirmText: '知道了',
    });
  return photos;
};

const throughApi: UploadThroughApi = async (file) => {
  const answer = await call('files', 'upload', file);
  return answer.ok ? answer.data.fileId : null;
};

/** Uploads one photo under a folder (the form's idempotency key); null when it failed (a toast has said why). */
export const uploadPhoto = (photo: PickedPhoto, name: string, folder: string): Promise<string | null> => platform.storePhoto(photo, name, folder, throughApi);

/** Opens material photos full screen (by their links from files.tempUrls), starting at one of them. */
export const previewPhotos = (urls: string[], current: string): void => void Taro.previewImage({ urls, current }).catch(() => undefined);
