import { View, Text } from '@tarojs/components';
import { Field } from './Field';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { VillagePicker } from '../../components';
import { useBindResident } from '../../hooks/useBindResident';

/** The binding form: who you are and which village you belong to, so routing knows your home. */
export function BindForm({ onDone }: { onDone: () => void }) {
  const f = useBindResident(onDone);
  const [picking, setPicking] = useState(false);
  return (
    <View className="zc-card">
      <Field label="姓名" error={f.errors.name}>
        <Input className="apply-input" value={f.values.name} placeholder="与身份证一致" onChange={(v) => f.set({ name: v })} />
      </Field>
      <Field label="身份证号" error={f.errors.idNumber}>
        <Input
          className="apply-input"
          type="idcard"
          value={f.values.idNumber}
          placeholder="18位身份证号码"
          maxLength={18}
          onChange={(v) => f.set({ idNumber: v })}
        />
      </Field>
      <Field label="手机号" error={f.errors.phone}>
        <Input className="apply-input" type="tel" value={f.values.phone} placeholder="11位手机号" maxLength={13} onChange={(v) => f.set({ phone: v })} />
      </Field>
      <Field label="所在村居" error={f.errors.homeVillageId}>
        <View className={`apply-date ${f.values.homeVillageName ? '' : 'empty'}`} onClick={() => setPicking(true)}>
          {f.values.homeVillageName || '点这里，先选镇街再选村居'}
        </View>
      </Field>
      <Text className="zc-muted">身份证号和手机号不以明文保存，只显示首尾几位。</Text>
      <View style={{ marginTop: '16px' }}>
        <Button type="primary" size="large" block loading={f.busy} disabled={f.busy} onClick={() => void f.submit()}>
          保存
        </Button>
      </View>
      <VillagePicker
        visible={picking}
        onClose={() => setPicking(false)}
        onPick={(v, township) => {
          f.set({ homeVillageId: v.id, homeVillageName: `${township} ${v.name}` });
          setPicking(false);
        }}
      />
    </View>
  );
}
