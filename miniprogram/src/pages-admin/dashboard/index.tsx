import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Period } from '@shared/indicators';
import { chinaDateTimeOf } from '@shared/china.time';
import { Page, StateView } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/api';
import { PANELS } from './panels';
import { LEVEL_KEYS, LEVEL_ZH, pct } from './panels/panel.kit';
import '../parts/admin.scss';

const PERIODS: { id: Period; name: string; range: string }[] = [
  { id: 'day', name: '按日', range: '近30天' },
  { id: 'week', name: '按周', range: '近12周' },
  { id: 'month', name: '按月', range: '近12个月' },
];

/** 指标看板: the city's (or one township's) figures by period, then one panel per view. */
export default function DashboardPage() {
  const [period, setPeriod] = useState<Period>('month');
  const [townshipCode, setTownship] = useState<string | undefined>(undefined);
  const stats = useQuery(() => call('admin', 'stats', { period, townshipCode }, { toast: false }), [period, townshipCode]);
  const s = stats.data;
  const t = s?.indicators;
  // a share over nothing is no figure: a dash, not 0%
  const decided = t ? LEVEL_KEYS.reduce((n, l) => n + t.settledBy[l], 0) : 0;
  const rated = t ? Object.values(t.ratings).reduce((a, b) => a + b, 0) : 0;
  return (
    <Page className="admin dash">
      <View className="dash-bar">
        <View className="dash-scope" data-scope={s?.scope.townshipCode ?? 'city'}>
          {townshipCode ? (
            <Text className="dash-crumb" onClick={() => setTownship(undefined)}>
              邹城市 ›
            </Text>
          ) : null}
          <Text className="dash-scope-name">{s?.scope.name ?? '邹城市'}</Text>
          <Text className="zc-muted">{s ? `${s.from} 至 ${s.to}` : ''}</Text>
        </View>
        <View className="admin-choice" role="radiogroup" aria-label="统计周期">
          {PERIODS.map((p) => (
            <Button key={p.id} size="small" type={p.id === period ? 'primary' : 'default'} onClick={() => setPeriod(p.id)} data-period={p.id}>
              {p.name}（{p.range}）
            </Button>
          ))}
        </View>
      </View>
      <StateView loading={stats.loading && !s} error={stats.error} onRetry={stats.reload}>
        {s && t ? (
          <>
            <View className="dash-tiles" data-tiles="totals">
              <View className="dash-tile">
                <Text className="zc-muted">收件</Text>
                <Text className="dash-tile-value">{t.requests}</Text>
              </View>
              {LEVEL_KEYS.slice(0, 3).map((l) => (
                <View key={l} className="dash-tile" data-share={l}>
                  <Text className="zc-muted">{LEVEL_ZH[l]}办结</Text>
                  <Text className="dash-tile-value">{decided ? `${pct(t.settledShare[l])}%` : '—'}</Text>
                </View>
              ))}
              <View className="dash-tile">
                <Text className="zc-muted">超期率</Text>
                <Text className="dash-tile-value">{t.accepted ? `${pct(t.overdueRate)}%` : '—'}</Text>
              </View>
              <View className="dash-tile">
                <Text className="zc-muted">满意率</Text>
                <Text className="dash-tile-value">{rated ? `${pct(t.satisfactionRate)}%` : '—'}</Text>
              </View>
              <View className="dash-tile">
                <Text className="zc-muted">整改中</Text>
                <Text className="dash-tile-value">{t.badReviews.rectificationOpen}</Text>
              </View>
              <View className="dash-tile" data-tile="late">
                <Text className="zc-muted">整改超期</Text>
                <Text className={`dash-tile-value${t.badReviews.rectificationLate ? ' dash-bad' : ''}`}>{t.badReviews.rectificationLate}</Text>
              </View>
            </View>
            <View className="dash-panels">
              {PANELS.map(({ id, Component }) => (
                <Component key={`${id}-${s.scope.townshipCode ?? 'city'}-${s.period}`} stats={s} drill={setTownship} />
              ))}
            </View>
            <View className="zc-muted dash-note">数据截至{chinaDateTimeOf(s.at)}。按收件的服务中心归属统计；办结层级按作出决定的服务中心。</View>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}
