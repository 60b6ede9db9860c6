import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { Page, Section, CenterCard, StateView, SearchField, Switch } from '../../components';
import { useElderMode } from '../../hooks/useElderMode';
import { useNearestCenters } from '../../hooks/useNearestCenters';
import { useTabBadge } from '../../hooks/useUnread';
import { useSession } from '../../hooks/useSession';
import { go } from '../../services/routes';
import { LifeEventGrid } from './LifeEventGrid';
import { AccountPrompt } from './AccountPrompt';
import './index.scss';

const SOURCE_NOTE = { gps: '按您当前位置', home: '按您所在村居（未获取到定位）', none: '' } as const;

/** 首页: search, life events, the nearest centers, and the 长辈模式 switch. */
export default function Home() {
  const { elder, setElder } = useElderMode();
  const [q, setQ] = useState('');
  const nearby = useNearestCenters(3);
  const { user } = useSession();
  useTabBadge();
  return (
    <Page className="home">
      <View className="home-hero">
        <View className="home-title">邹城通办</View>
        <View className="home-slogan">小事不出村 · 大事不出镇 · 所有事不出城</View>
        <SearchField
          placeholder="搜索要办的事，如：低保、建房、出生"
          value={q}
          onChange={setQ}
          onSearch={(v) => go.items({ q: v.trim() })}
          action={
            <Text className="home-search-go" onClick={() => go.items({ q: q.trim() })}>
              搜索
            </Text>
          }
        />
      </View>
      <View className="zc-card zc-row home-elder">
        <View>
          <View className="zc-strong">长辈模式</View>
          <View className="zc-muted">字更大、颜色更清楚</View>
        </View>
        <Switch checked={elder} onChange={setElder} label="长辈模式" />
      </View>
      <AccountPrompt />
      <Section title="按生活事项找" more="全部事项" onMore={() => go.items()}>
        <LifeEventGrid />
      </Section>
      <Section title="离您最近的服务中心" more="更多中心" onMore={() => go.tab('centers')}>
        <StateView
          loading={nearby.loading}
          loadingText="正在查找附近的服务中心…"
          error={nearby.error}
          onRetry={nearby.reload}
          empty={nearby.items.length === 0}
          emptyText="还不知道您在哪里"
          emptyAction={
            <Text className="zc-link" onClick={() => go.tab('centers')}>
              按镇街查找服务中心 ›
            </Text>
          }
        >
          <View className="zc-muted">{SOURCE_NOTE[nearby.source]}</View>
          {nearby.items.map((c) => (
            <CenterCard key={c.id} center={c} home={c.id === user?.homeVillageId} onClick={() => go.center(c.id)} />
          ))}
        </StateView>
      </Section>
    </Page>
  );
}
