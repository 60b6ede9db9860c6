import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { chinaDateTimeOf } from '@shared/china.time';
import { Page, Section, StateView } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/api';
import '../parts/admin.scss';
import { DryRunImport } from '../parts/DryRunImport';

const KINDS = [
  { action: 'importCenters', name: '服务中心名录', hint: '市、镇街、村居、开发区、银行网点' },
  { action: 'importItems', name: '事项清单', hint: '事项编码、层级、所属清单、时限、材料' },
  { action: 'importOffers', name: '村居可办事项', hint: '哪个村居可办哪个村居事项' },
] as const;
const KIND_NAME = { centers: '服务中心名录', items: '事项清单', offers: '村居可办事项' } as const;

/** 名录导入: pick the list and its file, read the dry run's report, then import it; the last import can be undone. */
export default function ImportsPage() {
  const history = useQuery(() => call('admin', 'listImports', { pageSize: 10 }, { toast: false }), []);
  const undo = async (id: string) => {
    const sure = await Taro.showModal({ title: '撤销导入', content: '撤销后名录恢复到这次导入之前的样子。', confirmText: '撤销' });
    if (sure.confirm && (await call('admin', 'undoImport', { id }, { loading: '正在撤销' })).ok) history.reload();
  };
  const lastApplied = history.data?.items.find((r) => r.state === 'applied');
  return (
    <Page className="admin">
      <View className="admin-columns">
        <DryRunImport
          title="导入官方名录"
          kinds={KINDS}
          note="请用模板填写，另存为 CSV（UTF-8）或 Excel（.xlsx）。导入前先检查，有错误时不会导入。"
          check={(action, file) => call('admin', action, { file }, { loading: '正在检查' })}
          apply={(action, file, confirmHash) => call('admin', action, { file, dryRun: false, confirmHash }, { loading: '正在导入' })}
          onApplied={history.reload}
        />
        <Section title="导入记录">
          <StateView
            loading={history.loading && !history.data}
            error={history.error}
            onRetry={history.reload}
            empty={!history.data?.items.length}
            emptyText="还没有导入过"
          >
            {history.data?.items.map((r) => (
              <View key={r.id} className="admin-line" data-import={r.kind}>
                <View className="zc-row">
                  <Text className="zc-strong">{KIND_NAME[r.kind]}</Text>
                  <Text className={`zc-tag ${r.state === 'applied' ? 'ok' : 'gray'}`}>{r.state === 'applied' ? '已导入' : '已撤销'}</Text>
                </View>
                <View className="zc-muted">
                  {chinaDateTimeOf(r.at)} · {r.fileName} · 新增{r.counts.add} 修改{r.counts.change} 撤销{r.counts.retire}
                </View>
                {r.id === lastApplied?.id ? (
                  <Button size="small" fill="outline" onClick={() => void undo(r.id)}>
                    撤销这次导入
                  </Button>
                ) : null}
              </View>
            ))}
          </StateView>
        </Section>
      </View>
    </Page>
  );
}
