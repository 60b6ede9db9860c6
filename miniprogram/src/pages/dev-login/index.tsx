import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionInput, UserView } from '@shared/api.schema';
import { Page, VillagePicker } from '../../components';
import { useSession } from '../../hooks/useSession';
import { call, setToken } from '../../services/api';
import { go } from '../../services/routes';

type PersonaChoice = { title: string; hint: string; input: ActionInput<'session', 'devLogin'> };

const PERSONAS: PersonaChoice[] = [
  {
    title: '示例居民',
    hint: '已用示例身份完善实名信息，住在太平镇，可以直接办事',
    input: { persona: 'resident', villageId: 'v-107-001', sampleIdentity: true },
  },
  { title: '新居民', hint: '还没实名，从“完善实名信息”开始', input: { persona: 'resident' } },
  { title: '示例企业管理员', hint: '开发区示例企业的管理员：办企业事项、提诉求、邀请经办人', input: { persona: 'company', companyId: 'co-sample-zone' } },
];

const CITY_CLERK: PersonaChoice = { title: '市政务服务中心工作人员', hint: '', input: { persona: 'clerk', centerId: 'city' } };
/** The development-zone branch takes in and decides the zone companies' construction and market-access items (区内事区内办). */
const ZONE_CLERK: PersonaChoice = { title: '经济开发区分局工作人员', hint: '', input: { persona: 'clerk', centerId: 'zone' } };
const ADMIN: PersonaChoice = { title: '市级管理员', hint: '邀请工作人员、维护节假日日历、导入名录、查看指标', input: { persona: 'admin' } };

/** Where each persona starts: a clerk at the workspace, a resident at home or at the binding form. */
const landing = (user: UserView): void => {
  if (user.role === 'clerk') return void Taro.redirectTo({ url: '/pages-clerk/home/index' });
  if (user.role === 'admin') return void Taro.redirectTo({ url: '/pages-admin/home/index' });
  if (user.role === 'company') return void Taro.redirectTo({ url: '/pages-company/home/index' });
  go.tab(user.bound ? 'home' : 'profile');
};

/** 体验身份 (local mode only; this page is not in the WeChat build): log in as a sample persona. */
export default function DevLogin() {
  const { setUser } = useSession();
  const [busy, setBusy] = useState(false);
  const [pickingCenter, setPickingCenter] = useState(false);
  const pick = async (p: PersonaChoice) => {
    if (busy) return;
    setBusy(true);
    const a = await call('session', 'devLogin', p.input, { loading: '正在登录' });
    setBusy(false);
    if (!a.ok) return;
    setToken(a.data.token);
    setUser(a.data.user);
    void Taro.showToast({ title: `已登录：${p.title}`, icon: 'none' });
    landing(a.data.user);
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
          <Button type="primary" block disabled={busy} onClick={() => void pick(p)}>
            以{p.title}身份进入
          </Button>
        </View>
      ))}
      <View className="zc-card">
        <View className="zc-item-name">服务中心工作人员</View>
        <View className="zc-muted">村居代办员，镇街、政银合作银行网点、经济开发区分局或市中心的工作人员：预审、移交、签收、受理、办结、送达、整改回访</View>
        <View className="zc-wrap" style={{ marginTop: '8px' }}>
          <Button type="primary" disabled={busy} onClick={() => setPickingCenter(true)}>
            选择镇街、银行网点或村居
          </Button>
          <Button disabled={busy} onClick={() => void pick(CITY_CLERK)}>
            市政务服务中心
          </Button>
          <Button disabled={busy} onClick={() => void pick(ZONE_CLERK)}>
            经济开发区分局
          </Button>
        </View>
      </View>
      <View className="zc-card">
        <View className="zc-item-name">{ADMIN.title}</View>
        <View className="zc-muted">{ADMIN.hint}</View>
        <Button type="primary" block disabled={busy} onClick={() => void pick(ADMIN)}>
          以{ADMIN.title}身份进入
        </Button>
      </View>
      <VillagePicker
        visible={pickingCenter}
        withTownshipCenter
        onClose={() => setPickingCenter(false)}
        onPick={(center) => {
          setPickingCenter(false);
          void pick({ title: `${center.name}工作人员`, hint: '', input: { persona: 'clerk', centerId: center.id } });
        }}
      />
    </Page>
  );
}
