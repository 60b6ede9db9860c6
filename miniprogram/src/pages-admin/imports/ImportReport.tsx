import { View, Text } from '@tarojs/components';
import type { ActionOutput } from '@shared/api.schema';

// the catalogue imports' report, or a roster's or evidence file's (same shape, its own kinds)
export type Report = Omit<ActionOutput<'admin', 'importCenters'>['report'], 'kind'> & { kind: string };

/** The lists whose file is the whole list, so what it leaves out retires (a roster or evidence file only adds). */
const RETIRING = new Set(['centers', 'items', 'offers']);

/** The dry run's report: counts first, then every error by row and column, then changes and warnings. */
export function ImportReportView({ report }: { report: Report }) {
  const { counts } = report;
  return (
    <View data-report={report.kind}>
      <View className="zc-strong">
        读取 {report.rowsRead} 行：新增 {counts.add}，修改 {counts.change}
        {RETIRING.has(report.kind) ? `，撤销 ${counts.retire}` : ''}，{report.kind === 'evidence' ? '已有' : '不变'} {counts.unchanged}
      </View>
      {report.errors.length ? (
        <View className="admin-errors" role="alert">
          <View className="zc-error-text">有 {report.errors.length} 处错误，改正后才能导入：</View>
          {report.errors.map((e, i) => (
            <View key={i} className="admin-line zc-error-text">
              {e.row ? `第${e.row}行` : ''}
              {e.column ? `“${e.column}”` : ''}
              {e.row || e.column ? '：' : ''}
              {e.message}
            </View>
          ))}
        </View>
      ) : (
        <View className="zc-tag ok">检查通过，可以导入</View>
      )}
      {report.change.length ? (
        <View>
          <View className="zc-muted">修改的记录</View>
          {report.change.slice(0, 20).map((c) => (
            <View key={c.id} className="admin-line">
              <Text className="zc-strong">{c.id}</Text>
              {c.fields.map((f) => (
                <View key={f.field} className="zc-muted">
                  {f.field}：{f.from || '（空）'} → {f.to || '（空）'}
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
      {report.retire.length ? (
        <View className="zc-muted">
          将撤销：{report.retire.slice(0, 30).join('、')}
          {report.retire.length > 30 ? ' 等' : ''}
        </View>
      ) : null}
      {report.warnings.length ? (
        <View>
          <View className="zc-muted">提醒（不影响导入）</View>
          {report.warnings.slice(0, 10).map((w, i) => (
            <View key={i} className="zc-muted">
              · {w.message}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
