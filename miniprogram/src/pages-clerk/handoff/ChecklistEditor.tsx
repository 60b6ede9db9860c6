import { View, Text } from '@tarojs/components';
import type { ChecklistEntry } from '@shared/request.schema';
import { CHECKLIST_FORM_ZH_CN } from '../../labels.zh-CN';
import type { ChecklistRow } from './checklist';

const FORMS = Object.keys(CHECKLIST_FORM_ZH_CN) as ChecklistEntry['form'][];

type Props = { rows: ChecklistRow[]; onChange: (index: number, patch: Partial<ChecklistRow>) => void };

/** The materials that travel with the handoff: tick each, say how it travels and how many. */
export function ChecklistEditor({ rows, onChange }: Props) {
  return (
    <View>
      {rows.map((r, i) => (
        <View key={r.name} className={`ce-row ${r.ticked ? 'on' : ''}`} data-material={r.name}>
          <View className="ce-head" onClick={() => onChange(i, { ticked: !r.ticked })} role="checkbox" aria-checked={r.ticked}>
            <Text className="ce-box">{r.ticked ? '✓' : ''}</Text>
            <Text className="ce-name">{r.name}</Text>
            {r.uploaded ? <Text className="zc-tag ok">已上传照片</Text> : null}
          </View>
          {r.ticked ? (
            <View className="zc-row ce-detail">
              <View className="zc-wrap">
                {FORMS.map((f) => (
                  <Text key={f} className={`ce-form ${r.form === f ? 'on' : ''}`} onClick={() => onChange(i, { form: f })}>
                    {CHECKLIST_FORM_ZH_CN[f]}
                  </Text>
                ))}
              </View>
              <View className="ce-count">
                <Text className="ce-step" onClick={() => onChange(i, { count: Math.max(1, r.count - 1) })}>
                  －
                </Text>
                <Text className="ce-n">{r.count}</Text>
                <Text className="ce-step" onClick={() => onChange(i, { count: Math.min(99, r.count + 1) })}>
                  ＋
                </Text>
              </View>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
