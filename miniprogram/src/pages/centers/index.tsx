import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { Page, Section, CenterCard, StateView, SearchField } from '../../components';
import { useNearestCenters } from '../../hooks/useNearestCenters';
import { useCentersIn, useTownships } from '../../hooks/useDirectory';
import { useTabBadge } from '../../hooks/useUnread';
import { useSession } from '../../hooks/useSession';
import { platform } from '../../platform';
import { go } from '../../services/routes';
import { CenterMap } from './CenterMap';
import './index.scss';

type Mode = 'near' | 'browse';

/** 服务中心: the nearest centers (on WeChat with a map), or browse township then village, or search by name. */
export default function Centers() {
  const [mode, setMode] = useState<Mode>('near');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  useTabBadge();
  return (
    <Page title="服务中心">
      <SearchField placeholder="输入中心或村居名称" value={q} onChange={setQ} onSearch={(v) => setSearch(v.trim())} onClear={() => setSearch('')} />
      {search ? (
        <SearchResults q={search} />
      ) : (
        <>
          <View className="centers-modes">
            <Button type={mode === 'near' ? 'primary' : 'default'} onClick={() => setMode('near')}>
              离我最近
            </Button>
            <Button type={mode === 'browse' ? 'primary' : 'default'} onClick={() => setMode('browse')}>
              按镇街查找
            </Button>
          </View>
          {mode === 'near' ? <Nearest /> : <Browse />}
        </>
      )}
    </Page>
  );
}

function Nearest() {
  const nearby = useNearestCenters(10);
  const { user } = useSession();
  const note = nearby.source === 'gps' ? '按您当前位置排序' : '没有获取到定位，按您所在村居排序';
  return (
    <Section title="离我最近">
      <StateView
        loading={nearby.loading}
        loadingText="正在定位…"
        error={nearby.error}
        onRetry={nearby.reload}
        empty={!nearby.items.length}
        emptyText="没有获取到您的位置"
        emptyAction={<Text className="zc-muted">请允许定位，或在“我的”里选择所在村居，也可以按镇街查找</Text>}
      >
        <View className="zc-muted">{note}</View>
        {platform.hasMap ? <CenterMap centers={nearby.items} /> : null}
        {nearby.items.map((c) => (
          <CenterCard key={c.id} center={c} home={c.id === user?.homeVillageId} onClick={() => go.center(c.id)} />
        ))}
      </StateView>
    </Section>
  );
}

function Browse() {
  const [township, setTownship] = useState<{ code: string; name: string } | null>(null);
  const townships = useTownships();
  const centers = useCentersIn(township?.code, undefined);
  if (!township)
    return (
      <Section title="选择镇街">
        <StateView loading={townships.loading} error={townships.error} onRetry={townships.reload} empty={!townships.data?.length}>
          {townships.data?.map((t) => (
            <View key={t.code} className="zc-list-item zc-row" onClick={() => setTownship(t)}>
              <Text className="zc-item-name">{t.name}</Text>
              <Text className="zc-muted">{t.villages}个村居 ›</Text>
            </View>
          ))}
        </StateView>
      </Section>
    );
  return (
    <Section title={`${township.name}的服务中心`} more="换个镇街" onMore={() => setTownship(null)}>
      <StateView
        loading={centers.loading}
        error={centers.error}
        onRetry={centers.reload}
        empty={!centers.data?.items.length}
        emptyText="这个镇街暂无服务中心数据"
      >
        {centers.data?.items.map((c) => (
          <CenterCard key={c.id} center={c} onClick={() => go.center(c.id)} />
        ))}
      </StateView>
    </Section>
  );
}

function SearchResults({ q }: { q: string }) {
  const found = useCentersIn(undefined, undefined, q);
  return (
    <Section title={`“${q}”的搜索结果`}>
      <StateView loading={found.loading} error={found.error} onRetry={found.reload} empty={!found.data?.items.length} emptyText="没有找到这个名称的服务中心">
        {found.data?.items.map((c) => (
          <CenterCard key={c.id} center={c} onClick={() => go.center(c.id)} />
        ))}
      </StateView>
    </Section>
  );
}
