/**
 * The handoff slip drawn as an image for the WeChat build: WeChat cannot print, so the clerk
 * saves the slip to the phone's album and prints or shows it from there. Drawn on an offscreen
 * 2D canvas (base library 2.16.1+), at a size that prints legibly on A5.
 */
import Taro from '@tarojs/taro';
import type { SlipSheet } from './platform.port';

const WIDTH = 750;
const LINE = 48;
const PAD = 40;

/** The height the slip needs: title, code, one line per fact and per material, and the footer. */
export const slipHeight = (s: SlipSheet): number => PAD * 2 + 220 + (s.lines.length + s.materials.length + 2) * LINE;

type Ctx2D = {
  fillStyle: string;
  font: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(t: string, x: number, y: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  strokeStyle: string;
  lineWidth: number;
};

/** Draws the slip on a 2D context, top to bottom. */
const draw = (ctx: Ctx2D, s: SlipSheet, height: number): void => {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = '#1f2329';
  ctx.font = 'bold 44px sans-serif';
  ctx.fillText(s.title, PAD, PAD + 44);
  ctx.strokeStyle = '#1d5fd6';
  ctx.lineWidth = 4;
  ctx.strokeRect(PAD, PAD + 70, WIDTH - PAD * 2, 130);
  ctx.font = 'bold 80px monospace';
  ctx.fillStyle = '#0b3fa8';
  ctx.fillText(`签收码 ${s.code}`, PAD + 24, PAD + 165);
  let y = PAD + 220 + LINE;
  ctx.fillStyle = '#1f2329';
  ctx.font = '32px sans-serif';
  for (const [label, value] of s.lines) {
    ctx.fillText(`${label}：${value}`, PAD, y);
    y += LINE;
  }
  ctx.font = 'bold 32px sans-serif';
  ctx.fillText(`随件材料（${s.materials.length}项）`, PAD, y);
  ctx.font = '32px sans-serif';
  for (const m of s.materials) {
    y += LINE;
    ctx.fillText(`· ${m}`, PAD, y);
  }
};

/** Saves the slip to the album; false when the clerk refused the album permission (they are told how to allow it). */
export const saveSlipImage = async (s: SlipSheet): Promise<boolean> => {
  const height = slipHeight(s);
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: WIDTH, height }) as unknown as { getContext(k: '2d'): Ctx2D };
  draw(canvas.getContext('2d'), s, height);
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as unknown as Parameters<typeof Taro.canvasToTempFilePath>[0]);
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    return true;
  } catch {
    const again = await Taro.showModal({ title: '没能保存到相册', content: '请允许“保存到相册”后再试：点“去设置”打开相册权限。', confirmText: '去设置' });
    if (again.confirm) await Taro.openSetting().catch(() => undefined);
    return false;
  }
};
