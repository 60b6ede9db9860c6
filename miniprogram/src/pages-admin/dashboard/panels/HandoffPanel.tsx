import { useMemo } from 'react';
import { EChart } from '../../parts/chart/EChart';
import type { ChartOption } from '../../parts/chart/echarts';
import { PanelFrame } from './PanelFrame';
import { exportSheets, periodColumn, periodLabel, type PanelProps } from './panel.kit';

/** 流转签收: how long a receiving clerk takes to confirm a handoff, the mean and the 90th percentile. */
export function HandoffPanel({ stats }: PanelProps) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}小时` },
      legend: { top: 0 },
      grid: { left: 44, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: stats.series.map((s) => periodLabel(s.period, stats.period)) },
      yAxis: { type: 'value', name: '小时' },
      series: [
        { name: '平均', type: 'line', itemStyle: { color: '#1d5fd6' }, data: stats.series.map((s) => s.indicators.handoffs.meanHoursToConfirm) },
        { name: '90%在此之内', type: 'line', itemStyle: { color: '#f08c00' }, data: stats.series.map((s) => s.indicators.handoffs.p90HoursToConfirm ?? 0) },
      ],
    }),
    [stats],
  );
  const onExport = () =>
    void exportSheets('流转签收用时', stats, [
      {
        name: '流转签收用时',
        header: [periodColumn(stats.period), '签收次数', '平均小时', '90%在此小时之内', '超过120小时'],
        rows: stats.series.map((s) => {
          const h = s.indicators.handoffs;
          return [s.period, h.confirmed, h.meanHoursToConfirm, h.p90HoursToConfirm ?? '', h.p90Beyond ? '是' : ''];
        }),
      },
    ]);
  return (
    <PanelFrame id="handoff" title="流转签收用时" hint="材料发出到签收的小时数（90%分位按档计）" onExport={onExport}>
      <EChart option={option} height={240} label="流转签收用时" />
    </PanelFrame>
  );
}
