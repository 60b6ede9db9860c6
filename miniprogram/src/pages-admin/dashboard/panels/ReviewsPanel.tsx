import { View, Text } from '@tarojs/components';
import { useMemo } from 'react';
import { EChart } from '../../parts/chart/EChart';
import type { ChartOption } from '../../parts/chart/echarts';
import { PanelFrame } from './PanelFrame';
import { LEVEL_KEYS, LEVEL_ZH, exportSheets, pct, periodColumn, periodLabel, type PanelProps } from './panel.kit';

/** 好差评: satisfaction by level, and the bad reviews with their rectification state. */
export function ReviewsPanel({ stats }: PanelProps) {
  const t = stats.indicators;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 44, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: stats.series.map((s) => periodLabel(s.period, stats.period)) },
      yAxis: { type: 'value', name: '件', minInterval: 1 },
      series: [
        {
          name: '整改中',
          type: 'bar',
          stack: 'bad',
          itemStyle: { color: '#e03131' },
          data: stats.series.map((s) => s.indicators.badReviews.rectificationOpen),
        },
        {
          name: '已整改',
          type: 'bar',
          stack: 'bad',
          itemStyle: { color: '#2f9e44' },
          data: stats.series.map((s) => s.indicators.badReviews.rectificationClosed),
        },
      ],
    }),
    [stats],
  );
  const onExport = () =>
    void exportSheets('好差评与整改', stats, [
      {
        name: '差评整改',
        header: [periodColumn(stats.period), '评价', '满意率%', '差评', '整改中', '已整改', '已回访', '回访后满意'],
        rows: stats.series.map((s) => {
          const i = s.indicators;
          const rated = Object.values(i.ratings).reduce((a, b) => a + b, 0);
          const b = i.badReviews;
          return [s.period, rated, pct(i.satisfactionRate), b.total, b.rectificationOpen, b.rectificationClosed, b.returnCalls, b.satisfiedAfterCall];
        }),
      },
      { name: '分层级满意率', header: ['层级', '满意率%'], rows: LEVEL_KEYS.map((l) => [LEVEL_ZH[l], pct(t.satisfactionByLevel[l])]) },
    ]);
  return (
    <PanelFrame id="reviews" title="好差评与整改" hint="不满意、非常不满意须在期限内回访整改" onExport={onExport}>
      <View className="dash-facts">
        {LEVEL_KEYS.map((l) => (
          <View key={l} className="dash-fact">
            <Text className="zc-muted">{LEVEL_ZH[l]}满意率</Text>
            <Text className="dash-fact-value">{t.ratedByLevel[l] ? `${pct(t.satisfactionByLevel[l])}%` : '—'}</Text>
          </View>
        ))}
        <View className="dash-fact" data-fact="late">
          <Text className="zc-muted">整改超期</Text>
          <Text className={`dash-fact-value${t.badReviews.rectificationLate ? ' dash-bad' : ''}`}>{t.badReviews.rectificationLate}件</Text>
        </View>
      </View>
      <EChart option={option} height={220} label="差评与整改" />
    </PanelFrame>
  );
}
