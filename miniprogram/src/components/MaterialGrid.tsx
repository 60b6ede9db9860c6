import { View, Text, Image } from '@tarojs/components';
import type { RequestView } from '@shared/api.schema';
import { usePhotoLinks } from '../hooks/usePhotoLinks';
import { previewPhotos } from '../services/upload';
import './MaterialGrid.scss';

/**
 * The materials of a request: photos (through short-lived links, files.tempUrls) open full
 * screen; a material without a photo is marked to check on paper.
 */
export function MaterialGrid({ materials }: { materials: RequestView['materials'] }) {
  const links = usePhotoLinks(materials.flatMap((m) => (m.fileId ? [m.fileId] : [])));
  if (!materials.length) return <View className="zc-muted">没有上传材料</View>;
  const urls = materials.flatMap((m) => (m.fileId && links[m.fileId] ? [links[m.fileId]] : []));
  return (
    <View className="mf">
      {materials.map((m, i) => (
        <View key={`${m.name}-${i}`} className="mf-item">
          {m.fileId && links[m.fileId] ? (
            <Image className="mf-photo" src={links[m.fileId]} mode="aspectFill" onClick={() => previewPhotos(urls, links[m.fileId as string])} />
          ) : m.fileId ? (
            <View className="mf-photo mf-paper">照片</View>
          ) : (
            <View className="mf-photo mf-paper">纸质</View>
          )}
          <Text className="mf-name">{m.name}</Text>
        </View>
      ))}
    </View>
  );
}
