import { View, Text } from '@tarojs/components';
import { Field } from './Field';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { z } from 'zod';
import { SessionInput } from '@shared/api.schema';
import { CreditCodeSchema } from '@shared/validators';
import { fieldErrorsOf } from '@shared/form.schema';
import { TOWNSHIPS } from '@shared/townships';
import type { CompanyLocation } from '@shared/identity.schema';
import { call, fieldErrors } from '../../services/api';
import { useSession } from '../../hooks/useSession';

/** The company binding checks what the server checks: the credit code's GB 32100 check character too. */
const CompanySchema = SessionInput.bindCompany.extend({ creditCode: z.string().trim().min(1, '请填写统一社会信用代码').toUpperCase().pipe(CreditCodeSchema) });

const ZONE = 'zone';

/** 绑定企业: name, unified social credit code, and where the company is (a township, or the development zone, whose matters it handles itself). */
export function CompanyBindForm({ onDone }: { onDone: () => void }) {
  const { setUser } = useSession();
  const [name, setName] = useState('');
  const [creditCode, setCreditCode] = useState('');
  const [where, setWhere] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    const location: CompanyLocation | undefined = where === ZONE ? 'zone' : where ? { townshipCode: where } : undefined;
    if (!location) return setErrors({ location: '请选择企业所在地' });
    const parsed = CompanySchema.safeParse({ name, creditCode, location });
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setBusy(true);
    const a = await call('session', 'bindCompany', parsed.data, { loading: '正在绑定' });
    setBusy(false);
    if (!a.ok) return setErrors(fieldErrors(a.error));
    setUser(a.data.user);
    onDone();
  };
  const pickWhere = (code: string) => {
    setWhere(code);
    setErrors((e) => ({ ...e, location: '' }));
  };
  return (
    <View className="zc-card company-bind">
      <Field label="企业名称" error={errors.name}>
        <Input
          className="apply-input"
          value={name}
          placeholder="与营业执照一致"
          onChange={(v) => {
            setName(v);
            setErrors((e) => ({ ...e, name: '' }));
          }}
        />
      </Field>
      <Field label="统一社会信用代码" error={errors.creditCode}>
        <Input
          className="apply-input"
          value={creditCode}
          placeholder="营业执照上的18位代码"
          maxLength={18}
          onChange={(v) => {
            setCreditCode(v);
            setErrors((e) => ({ ...e, creditCode: '' }));
          }}
        />
      </Field>
      <Field label="企业所在地" error={errors.location || errors['location.townshipCode']}>
        <View className="zc-wrap">
          <Text className={`zc-option ${where === ZONE ? 'on' : ''}`} onClick={() => pickWhere(ZONE)}>
            经济开发区
          </Text>
          {TOWNSHIPS.map((t) => (
            <Text key={t.code} className={`zc-option ${where === t.code ? 'on' : ''}`} onClick={() => pickWhere(t.code)}>
              {t.name}
            </Text>
          ))}
        </View>
      </Field>
      <Text className="zc-muted">开发区内的企业，建设和市场准入事项在经济开发区分局办理（区内事区内办）。</Text>
      <View style={{ marginTop: '16px' }}>
        <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={() => void submit()}>
          绑定企业
        </Button>
      </View>
    </View>
  );
}
