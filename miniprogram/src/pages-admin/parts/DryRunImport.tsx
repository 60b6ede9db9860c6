import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Section } from '../../components';
import { platform, type PickedFile } from '../../platform';
import type { Answer } from '../../services/api';
import { ImportReportView, type Report } from '../imports/ImportReport';

export type ImportKind<A extends string> = { action: A; name: string; hint: string };

/** What a dry run answers: its report, and the file's hash the apply must confirm. */
export type DryRun = { report: Report; fileHash: string };

type Props<A extends string> = {
  title: string;
  kinds: readonly ImportKind<A>[];
  /** said under the chosen kind's columns */
  note: string;
  /** the dry run of a file as the chosen kind */
  check: (action: A, file: PickedFile) => Promise<Answer<DryRun>>;
  /** the import itself, confirming the checked file by its hash */
  apply: (action: A, file: PickedFile, confirmHash: string) => Promise<Answer<unknown>>;
  onApplied?: () => void;
};

/**
 * An administrator's import, dry run first: choose the kind of list (its columns under the
 * buttons), pick the file, read the report, and only a report without errors offers 确认导入.
 * The official lists (名录导入) and the 静默认证 rosters and evidence use it alike.
 */
export function DryRunImport<A extends string>(p: Props<A>) {
  const [kind, setKind] = useState<A>(p.kinds[0].action);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [checked, setChecked] = useState<DryRun | null>(null);
  const choose = (action: A) => {
    setKind(action);
    setChecked(null);
    setFile(null);
  };
  const pick = async () => {
    const f = await platform.pickDataFile();
    if (!f) return;
    setFile(f);
    setChecked(null);
    const a = await p.check(kind, f);
    if (a.ok) setChecked(a.data);
  };
  const apply = async () => {
    if (!file || !checked) return;
    if (!(await p.apply(kind, file, checked.fileHash)).ok) return;
    void Taro.showToast({ title: '导入完成', icon: 'success' });
    setChecked(null);
    setFile(null);
    p.onApplied?.();
  };
  return (
    <View>
      <Section title={p.title}>
        <View className="admin-choice">
          {p.kinds.map((k) => (
            <Button key={k.action} type={kind === k.action ? 'primary' : 'default'} onClick={() => choose(k.action)}>
              {k.name}
            </Button>
          ))}
        </View>
        <View className="zc-muted" style={{ margin: '12px 0' }}>
          {p.kinds.find((k) => k.action === kind)?.hint}。{p.note}
        </View>
        <Button size="large" block onClick={() => void pick()}>
          选择文件并检查
        </Button>
        {file ? <View className="zc-muted">文件：{file.name}</View> : null}
      </Section>
      {checked ? (
        <Section title="检查结果">
          <ImportReportView report={checked.report} />
          {checked.report.errors.length ? null : (
            <Button type="primary" size="large" block onClick={() => void apply()}>
              确认导入
            </Button>
          )}
        </Section>
      ) : null}
    </View>
  );
}
