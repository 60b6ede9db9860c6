import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MaterialSpec } from '@shared/catalogue.schema';
import { photoRequired, type PhotoState } from '../../hooks/useApplyForm';
import { FieldError } from '../../components';

type Props = { material: MaterialSpec; photos: PhotoState[]; error?: string; onAdd: () => void; onRemove: (path: string) => void };

const STATUS = { uploading: '上传中…', done: '已上传', failed: '上传失败，请删除后重拍' } as const;

/** Photos of one material: what to shoot, what was uploaded, and whether the original goes to the counter. */
export function MaterialPhotos({ material, photos, error, onAdd, onRemove }: Props) {
  return (
    <View className="zc-list-item" data-material={material.name}>
      <View className="zc-row">
        <Text className="zc-strong">
          {photoRequired(material) ? <Text className="apply-required">*</Text> : null}
          {material.name}
        </Text>
        <Button size="small" onClick={onAdd}>
          拍照/选图
        </Button>
      </View>
      {material.paper ? <View className="zc-muted">原件请带到提交地点核验，可先拍照上传</View> : null}
      <View className="zc-wrap apply-photos">
        {photos.map((p) => (
          <View key={p.path} className="apply-photo">
            <Image src={p.path} mode="aspectFill" className="apply-photo-img" />
            <Text className={`apply-photo-status ${p.status}`}>{STATUS[p.status]}</Text>
            <Text className="apply-photo-remove" onClick={() => onRemove(p.path)}>
              删除
            </Text>
          </View>
        ))}
      </View>
      <FieldError message={error} />
    </View>
  );
}
