import { useMemo } from 'react';
import { EChart } from '../../parts/chart/EChart';
import type { ChartOption } from '../../parts/chart/echarts';
import { PanelFrame } from './PanelFrame';
import { exportSheets, pct, periodColumn, periodLabel, type PanelProps } from './panel.kit';

/** 收件与超期: matters submitted, accepted and run late, with the overdue rate. */
export function IntakePanel({ stats }: PanelProps) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 44, right: 44, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: stats.series.map((s) => periodLabel(s.period, stats.period)) },
      yAxis: [
        { type: 'value', name: '件', minInterval: 1 },
        { type: 'value', name: '超期率', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: '收件', type: 'bar', itemStyle: { color: '#1d5fd6' }, data: stats.series.map((s) => s.indicators.requests) },
        { name: '受理', type: 'bar', itemStyle: { color: '#74c0fc' }, data: stats.series.map((s) => s.indicators.accepted) },
        { name: '超期率', type: 'line', yAxisIndex: 1, itemStyle: { color: '#e03131' }, data: stats.series.map((s) => pct(s.indicators.overdueRate)) },
      ],
    }),
    [stats],
  );
  const onExport = () =>
    void exportSheets('收件与超期', stats, [
      {
        name: '收件与超期',
        header: [periodColumn(stats.period), '收件', '受理', '超期', '超期率%', '流转超期未签收'],
        rows: stats.series.map((s) => {
          const i = s.indicators;
          return [s.period, i.requests, i.accepted, i.overdue, pct(i.overdueRate), i.handoffs.unconfirmedOverdue];
        }),
      },
    ]);
  return (
    <PanelFrame id="intake" title="收件与超期" hint="超期率：超过承诺时限的件数占受理件数" onExport={onExport}>
      <EChart option={option} height={260} label="收件量与超期率" />
    </PanelFrame>
  );
}
