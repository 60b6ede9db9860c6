import { useMemo } from 'react';
import { EChart } from '../../parts/chart/EChart';
import type { ChartOption } from '../../parts/chart/echarts';
import { PanelFrame } from './PanelFrame';
import { LEVEL_COLOR, LEVEL_KEYS, LEVEL_ZH, exportSheets, pct, periodColumn, periodLabel, type PanelProps } from './panel.kit';

/** 小事不出村、大事不出镇: the share of decided matters settled at each level, period by period. */
export function SettledPanel({ stats }: PanelProps) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 44, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: stats.series.map((s) => periodLabel(s.period, stats.period)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: LEVEL_KEYS.map((l) => ({
        name: LEVEL_ZH[l],
        type: 'bar',
        stack: 'share',
        itemStyle: { color: LEVEL_COLOR[l] },
        data: stats.series.map((s) => pct(s.indicators.settledShare[l])),
      })),
    }),
    [stats],
  );
  const onExport = () =>
    void exportSheets('办结层级', stats, [
      {
        name: '办结层级',
        header: [periodColumn(stats.period), '办结件数', ...LEVEL_KEYS.map((l) => `${LEVEL_ZH[l]}件数`), ...LEVEL_KEYS.map((l) => `${LEVEL_ZH[l]}占比%`)],
        rows: stats.series.map((s) => {
          const i = s.indicators;
          const decided = LEVEL_KEYS.reduce((n, l) => n + i.settledBy[l], 0);
          return [s.period, decided, ...LEVEL_KEYS.map((l) => i.settledBy[l]), ...LEVEL_KEYS.map((l) => pct(i.settledShare[l]))];
        }),
      },
    ]);
  return (
    <PanelFrame id="settled" title="办结层级" hint="已决定事项在各层级办结的占比" onExport={onExport}>
      <EChart option={option} height={260} label="各层级办结占比" />
    </PanelFrame>
  );
}
