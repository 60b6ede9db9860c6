import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionInput } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import { Page, Section, StateView } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { platform } from '../../platform';
import { call } from '../../services/api';
import '../parts/admin.scss';

type Search = ActionInput<'admin', 'exportAudit'>;
const FIELDS = [
  { key: 'actorId', label: '操作人编号', hint: '如人员列表中的编号' },
  { key: 'centerId', label: '服务中心编号', hint: '如 ts-101、v-101-001' },
  { key: 'requestId', label: '办件编号', hint: '' },
  { key: 'from', label: '开始日期', hint: '如 2026-12-01' },
  { key: 'to', label: '结束日期', hint: '如 2026-12-31' },
] as const;

/** The actions of the trail in words; one the table does not know shows as recorded. */
const ACTION_ZH = new Map<string, string>([
  ['invite.create', '创建邀请'],
  ['invite.redeem', '使用邀请码'],
  ['invite.revoke', '作废邀请'],
  ['role.move', '调动服务中心'],
  ['role.revoke', '撤销角色'],
  ['calendar.set', '录入节假日安排'],
  ['import.apply', '导入名录'],
  ['import.undo', '撤销导入'],
  ['audit.search', '查看审计日志'],
  ['audit.export', '导出审计日志'],
  ['stats', '查看指标'],
  ['stats.export', '导出指标'],
  ['rectification.list', '查看差评整改'],
]);

/** Drops the conditions left blank, so the search names only what was typed. */
const filled = (s: Record<string, string>): Search =>
  Object.fromEntries(
    Object.entries(s)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v),
  ) as Search;

/** 审计日志: search the trail by person, center, request and date; export what was found. */
export default function AuditPage() {
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [search, setSearch] = useState<Search>({});
  const log = useQuery(() => call('admin', 'auditLog', { ...search, pageSize: 50 }), [JSON.stringify(search)]);
  const exportNow = async () => {
    const a = await call('admin', 'exportAudit', search, { loading: '正在导出' });
    if (a.ok) await platform.saveDataFile({ name: a.data.fileName, dataBase64: a.data.dataBase64 });
  };
  return (
    <Page className="admin">
      <View className="admin-columns">
        <Section title="查找">
          {FIELDS.map((f) => (
            <View key={f.key} className="admin-field" data-field={f.key}>
              <Text className="admin-label">{f.label}</Text>
              <Input value={draft[f.key] ?? ''} maxLength={80} placeholder={f.hint || '可不填'} onChange={(v) => setDraft({ ...draft, [f.key]: v })} />
            </View>
          ))}
          <View className="admin-actions">
            <Button type="primary" size="large" onClick={() => setSearch(filled(draft))}>
              查找
            </Button>
            <Button size="large" onClick={() => void exportNow()}>
              导出表格
            </Button>
          </View>
        </Section>
        <Section title={`记录${log.data ? `（共${log.data.total}条）` : ''}`}>
          <StateView loading={log.loading && !log.data} error={log.error} onRetry={log.reload} empty={!log.data?.items.length} emptyText="没有找到记录">
            {log.data?.items.map((e, i) => (
              <View key={`${e.at}-${i}`} className="admin-line" data-audit={e.action}>
                <View className="zc-row">
                  <Text className="zc-strong">{ACTION_ZH.get(e.action) ?? e.action}</Text>
                  <Text className="zc-muted">{chinaDateTimeOf(e.at)}</Text>
                </View>
                <View className="zc-muted">
                  {e.actor.name ?? e.actor.userId}
                  {e.centerId ? ` · ${e.centerId}` : ''}
                  {e.requestId ? ` · ${e.requestId}` : ''}
                  {e.note ? ` · ${e.note}` : ''}
                </View>
              </View>
            ))}
          </StateView>
        </Section>
      </View>
    </Page>
  );
}
