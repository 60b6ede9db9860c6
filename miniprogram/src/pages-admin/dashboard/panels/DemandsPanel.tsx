import { useMemo } from 'react';
import { Text } from '@tarojs/components';
import { EChart } from '../../parts/chart/EChart';
import type { ChartOption } from '../../parts/chart/echarts';
import { useQuery } from '../../../hooks/useQuery';
import { call } from '../../../services/api';
import { PanelFrame } from './PanelFrame';
import { exportSheets, type PanelProps } from './panel.kit';

/** Hours as the officials read them: minutes under an hour, else hours with one decimal. */
const hours = (h: number | null): string => (h === null ? '—' : h < 1 ? `${Math.round(h * 60)}分钟` : `${Math.round(h * 10) / 10}小时`);

/** 云上宠企: demands by township and category, the median times, overdue and satisfaction (admin.demandStats). */
export function DemandsPanel({ stats }: PanelProps) {
  const demands = useQuery(() => call('admin', 'demandStats', {}, { toast: false }), []);
  const d = demands.data?.stats;
  const townships = useMemo(() => d?.byTownship.filter((t) => t.count) ?? [], [d]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 72, right: 12, top: 12, bottom: 28 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: townships.map((t) => t.name) },
      series: [{ name: '诉求', type: 'bar', itemStyle: { color: '#1d5fd6' }, data: townships.map((t) => t.count) }],
    }),
    [townships],
  );
  const onExport = () =>
    d &&
    void exportSheets('企业诉求', stats, [
      { name: '按镇街', header: ['镇街', '诉求数'], rows: d.byTownship.map((t) => [t.name, t.count]) },
      { name: '按类别', header: ['类别', '诉求数'], rows: d.byCategory.map((c) => [c.category, c.count]) },
      {
        name: '时效与满意度',
        header: ['诉求总数', '受理用时中位数', '答复用时中位数', '超期未受理', '超期未答复', '已评价', '满意率%'],
        rows: [
          [
            d.total,
            hours(d.medianAckHours),
            hours(d.medianAnswerHours),
            d.overdue.ack,
            d.overdue.answer,
            d.satisfaction.rated,
            d.satisfaction.share === null ? '—' : Math.round(d.satisfaction.share * 1000) / 10,
          ],
        ],
      },
    ]);
  const hint = d?.total
    ? `共${d.total}件：受理用时中位数${hours(d.medianAckHours)}，答复${hours(d.medianAnswerHours)}；超期${d.overdue.ack + d.overdue.answer}件`
    : '企业通过“云上宠企”提出的诉求，按镇街统计';
  return (
    <PanelFrame id="demands" title="企业诉求（云上宠企）" hint={hint} onExport={onExport}>
      {townships.length ? (
        <EChart option={option} height={Math.max(200, 40 + townships.length * 28)} label="各镇街企业诉求数" />
      ) : (
        <Text className="zc-muted">{demands.loading ? '正在读取…' : '还没有企业诉求'}</Text>
      )}
    </PanelFrame>
  );
}
