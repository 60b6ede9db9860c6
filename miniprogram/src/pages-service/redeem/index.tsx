import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { UserView } from '@shared/api.schema';
import { CodeEntry, Page, Section } from '../../components';
import { useSession } from '../../hooks/useSession';
import { platform } from '../../platform';
import { call } from '../../services/api';
import { fieldErrors } from '../../services/field.errors';
import { go, usePageParams } from '../../services/routes';

/** 8 letters or digits, as the invitation shows them; spaces and dashes are ignored. */
const codeOf = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();

/** Where a new role starts: its workspace. */
const landing = (user: UserView) => {
  if (user.role === 'clerk') return void Taro.redirectTo({ url: '/pages-clerk/home/index' });
  if (user.role === 'admin') return void Taro.redirectTo({ url: '/pages-admin/home/index' });
  if (user.role === 'company') return void Taro.redirectTo({ url: '/pages-company/home/index' });
  go.tab('profile');
};

/** 使用邀请码: a signed-in user types or scans the code an administrator gave them and takes up the role. */
export default function RedeemPage() {
  const params = usePageParams();
  const { setUser } = useSession();
  const [code, setCode] = useState(codeOf(params.code ?? ''));
  const [error, setError] = useState('');
  const submit = async (raw: string) => {
    const c = codeOf(raw);
    if (!/^[A-Z0-9]{8}$/.test(c)) return setError('邀请码是8位字母或数字');
    const a = await call('session', 'redeemInvite', { code: c }, { loading: '正在核对', toast: false });
    if (!a.ok) return setError(fieldErrors(a.error).code ?? a.error.message);
    setUser(a.data.user);
    const role = a.data.user.role;
    void Taro.showToast({ title: role === 'admin' ? '您已成为管理员' : role === 'company' ? '您已加入企业' : '您已成为服务中心工作人员', icon: 'none' });
    landing(a.data.user);
  };
  const scan = async () => {
    const scanned = await platform.scanQrCode?.();
    if (typeof scanned === 'string') await submit(scanned);
  };
  return (
    <Page>
      <Section title="使用邀请码">
        <View className="zc-muted">管理员邀请您担任服务中心工作人员或管理员、企业管理员邀请您担任经办人时，会给您一个8位邀请码（7天内有效，只能用一次）。</View>
        {platform.scanQrCode ? (
          <Button type="primary" size="large" block onClick={() => void scan()}>
            扫邀请二维码
          </Button>
        ) : null}
        <CodeEntry
          style={{ marginTop: '16px' }}
          labelClassName="zc-strong"
          label={platform.scanQrCode ? '或输入邀请码' : '输入邀请码'}
          placeholder="8位邀请码"
          maxLength={12}
          value={code}
          onChange={(v) => {
            setCode(v);
            setError('');
          }}
          error={error}
          submitLabel="确认"
          onSubmit={() => void submit(code)}
        />
      </Section>
    </Page>
  );
}
