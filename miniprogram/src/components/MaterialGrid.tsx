import { View, Text, Image } from '@tarojs/components';
import type { RequestView } from '@shared/api.schema';
import { platform } from '../platform';
import { previewPhotos } from '../services/upload';
import './MaterialGrid.scss';

/** The materials of a request: photos open full screen; a material without a photo is marked to check on paper. */
export function MaterialGrid({ materials }: { materials: RequestView['materials'] }) {
  if (!materials.length) return <View className="zc-muted">没有上传材料</View>;
  const ids = materials.flatMap((m) => (m.fileId ? [m.fileId] : []));
  return (
    <View className="mf">
      {materials.map((m, i) => (
        <View key={`${m.name}-${i}`} className="mf-item">
          {m.fileId ? (
            <Image className="mf-photo" src={platform.photoUrl(m.fileId)} mode="aspectFill" onClick={() => previewPhotos(ids, m.fileId as string)} />
          ) : (
            <View className="mf-photo mf-paper">纸质</View>
          )}
          <Text className="mf-name">{m.name}</Text>
        </View>
      ))}
    </View>
  );
}
