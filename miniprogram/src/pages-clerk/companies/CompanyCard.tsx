import { View, Text } from '@tarojs/components';
import type { CenterCompany, CompanyView } from '@shared/api.schema';
import { chinaDateOf } from '@shared/china.time';
import { OfficerPicker, officerCalls, type OfficerCalls } from '../../components/OfficerPicker';

type Props = {
  company: CenterCompany;
  onChanged: (company: CompanyView) => void;
  onStale: () => void;
  /** the picker's calls; by default this company's, at the version listed */
  calls?: OfficerCalls;
};

/** One company the center serves: its register facts, its 企业管家 (or none yet), and the choice of another. */
export function CompanyCard({ company: c, onChanged, onStale, calls = officerCalls(c) }: Props) {
  return (
    <View className="zc-card cc" data-company={c.id}>
      <View className="zc-strong cc-name">{c.name}</View>
      <View className="zc-muted">信用代码 {c.creditCode}</View>
      <View className="zc-muted">
        {c.locationName}
        {c.verifiedAt && chinaDateOf(c.verifiedAt) ? ` · 核验于 ${chinaDateOf(c.verifiedAt)}` : ''}
      </View>
      <View className="cc-officer" data-officer={c.officer?.userId ?? ''}>
        <Text className="cc-officer-label">企业管家</Text>
        {c.officer ? <Text className="cc-officer-name">{c.officer.nameMasked ?? '工作人员'}</Text> : <Text className="cc-officer-none">尚未指定</Text>}
      </View>
      <OfficerPicker current={c.officer?.userId} calls={calls} onChanged={onChanged} onStale={onStale} label={c.officer ? '更换企业管家' : '指定企业管家'} />
    </View>
  );
}
