import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { Page, ItemCard, StateView, SearchField } from '../../components';
import { useItemSearch } from '../../hooks/useItemSearch';
import { go, usePageParams } from '../../services/routes';
import { SearchHelp } from './SearchHelp';
import './index.scss';

/** 事项: search by word, or the items of a life event or of a center. */
export default function Items() {
  const params = usePageParams();
  const [q, setQ] = useState(params.q ?? '');
  const [search, setSearch] = useState(params.q ?? '');
  const found = useItemSearch({ q: search, lifeEvent: params.lifeEvent, centerId: params.centerId });
  const scope = params.title ? `${params.title} · ` : '';
  return (
    <Page title="找事项">
      <SearchField
        placeholder="输入要办的事"
        value={q}
        onChange={setQ}
        onSearch={(v) => setSearch(v.trim())}
        onClear={() => setSearch('')}
        action={
          <Text className="zc-link" onClick={() => setSearch(q.trim())}>
            搜索
          </Text>
        }
      />
      <View className="zc-muted" style={{ margin: '8px 4px' }}>
        {scope}
        {search ? `“${search}” ` : ''}共{found.total}项
      </View>
      {found.help && !found.loading && !found.items.length ? (
        <SearchHelp q={search} help={found.help} />
      ) : (
        <View className="zc-card">
          <StateView
            loading={found.loading && !found.items.length}
            error={found.error}
            onRetry={found.retry}
            empty={!found.items.length}
            emptyText="没有找到相关事项，换个说法试试"
          >
            {found.items.map((it) => (
              <ItemCard key={it.code} item={it} onClick={() => go.guide(it.code)} />
            ))}
            {found.items.length < found.total ? (
              <Button block loading={found.loading} onClick={found.more}>
                加载更多
              </Button>
            ) : null}
          </StateView>
        </View>
      )}
    </Page>
  );
}
