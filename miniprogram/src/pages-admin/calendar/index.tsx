import { View, Text } from '@tarojs/components';
import { Page, Section, StateView } from '../../components';
import { useCalendar } from '../parts/admin.data';
import { YearEntry } from './YearEntry';
import '../parts/admin.scss';

const SOURCE_WORD = { library: '系统内置', seed: '随程序发布', entered: '管理员录入' } as const;

/** 节假日日历: which years are covered and from where, and the entry of the next year's official schedule. */
export default function CalendarPage() {
  const calendar = useCalendar();
  const data = calendar.data;
  const last = data?.years.at(-1);
  const entered = data?.years.filter((y) => y.source === 'entered') ?? [];
  return (
    <Page className="admin">
      <StateView loading={calendar.loading && !data} error={calendar.error} onRetry={calendar.reload}>
        {data ? (
          <View className="admin-columns">
            <View>
              <View className={data.coverage.warn ? 'admin-warn' : 'zc-card'}>
                <View className={data.coverage.warn ? 'admin-warn-title' : 'zc-strong'}>
                  日历覆盖到 {data.coverage.coveredUntil}
                  {data.coverage.warn ? `，还剩${Math.max(data.coverage.daysLeft, 0)}天` : ''}
                </View>
                <View className="zc-muted">办理期限按工作日计算。未覆盖的年份不会按周一至周五猜测，期限显示“期限待定”，录入后由系统自动补算。</View>
              </View>
              <Section title={`录入${(last?.year ?? 2026) + 1}年安排`}>
                <YearEntry key={last?.year} year={(last?.year ?? 2026) + 1} onSaved={calendar.reload} />
              </Section>
            </View>
            <Section title="已录入的年份">
              {entered.length ? (
                entered.map((y) => (
                  <View key={y.year} className="admin-line" data-year={y.year}>
                    <View className="zc-row">
                      <Text className="zc-strong">{y.year}年</Text>
                      <Text className="zc-tag ok">{SOURCE_WORD[y.source]}</Text>
                    </View>
                    <View className="zc-muted">
                      放假{y.holidays?.length ?? 0}天 · 调休上班{y.workdays?.length ?? 0}天
                    </View>
                  </View>
                ))
              ) : (
                <View className="zc-muted">
                  还没有管理员录入的年份。{data.years[0]?.year}—{last?.year}年为系统内置安排。
                </View>
              )}
            </Section>
          </View>
        ) : null}
      </StateView>
    </Page>
  );
}
