import { View, Text } from '@tarojs/components';
import type { RequestView } from '@shared/api.schema';
import type { FormField } from '@shared/catalogue.schema';
import { chinaTime } from '../../pages-service/request/timeline';
import { FactLine } from '../parts/FactLine';
import { PhoneReveal } from './PhoneReveal';

/** The applicant as the clerk needs them: masked name and phone (full only on 查看/拨打), and whether a person or a company applies. */
export function ApplicantFacts({ request: r }: { request: RequestView }) {
  return (
    <View>
      <FactLine label="申请人" value={r.applicant.nameMasked} />
      {r.applicant.phoneMasked ? (
        <View className="ff-line">
          <View className="ff-label">联系电话</View>
          <PhoneReveal requestId={r.id} masked={r.applicant.phoneMasked} />
        </View>
      ) : (
        <FactLine label="联系电话" value="未留" />
      )}
      <FactLine label="类型" value={r.applicant.type === 'company' ? '企业' : '个人'} />
      <FactLine label="提交时间" value={chinaTime(r.submittedAt)} />
      {r.channel ? <ChannelFacts channel={r.channel} /> : null}
    </View>
  );
}

/**
 * A matter a partner system filed for the resident (12345 热线, a provincial platform): who handed
 * it in, and what it reported, so the clerk knows to call the resident rather than wait at the counter.
 */
function ChannelFacts({ channel: c }: { channel: NonNullable<RequestView['channel']> }) {
  return (
    <View data-channel={c.kind}>
      <FactLine label="提交渠道" value={`${c.partnerName}代为提交`} />
      {c.address ? <FactLine label="地址" value={c.address} /> : null}
      {c.description ? <FactLine label="情况说明" value={c.description} /> : null}
    </View>
  );
}

/** Field types whose stored value is masked and checked against the card the applicant shows. */
const CARD_CHECKED: ReadonlySet<FormField['type']> = new Set(['idNumber', 'idOrCreditCode']);

/**
 * The form as filled in, labelled by the item's form fields (the key itself when the catalogue
 * no longer has it). Phones are stored masked: the full number comes only on 查看/拨打 (audited);
 * ID numbers are stored masked only, so the clerk checks them against the card the applicant shows.
 */
export function FormFacts({ requestId, form, fields }: { requestId: string; form: RequestView['form']; fields: readonly FormField[] }) {
  const keys = Object.keys(form);
  if (!keys.length) return <View className="zc-muted">没有填写表单</View>;
  return (
    <View>
      {keys.map((k) => {
        const field = fields.find((f) => f.key === k);
        const value = String(form[k]);
        return (
          <View key={k} className="ff-line" data-form-field={k}>
            <View className="ff-label">{field?.label ?? k}</View>
            {field?.type === 'phone' ? (
              <PhoneReveal requestId={requestId} field={k} masked={value} />
            ) : (
              <View>
                <Text className="ff-value">{value}</Text>
                {field && CARD_CHECKED.has(field.type) ? <View className="zc-muted">请与申请人出示的证件原件核对</View> : null}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
