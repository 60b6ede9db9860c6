import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { DemandStats } from '@shared/api.schema';
import { Page, Section, StateView } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/api';
import '../parts/admin.scss';

/** One bar per row, as wide as its share of the largest. */
function Bars({ rows }: { rows: { label: string; count: number }[] }) {
  const top = Math.max(1, ...rows.map((r) => r.count));
  return (
    <View>
      {rows.map((r) => (
        <View key={r.label} className="admin-bar-row" data-bar={r.label}>
          <Text className="admin-bar-label">{r.label}</Text>
          <View className="admin-bar-track">{r.count ? <View className="admin-bar" style={{ width: `${Math.round((r.count / top) * 100)}%` }} /> : null}</View>
          <Text className="admin-bar-count">{r.count}</Text>
        </View>
      ))}
    </View>
  );
}

const hours = (h: number | null) => (h === null ? '—' : h < 1 ? `${Math.round(h * 60)}分钟` : h < 24 ? `${h}小时` : `${Math.round((h / 24) * 10) / 10}天`);

/** 企业诉求指标 (云上宠企): by category and township, the median times, what is overdue, satisfaction. */
export default function AdminDemands() {
  const q = useQuery(() => call('admin', 'demandStats', {}, { toast: false }), []);
  useDidShow(() => q.reload());
  const s: DemandStats | undefined = q.data?.stats;
  return (
    <Page className="admin">
      <StateView loading={q.loading && !q.data} error={q.error} onRetry={q.reload}>
        {s ? (
          <>
            <View className="admin-tiles" data-demand-stats={s.total}>
              <Figure name="诉求总数" value={String(s.total)} />
              <Figure name="超时未办" value={String(s.overdue.ack + s.overdue.answer)} hint={`确认超时${s.overdue.ack} · 答复超时${s.overdue.answer}`} />
              <Figure name="确认用时（中位）" value={hours(s.medianAckHours)} />
              <Figure name="答复用时（中位）" value={hours(s.medianAnswerHours)} />
              <Figure
                name="满意率"
                value={s.satisfaction.share === null ? '—' : `${Math.round(s.satisfaction.share * 100)}%`}
                hint={`已评价${s.satisfaction.rated}件，差评${s.satisfaction.rated - s.satisfaction.good}件`}
              />
            </View>
            <Section title="按诉求类别">
              <Bars rows={s.byCategory.map((c) => ({ label: c.category, count: c.count }))} />
            </Section>
            <Section title="按镇街（开发区单列）">
              {s.byTownship.length ? (
                <Bars rows={s.byTownship.map((t) => ({ label: t.name, count: t.count }))} />
              ) : (
                <View className="zc-muted">还没有诉求</View>
              )}
            </Section>
            <Section title="好差评">
              <Bars rows={Object.entries(s.satisfaction.byLevel).map(([label, count]) => ({ label, count }))} />
            </Section>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}

function Figure({ name, value, hint }: { name: string; value: string; hint?: string }) {
  return (
    <View className="admin-tile">
      <View className="zc-muted">{name}</View>
      <View className="admin-figure">{value}</View>
      {hint ? <View className="zc-muted">{hint}</View> : null}
    </View>
  );
}
