import { View } from '@tarojs/components';
import { useMemo } from 'react';
import qrcode from 'qrcode-generator';
import './QrGrid.scss';

/** The QR modules of a text, dark = true; alphanumeric mode keeps a 6-character code at version 1 (21×21). */
export const qrModules = (text: string): boolean[][] => {
  const qr = qrcode(0, 'M');
  qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
};

/** A QR code drawn as a grid of Views, so the same code works in WeChat and in the browser without a canvas. */
export function QrGrid({ text }: { text: string }) {
  const rows = useMemo(() => qrModules(text), [text]);
  return (
    <View className="qr" aria-label={`二维码：${text}`} data-qr={text}>
      {rows.map((row, r) => (
        <View key={r} className="qr-row">
          {row.map((dark, c) => (
            <View key={c} className={dark ? 'qr-cell on' : 'qr-cell'} />
          ))}
        </View>
      ))}
    </View>
  );
}
