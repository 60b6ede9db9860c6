import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Pause } from '@shared/request.schema';
import { chinaDateOf } from '@shared/china.time';
import { pickPhotos, uploadPhoto } from '../../services/upload';
import { chinaTime } from './timeline';

type Upload = { path: string; fileId: string };
type Props = { requestId: string; pause?: Pause; onSend: (materials: { name: string; fileId: string }[]) => Promise<boolean> };

/** What was asked for: the named materials, or one general line when the clerk named none. */
const askedFor = (pause?: Pause): string[] => (pause?.missing.length ? pause.missing : ['工作人员要求的材料']);

/**
 * 补正: one photo per missing material, each named as the clerk named it, the date to send them
 * by, and once sent, a confirmation that they arrived (more can still follow).
 */
export function SupplementPanel({ requestId, pause, onSend }: Props) {
  const [files, setFiles] = useState<Record<string, Upload>>({});
  const [busy, setBusy] = useState(false);
  const [more, setMore] = useState(false);
  const asked = askedFor(pause);
  const ready = asked.filter((m) => files[m]);
  const pick = async (material: string) => {
    const [photo] = await pickPhotos(1);
    if (!photo) return;
    const fileId = await uploadPhoto(photo, `s-${Date.now().toString(36)}-${asked.indexOf(material)}`, requestId);
    if (fileId) setFiles((f) => ({ ...f, [material]: { path: photo.path, fileId } }));
  };
  const send = async () => {
    if (!ready.length || busy) return;
    setBusy(true);
    if (await onSend(ready.map((m) => ({ name: m, fileId: files[m].fileId })))) {
      setFiles({});
      setMore(false);
    }
    setBusy(false);
  };
  const by = pause?.supplementBy ? chinaDateOf(pause.supplementBy) : null;
  if (pause?.supplementedAt && !more)
    return (
      <View className="sp-sent" role="status">
        <View className="zc-strong">✓ 补正材料已提交</View>
        <View className="zc-muted">{chinaTime(pause.supplementedAt)} 已送达服务中心，工作人员核对后会恢复办理，请留意消息。</View>
        <Text className="zc-link" onClick={() => setMore(true)}>
          还要补充材料 ›
        </Text>
      </View>
    );
  return (
    <View>
      <View className="zc-strong">需要补正：{asked.join('、')}</View>
      {pause?.reason ? <View className="zc-muted">原因：{pause.reason}</View> : null}
      {by ? <View className="zc-strong sp-by">请于 {by} 前补齐</View> : null}
      {asked.map((m) => (
        <View key={m} className="zc-list-item sp-row" data-supplement={m}>
          <View className="zc-row">
            <Text className="zc-strong">{m}</Text>
            <Button size="small" onClick={() => void pick(m)}>
              {files[m] ? '重拍' : '拍照/选图'}
            </Button>
          </View>
          {files[m] ? (
            <View className="zc-row sp-photo">
              <Image src={files[m].path} mode="aspectFill" className="apply-photo-img" />
              <Text className="apply-photo-status done">已上传</Text>
            </View>
          ) : null}
        </View>
      ))}
      <Button type="primary" block disabled={!ready.length || busy} loading={busy} onClick={() => void send()}>
        {ready.length ? `提交补正材料（${ready.length}/${asked.length}项）` : '提交补正材料'}
      </Button>
      {ready.length < asked.length ? <Text className="zc-muted">每项材料拍一张照片；还差：{asked.filter((m) => !files[m]).join('、')}</Text> : null}
    </View>
  );
}
