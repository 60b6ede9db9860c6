import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RosterEntryView } from '@shared/api.certify.schema';
import { stateLabelOf } from '@shared/certify.labels';

type Props = { entry: RosterEntryView; onCertify: (way: 'visit' | 'counter') => void; onIneligible: () => void };

/** One person to certify: who (masked), which scheme, by when, and the three findings a clerk can record. */
export function CertifyCard({ entry, onCertify, onIneligible }: Props) {
  const lapsed = entry.state === 'lapsed';
  return (
    <View className="zc-card" data-certify-entry={entry.idMasked}>
      <View className="zc-row">
        <Text className="zc-strong">
          {entry.nameMasked} · {entry.schemeName}
        </Text>
        <Text className={`zc-tag ${lapsed ? 'bad' : 'warn'}`}>{stateLabelOf(entry.state)}</Text>
      </View>
      <View className="zc-muted">身份证 {entry.idMasked}</View>
      <View className={lapsed ? 'zc-error-text' : 'zc-muted'}>
        认证期 {entry.periodStart} 至 {entry.periodEnd}
        {lapsed ? '，已过期，已报主管部门' : ''}
      </View>
      {entry.photo ? <View className="zc-muted">此项目认证时需拍一张本人照片</View> : null}
      <View className="zc-row clerk-certify-actions">
        <Button type="primary" onClick={() => onCertify('visit')}>
          上门认证通过
        </Button>
        <Button onClick={() => onCertify('counter')}>窗口认证通过</Button>
        <Button fill="outline" type="danger" onClick={onIneligible}>
          未通过
        </Button>
      </View>
    </View>
  );
}
