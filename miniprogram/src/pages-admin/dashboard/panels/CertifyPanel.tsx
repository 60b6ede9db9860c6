import { useMemo } from 'react';
import { Text } from '@tarojs/components';
import type { OutcomeCounts } from '@shared/api.certify.schema';
import { EChart } from '../../parts/chart/EChart';
import type { ChartOption } from '../../parts/chart/echarts';
import { useQuery } from '../../../hooks/useQuery';
import { call } from '../../../services/api';
import { PanelFrame } from './PanelFrame';
import { exportSheets, type PanelProps } from './panel.kit';

/** A count as a share of the entries, in percent with one decimal. */
const share = (n: number, c: OutcomeCounts): number => (c.total ? Math.round((n * 1000) / c.total) / 10 : 0);
const PARTS = [
  { name: '静默', color: '#2f9e44', of: (c: OutcomeCounts) => c.silent },
  { name: '上门/窗口', color: '#1d5fd6', of: (c: OutcomeCounts) => c.inPerson },
  { name: '未认证', color: '#e03131', of: (c: OutcomeCounts) => c.pending + c.lapsed },
] as const;
const HEADER = ['名称', '名册人数', '静默认证', '上门/窗口认证', '未认证', '不符合条件', '静默占比%', '上门/窗口占比%', '未认证占比%'];
const line = (c: OutcomeCounts) => [c.name, c.total, c.silent, c.inPerson, c.pending + c.lapsed, c.ineligible, ...PARTS.map((p) => share(p.of(c), c))];

/** 静默认证: the share of recipients certified silently, in person and not at all, by township (certify.stats, the whole city). */
export function CertifyPanel({ stats }: PanelProps) {
  const certify = useQuery(() => call('certify', 'stats', {}, { toast: false }), []);
  const c = certify.data;
  const townships = useMemo(() => c?.townships.filter((t) => t.total) ?? [], [c]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 72, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: townships.map((t) => t.name) },
      series: PARTS.map((p) => ({ name: p.name, type: 'bar', stack: 'share', itemStyle: { color: p.color }, data: townships.map((t) => share(p.of(t), t)) })),
    }),
    [townships],
  );
  const onExport = () =>
    c &&
    void exportSheets('静默认证', stats, [
      { name: '按镇街', header: HEADER, rows: [line(c.total), ...townships.map(line)] },
      { name: '按认证项目', header: HEADER, rows: c.schemes.map(line) },
    ]);
  const hint = c?.total.total
    ? `全市${c.total.total}人：静默${share(c.total.silent, c.total)}%，上门/窗口${share(c.total.inPerson, c.total)}%，未认证${share(c.total.pending + c.total.lapsed, c.total)}%`
    : '资格认证的方式：静默（医保、社保卡等记录）、上门或窗口、未认证';
  return (
    <PanelFrame id="certify" title="静默认证" hint={hint} onExport={onExport}>
      {townships.length ? (
        <EChart option={option} height={Math.max(200, 40 + townships.length * 28)} label="各镇街资格认证方式占比" />
      ) : (
        <Text className="zc-muted">{certify.loading ? '正在读取…' : '还没有导入认证名册'}</Text>
      )}
    </PanelFrame>
  );
}
