import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { RequestView } from '@shared/api.schema';
import { maskPhone } from '@shared/masking';
import type { FormField } from '@shared/catalogue.schema';
import { chinaTime } from '../../pages/request/timeline';
import { FactLine } from '../parts/FactLine';

/** The applicant as the clerk needs them: masked name and phone, and whether a person or a company applies. */
export function ApplicantFacts({ request: r }: { request: RequestView }) {
  return (
    <View>
      <FactLine label="申请人" value={r.applicant.nameMasked} />
      <FactLine label="联系电话" value={r.applicant.phoneMasked ?? '未留'} />
      <FactLine label="类型" value={r.applicant.type === 'company' ? '企业' : '个人'} />
      <FactLine label="提交时间" value={chinaTime(r.submittedAt)} />
    </View>
  );
}

const MASKS: Partial<Record<FormField['type'], (v: string) => string>> = { phone: maskPhone };

/**
 * The form as filled in, labelled by the item's form fields (the key itself when the catalogue
 * no longer has it). Phone numbers stay masked until the clerk taps to check one; ID numbers
 * are stored masked only, so the clerk checks them against the card the applicant shows.
 */
export function FormFacts({ form, fields }: { form: RequestView['form']; fields: readonly FormField[] }) {
  const [shown, setShown] = useState<string[]>([]);
  const keys = Object.keys(form);
  if (!keys.length) return <View className="zc-muted">没有填写表单</View>;
  return (
    <View>
      {keys.map((k) => {
        const field = fields.find((f) => f.key === k);
        const mask = field ? MASKS[field.type] : undefined;
        const value = String(form[k]);
        const hidden = !!mask && !shown.includes(k);
        return (
          <View key={k} className="ff-line" data-form-field={k}>
            <View className="ff-label">{field?.label ?? k}</View>
            <View className="zc-row">
              <Text className="ff-value">{hidden && mask ? mask(value) : value}</Text>
              {hidden ? <Text className="zc-link" onClick={() => setShown((s) => [...s, k])}>核对完整号码</Text> : null}
              {field?.type === 'idNumber' ? <Text className="zc-muted">请与申请人出示的证件原件核对</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
