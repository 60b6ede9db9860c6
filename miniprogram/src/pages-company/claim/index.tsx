import { View, Text, Image } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CompanyLocation } from '@shared/identity.schema';
import { TOWNSHIPS } from '@shared/townships';
import { validateCreditCode } from '@shared/validators';
import { Page, Section, StateView, FieldError } from '../../components';
import { useSession } from '../../hooks/useSession';
import { call } from '../../services/api';
import { fieldErrors } from '../../services/field.errors';
import { go } from '../../services/routes';
import { pickPhotos, uploadPhoto } from '../../services/upload';
import '../parts/company.scss';

type Photo = { path: string; fileId: string | null; failed?: boolean };

/** 认领企业: the credit code, the registered name and place, a photo of the licence; a clerk of that place checks it. */
export default function ClaimPage() {
  const { user } = useSession();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [location, setLocation] = useState<CompanyLocation | null>(null);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [folder] = useState(() => `claim-${Date.now().toString(36)}`);
  const choose = async () => {
    const [picked] = await pickPhotos(1);
    if (!picked) return;
    setPhoto({ path: picked.path, fileId: null });
    const fileId = await uploadPhoto(picked, '营业执照.jpg', folder);
    setPhoto({ path: picked.path, fileId, failed: !fileId });
  };
  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!validateCreditCode(code.trim().toUpperCase()).ok) problems.creditCode = '统一社会信用代码不正确，请核对营业执照';
    if (name.trim().length < 2) problems.name = '请填写营业执照上的企业名称';
    if (!location) problems.location = '请选择企业所在地';
    if (!photo?.fileId) problems.licenceFileId = '请拍摄或上传营业执照';
    setErrors(problems);
    if (Object.keys(problems).length || !location || !photo?.fileId) return;
    const a = await call('company', 'claim', { creditCode: code, name, location, licenceFileId: photo.fileId }, { loading: '正在提交', toast: false });
    if (!a.ok) return setErrors({ ...fieldErrors(a.error), form: a.error.message });
    void Taro.showToast({ title: '已提交，等待核验', icon: 'none' });
    void Taro.navigateBack().catch(go.companyHome);
  };
  const isZone = location === 'zone';
  const township = location && location !== 'zone' ? location.townshipCode : '';
  return (
    <Page title="认领企业">
      <StateView
        loading={user === undefined}
        empty={!user?.bound}
        emptyText="认领企业前，请先在“我的”页面完善实名信息"
        emptyAction={
          <Button type="primary" onClick={() => (user ? go.bind() : go.tab('profile'))}>
            去完善实名信息
          </Button>
        }
      >
        <Section title="企业信息">
          <View className="zc-muted">
            统一社会信用代码是公开信息，所以需要核对营业执照：企业所在镇街（开发区企业由开发区分局）的工作人员核验通过后，您成为企业管理员。
          </View>
          <Field label="统一社会信用代码" error={errors.creditCode} name="creditCode">
            <Input value={code} onChange={(v) => setCode(v.toUpperCase())} placeholder="18位，见营业执照" maxLength={18} />
          </Field>
          <Field label="企业名称" error={errors.name} name="name">
            <Input value={name} onChange={setName} placeholder="与营业执照一致" maxLength={80} />
          </Field>
          <Field label="企业所在地" error={errors.location} name="location">
            <View className="co-options">
              <Text className={`co-option ${isZone ? 'on' : ''}`} onClick={() => setLocation('zone')} data-option="zone">
                经济开发区
              </Text>
              {TOWNSHIPS.map((t) => (
                <Text
                  key={t.code}
                  className={`co-option ${township === t.code ? 'on' : ''}`}
                  onClick={() => setLocation({ townshipCode: t.code })}
                  data-option={t.code}
                >
                  {t.name}
                </Text>
              ))}
            </View>
          </Field>
          <Field label="营业执照照片" error={errors.licenceFileId} name="licenceFileId">
            <View className="zc-row">
              {photo ? <Image src={photo.path} mode="aspectFill" className="co-photo" /> : <View className="zc-muted">请拍清楚整张执照</View>}
              <Button size="small" onClick={() => void choose()}>
                {photo ? '重拍' : '拍照/选图'}
              </Button>
            </View>
            {photo && !photo.fileId ? (
              <View className={photo.failed ? 'zc-error-text' : 'zc-muted'}>{photo.failed ? '上传失败，请重拍' : '上传中…'}</View>
            ) : null}
          </Field>
          <FieldError message={errors.form} />
          <Button type="primary" size="large" block onClick={() => void submit()}>
            提交认领
          </Button>
        </Section>
      </StateView>
    </Page>
  );
}

function Field({ label, error, name, children }: { label: string; error?: string; name: string; children: React.ReactNode }) {
  return (
    <View className="co-field" data-field={name}>
      <Text className="co-label">{label}</Text>
      {children}
      <FieldError message={error} />
    </View>
  );
}
