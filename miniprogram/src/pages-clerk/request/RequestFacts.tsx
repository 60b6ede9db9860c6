import { View, Text, Image } from '@tarojs/components';
import { useState } from 'react';
import type { RequestView } from '@shared/api.schema';
import { maskPhone } from '@shared/masking';
import type { FormField } from '@shared/catalogue.schema';
import { chinaTime } from '../../pages/request/timeline';
import { platform } from '../../platform';
import { previewPhotos } from '../../services/upload';
import { FactLine } from '../parts/FactLine';

/** The applicant as the clerk needs them: masked name and phone, and whether a person or a company applies. */
export function ApplicantFacts({ request: r }: { request: RequestView }) {
  return (
    <View>
      <FactLine label="申请人" value={r.applicant.nameMasked} />
      <FactLine label="联系电话" value={r.applicant.phoneMasked ?? '未留'} />
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

/** The materials: photos open full screen; a material without a photo is marked to check on paper. */
export function MaterialsFacts({ materials }: { materials: RequestView['materials'] }) {
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
