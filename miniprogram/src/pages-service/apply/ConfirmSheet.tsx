import { View, Text } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import type { Item } from '@shared/catalogue.schema';
import type { RouteDecision } from '@shared/routing.schema';
import { maskIdNumber, maskPhone } from '@shared/masking';
import type { ApplyForm } from '../../hooks/useApplyForm';
import { PathChain } from '../../components';

/** How a typed value reads on the confirmation: numbers masked as everywhere else, blanks as 未填. */
const shownValue = (type: Item['formFields'][number]['type'], v: string | undefined): string => {
  if (!v) return '未填';
  if (type === 'idNumber') return maskIdNumber(v);
  if (type === 'phone' && /^1\d{10}$/.test(v)) return maskPhone(v);
  return v;
};

/** What each material will be: photos sent, the original brought to the counter, or nothing yet. */
const materialLine = (m: Item['materials'][number], photos: number): string =>
  [photos ? `已拍照${photos}张` : m.paper ? '' : '未上传', m.paper ? `原件带到提交地点${m.copies ? `，复印件${m.copies}份` : ''}` : '']
    .filter(Boolean)
    .join('；');

type Props = { item: Item; route: RouteDecision; f: ApplyForm };

/** 确认提交: the form, the materials and where the application goes, before anything is sent. */
export function ConfirmSheet({ item, route, f }: Props) {
  const intake = route.intake.find((o) => o.center.id === f.intakeId);
  return (
    // a tap on the dimmed page does not close it: a double tap on 提交申请 landed its second tap
    // there and closed the sheet it had just opened; 返回修改 closes it
    <Popup visible={f.reviewing} position="bottom" round title="请核对后提交" closeOnOverlayClick={false} onClose={f.closeReview} style={{ maxHeight: '85%' }}>
      <View className="cs" role="dialog" aria-label="请核对后提交">
        <View className="cs-title">{item.name}</View>
        {item.formFields.length ? (
          <View className="cs-block">
            <View className="cs-head">申请信息</View>
            {item.formFields.map((fl) => (
              <View key={fl.key} className="cs-line" data-confirm-field={fl.key}>
                <Text className="cs-label">{fl.label}</Text>
                <Text className="cs-value">{shownValue(fl.type, f.values[fl.key])}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <View className="cs-block">
          <View className="cs-head">材料（{item.materials.length}项）</View>
          {item.materials.map((m) => (
            <View key={m.name} className="cs-line" data-confirm-material={m.name}>
              <Text className="cs-label">{m.name}</Text>
              <Text className="cs-value">{materialLine(m, (f.photos[m.name] ?? []).filter((p) => p.fileId).length)}</Text>
            </View>
          ))}
        </View>
        {intake ? (
          <View className="cs-block" data-confirm="destination">
            <View className="cs-head">提交到</View>
            <View className="zc-strong cs-intake">{intake.center.name}</View>
            <View className="zc-muted">由{route.decider.name}审批</View>
            {intake.path.length > 1 ? <PathChain path={intake.path} deciderId={route.decider.id} /> : null}
          </View>
        ) : null}
        <View className="cs-buttons">
          <Button size="large" onClick={f.closeReview}>
            返回修改
          </Button>
          <Button size="large" type="primary" loading={f.submitting} disabled={f.submitting} onClick={() => void f.submit()}>
            {f.submitting ? '正在提交…' : '确认提交'}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
