import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionInput } from '@shared/api.schema';
import { Page } from '../../components';
import { useSession } from '../../hooks/useSession';
import { call, setToken } from '../../services/api';
import { go } from '../../services/routes';

type PersonaChoice = { title: string; hint: string; input: ActionInput<'session', 'devLogin'> };

const PERSONAS: PersonaChoice[] = [
  { title: '新居民', hint: '还没实名，从“完善实名信息”开始', input: { persona: 'resident' } },
  { title: '企业办事人', hint: '以企业身份办理企业事项', input: { persona: 'company' } },
];

/** 体验身份 (local mode only; this page is not in the WeChat build): log in as a sample persona. */
export default function DevLogin() {
  const { setUser } = useSession();
  const [busy, setBusy] = useState(false);
  const pick = async (p: PersonaChoice) => {
    if (busy) return;
    setBusy(true);
    const a = await call('session', 'devLogin', p.input, { loading: '正在登录' });
    setBusy(false);
    if (!a.ok) return;
    setToken(a.data.token);
    setUser(a.data.user);
    void Taro.showToast({ title: `已登录：${p.title}`, icon: 'none' });
    go.tab(a.data.user.bound ? 'home' : 'profile');
  };
  return (
    <Page>
      <View className="zc-card">
        <View className="zc-item-name">选择体验身份</View>
        <View className="zc-muted">这是本地体验版，不连接微信。选一个示例身份即可体验办事全过程，数据只保存在本机。</View>
      </View>
      {PERSONAS.map((p) => (
        <View key={p.title} className="zc-card">
          <View className="zc-item-name">{p.title}</View>
          <View className="zc-muted">{p.hint}</View>
          <Button type="primary" block disabled={busy} onClick={() => void pick(p)}>以{p.title}身份进入</Button>
        </View>
      ))}
    </Page>
  );
}
