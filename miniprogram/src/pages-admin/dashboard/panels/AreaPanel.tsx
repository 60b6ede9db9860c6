import { View, Text } from '@tarojs/components';
import { useMemo } from 'react';
import { EChart } from '../../parts/chart/EChart';
import type { ChartOption } from '../../parts/chart/echarts';
import { PanelFrame } from './PanelFrame';
import { LEVEL_COLOR, LEVEL_KEYS, LEVEL_ZH, exportSheets, pct, type PanelProps } from './panel.kit';

/** A center's name without the common ending, so a chart's axis keeps the part that differs. */
const short = (name: string) => name.replace(/(为民服务中心|便民服务中心|服务中心)$/, '') || name;
/** A share of decided matters, or a dash when none was decided. */
const shareText = (n: number, decided: number) => (decided ? `${pct(n)}%` : '—');

const KIND_ZH: Record<string, string> = { township: '镇街', city: '市级中心', zone: '开发区', village: '村居', bank: '银行网点', other: '' };

/**
 * Where matters were settled, area by area: the city by township (the city center and the zone
 * as their own rows), a township by its centers. A township row opens the township.
 */
export function AreaPanel({ stats, drill }: PanelProps) {
  const city = stats.scope.townshipCode === null;
  const rows = useMemo(() => (city ? stats.breakdown : [...stats.breakdown].sort((a, b) => b.indicators.requests - a.indicators.requests)), [stats, city]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 60, bottom: 24, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => short(r.name)), axisLabel: { width: 96, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: LEVEL_KEYS.map((l) => ({
        name: `${LEVEL_ZH[l]}办结`,
        type: 'bar',
        stack: 'n',
        itemStyle: { color: LEVEL_COLOR[l] },
        data: rows.map((r) => r.indicators.settledBy[l]),
      })),
    }),
    [rows],
  );
  const onExport = () =>
    void exportSheets(city ? '各镇街' : '各服务中心', stats, [
      {
        name: city ? '各镇街' : '各服务中心',
        header: [
          '名称',
          '类别',
          '收件',
          '受理',
          ...LEVEL_KEYS.map((l) => `${LEVEL_ZH[l]}办结`),
          '村级占比%',
          '超期率%',
          '满意率%',
          '差评',
          '整改中',
          '整改超期',
        ],
        rows: rows.map((r) => {
          const i = r.indicators;
          const b = i.badReviews;
          return [
            r.name,
            KIND_ZH[r.kind] ?? '',
            i.requests,
            i.accepted,
            ...LEVEL_KEYS.map((l) => i.settledBy[l]),
            pct(i.settledShare.village),
            pct(i.overdueRate),
            pct(i.satisfactionRate),
            b.total,
            b.rectificationOpen,
            b.rectificationLate,
          ];
        }),
      },
    ]);
  return (
    <PanelFrame
      id="area"
      title={city ? '各镇街' : `${stats.scope.name}各服务中心`}
      hint={city ? '按收件地统计，点镇街查看村居' : '按收件的村居和服务中心统计'}
      onExport={onExport}
    >
      <EChart option={option} height={Math.max(200, 70 + rows.length * 26)} label={city ? '各镇街办结层级' : '各服务中心办结层级'} />
      <View className="dash-rows">
        {rows.map((r) => (
          <View key={r.id} className={`dash-row${r.drill ? ' dash-row-open' : ''}`} data-area={r.id} onClick={r.drill ? () => drill(r.id) : undefined}>
            <Text className="dash-row-name">{r.name}</Text>
            <Text className="zc-muted">
              收件{r.indicators.requests} · 村级办结
              {shareText(
                r.indicators.settledBy.village,
                LEVEL_KEYS.reduce((n, l) => n + r.indicators.settledBy[l], 0),
              )}{' '}
              · 超期
              {r.indicators.accepted ? `${pct(r.indicators.overdueRate)}%` : '—'}
              {r.indicators.badReviews.rectificationOpen ? ` · 整改中${r.indicators.badReviews.rectificationOpen}` : ''}
            </Text>
            {r.drill ? <Text className="dash-row-more">查看村居 ›</Text> : null}
          </View>
        ))}
      </View>
    </PanelFrame>
  );
}
