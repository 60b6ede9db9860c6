import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Pause } from '@shared/request.schema';
import { pickPhotos, uploadPhoto } from '../../services/upload';

type Props = { requestId: string; pause?: Pause; onSend: (materials: { name: string; fileId: string }[]) => Promise<boolean> };

/** 补正: what is missing, and photos of it. */
export function SupplementPanel({ requestId, pause, onSend }: Props) {
  const [files, setFiles] = useState<{ path: string; fileId: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const missing = pause?.missing.join('、') || '工作人员要求的材料';
  const add = async () => {
    const picked = await pickPhotos(3);
    const uploaded = await Promise.all(
      picked.map(async (p, i) => ({ path: p.path, fileId: await uploadPhoto(p, `s-${Date.now().toString(36)}-${i}`, requestId) })),
    );
    setFiles((f) => [...f, ...uploaded.filter((u): u is { path: string; fileId: string } => !!u.fileId)]);
  };
  const send = async () => {
    if (!files.length || busy) return;
    setBusy(true);
    if (await onSend(files.map((f) => ({ name: missing, fileId: f.fileId })))) setFiles([]);
    setBusy(false);
  };
  return (
    <View>
      <View className="zc-strong">需要补正：{missing}</View>
      {pause?.reason ? <View className="zc-muted">原因：{pause.reason}</View> : null}
      <View className="zc-wrap apply-photos">
        {files.map((f) => (
          <Image key={f.path} src={f.path} mode="aspectFill" className="apply-photo-img" />
        ))}
      </View>
      <View className="zc-row" style={{ marginTop: '12px' }}>
        <Button onClick={() => void add()}>拍照/选图</Button>
        <Button type="primary" disabled={!files.length || busy} loading={busy} onClick={() => void send()}>
          提交补正材料
        </Button>
      </View>
      {!files.length ? <Text className="zc-muted">拍好照片后点“提交补正材料”</Text> : null}
    </View>
  );
}
