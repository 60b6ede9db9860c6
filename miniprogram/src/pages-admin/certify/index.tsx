import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionOutput } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import { Page, Section, StateView } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { platform } from '../../platform';
import { call } from '../../services/api';
import { OutcomeLine } from './CertifyStats';
import '../parts/admin.scss';
import { DryRunImport } from '../parts/DryRunImport';

const KINDS = [
  { action: 'importRoster', name: '认证名册', hint: '身份证号、姓名、认证项目、村居编号、认证期开始（模板 data/templates/roster）' },
  { action: 'importEvidence', name: '核验记录', hint: '身份证号、来源（医保结算、社保卡用卡等）、日期（模板 data/templates/evidence）' },
] as const;

/** 静默认证: import rosters and evidence (dry run first), match now, read the shares by scheme and township, export the uncertified. */
export default function CertifyAdmin() {
  const [run, setRun] = useState<ActionOutput<'certify', 'runPass'>['report'] | null>(null);
  const stats = useQuery(() => call('certify', 'stats', {}, { toast: false }), []);
  const match = async () => {
    const a = await call('certify', 'runPass', {}, { loading: '正在匹配' });
    if (!a.ok) return;
    setRun(a.data.report);
    stats.reload();
  };
  const exportFlagged = async () => {
    const a = await call('certify', 'exportFlagged', {}, { loading: '正在导出' });
    if (a.ok) await platform.saveDataFile({ name: a.data.fileName, dataBase64: a.data.dataBase64 });
  };
  const s = stats.data;
  return (
    <Page className="admin">
      <View className="admin-columns">
        <DryRunImport
          title="导入名册与核验记录"
          kinds={KINDS}
          note="身份证号只保存加密摘要和脱敏号码，原号码不留存。"
          check={(action, file) => call('certify', action, { file }, { loading: '正在检查' })}
          apply={(action, file, confirmHash) => call('certify', action, { file, dryRun: false, confirmHash }, { loading: '正在导入' })}
        />
        <Section title="认证情况">
          <StateView loading={stats.loading && !s} error={stats.error} onRetry={stats.reload}>
            {s ? (
              <>
                <OutcomeLine c={s.total} />
                <View className="zc-muted" style={{ margin: '8px 0' }}>
                  {s.pass.running
                    ? `匹配进行中，已核对${s.pass.scanned}人`
                    : s.pass.lastCompleteAt
                      ? `上次匹配：${chinaDateTimeOf(s.pass.lastCompleteAt)}`
                      : '还没有匹配过'}
                  。静默认证依据：{s.sources.join('、')}
                </View>
                {run ? (
                  <View className="zc-note" data-pass-report>
                    {run.complete ? '匹配完成' : '本轮匹配了一部分，其余由定时任务继续'}：核对{run.scanned}人，静默认证{run.silent}人，新进入待认证{run.queued}
                    人，逾期{run.lapsed}人。
                  </View>
                ) : null}
                <View className="admin-actions">
                  <Button type="primary" onClick={() => void match()}>
                    立即匹配
                  </Button>
                  <Button onClick={() => void exportFlagged()}>导出未认证名单</Button>
                </View>
                <View className="zc-strong" style={{ marginTop: '16px' }}>
                  按认证项目
                </View>
                {s.schemes.map((c) => (
                  <OutcomeLine key={c.key} c={c} />
                ))}
                <View className="zc-strong" style={{ marginTop: '16px' }}>
                  按镇街
                </View>
                {s.townships
                  .filter((c) => c.total)
                  .map((c) => (
                    <OutcomeLine key={c.key} c={c} />
                  ))}
                {!s.townships.some((c) => c.total) ? <Text className="zc-muted">还没有导入名册</Text> : null}
              </>
            ) : null}
          </StateView>
        </Section>
      </View>
    </Page>
  );
}
