import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { CompanyView } from '@shared/api.schema';
import { Page, SearchField, StateView } from '../../components';
import { useCenterCompanies } from '../../hooks/useCompany';
import { CompanyCard } from './CompanyCard';
import '../parts/clerk.scss';

/**
 * 辖区企业: the verified companies this center serves as their home (the township's companies, or
 * the zone's for the zone branch), each with its 企业管家; a clerk chooses another clerk of the
 * center for one. Found by name or credit code, 20 a page.
 */
export default function CenterCompaniesPage() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useCenterCompanies(q, page);
  useDidShow(() => list.reload());
  const search = (value: string) => {
    setQ(value.trim());
    setPage(1);
  };
  const changed = (c: CompanyView) => {
    void Taro.showToast({ title: `企业管家已改为${c.officer?.nameMasked ?? '所选工作人员'}`, icon: 'none', duration: 2500 });
    list.reload();
  };
  const data = list.data;
  const items = data?.items ?? [];
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Page className="clerk">
      <View className="clerk-queue-title cc-title" role="heading">
        辖区企业{data ? `（${data.total}家）` : ''}
      </View>
      <View className="zc-muted cc-intro">本中心服务的已核验企业。每家企业有一名企业管家，企业诉求先由其受理；可改由本中心的其他工作人员担任。</View>
      <SearchField
        value={typed}
        onChange={setTyped}
        placeholder="企业名称或信用代码"
        onSearch={search}
        onClear={() => search('')}
        action={
          <Text className="zc-link" onClick={() => search(typed)}>
            搜索
          </Text>
        }
      />
      <StateView
        loading={list.loading && !data}
        error={list.error}
        onRetry={list.reload}
        empty={!items.length}
        emptyText={q ? `没有找到“${q}”` : '本中心还没有已核验的企业'}
      >
        {items.map((c) => (
          <CompanyCard key={`${c.id}-${c.version}`} company={c} onChanged={changed} onStale={list.reload} />
        ))}
        {pages > 1 ? (
          <View className="zc-row cc-pages">
            <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Text className="zc-muted">
              第{page}/{pages}页
            </Text>
            <Button disabled={page >= pages} onClick={() => setPage(page + 1)}>
              下一页
            </Button>
          </View>
        ) : null}
      </StateView>
    </Page>
  );
}
