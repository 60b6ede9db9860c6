import { View, Text } from '@tarojs/components';
import type { HandoffView, RequestView } from '@shared/api.schema';
import type { SlipSheet } from '../../platform';
import { CHECKLIST_FORM_ZH_CN } from '../../labels.zh-CN';
import { chinaTime } from '../../pages-service/request/timeline';
import { chinaDateOf } from '@shared/china.time';
import type { CenterNames } from '../../hooks/useClerk';
// imported directly, not through the barrel, so the QR library stays in the subpackages that draw codes
import { QrGrid } from '../../components/QrGrid';
import { FactLine } from './FactLine';

const STATE = { in_transit: { text: '待签收', tone: 'warn' }, received: { text: '已签收', tone: 'ok' }, returned: { text: '已退回', tone: 'bad' } } as const;

type Props = {
  handoff: HandoffView;
  names: CenterNames;
  /** display names of the clerks, by user id (from the timeline) */
  people: Record<string, string>;
  /** the sending side shows the code and its QR; the receiving side must read it off the paper slip */
  showCode?: boolean;
};

/** 流转单: from and to, who sent it when, what travels with it, and who received it when (or why it came back). */
export function HandoffSlip({ handoff: h, names, people, showCode }: Props) {
  const who = (id?: string) => (id ? (people[id] ?? '工作人员') : '');
  return (
    <View className="slip" data-handoff={h.id}>
      <View className="zc-row">
        <Text className="slip-title">流转单</Text>
        <Text>
          {h.overdue && h.state === 'in_transit' ? <Text className="zc-tag bad">超时未签收</Text> : null}
          <Text className={`zc-tag ${STATE[h.state].tone}`}>{STATE[h.state].text}</Text>
        </Text>
      </View>
      {showCode && h.code ? (
        <View className="slip-code-box">
          <View className="zc-muted">签收码</View>
          <View className="slip-code" aria-label="签收码">
            {h.code}
          </View>
          <QrGrid text={h.code} />
          <View className="zc-muted">接收中心扫码或输入签收码即可签收</View>
        </View>
      ) : null}
      <FactLine label="移出" value={names[h.fromCenterId] ?? h.fromCenterId} />
      <FactLine label="移入" value={names[h.toCenterId] ?? h.toCenterId} />
      <FactLine label="移交人" value={`${who(h.sentBy)} · ${chinaTime(h.sentAt)}`} />
      {h.signBy && h.state === 'in_transit' ? <FactLine label="签收期限" value={`${chinaDateOf(h.signBy)} 前${h.overdue ? '（已超时）' : ''}`} /> : null}
      {h.receivedAt ? <FactLine label="签收人" value={`${who(h.receivedBy)} · ${chinaTime(h.receivedAt)}`} /> : null}
      {h.returnReason ? <FactLine label="退回原因" value={h.returnReason} /> : null}
      <View className="slip-list-title">随件材料（{h.checklist.length}项）</View>
      {h.checklist.map((c) => (
        <View key={`${c.name}-${c.form}`} className="zc-row slip-item">
          <Text>{c.name}</Text>
          <Text className="zc-muted">
            {CHECKLIST_FORM_ZH_CN[c.form]} × {c.count}
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * The slip as a sheet to print or save: the request it carries, both centers, who sent it, and by
 * when to sign. Its code is there only on the sending center's own slip (the view hides it from others).
 */
export const slipSheet = (
  h: HandoffView,
  r: Pick<RequestView, 'trackingNo' | 'itemName' | 'applicant'>,
  names: CenterNames,
  people: Record<string, string>,
): SlipSheet => ({
  title: '邹城通办 · 流转单',
  code: h.code ?? '',
  lines: [
    ['办件编号', r.trackingNo],
    ['事项', r.itemName],
    ['申请人', r.applicant.nameMasked],
    ['移出', names[h.fromCenterId] ?? h.fromCenterId],
    ['移入', names[h.toCenterId] ?? h.toCenterId],
    ['移交人', `${people[h.sentBy] ?? '工作人员'} · ${chinaTime(h.sentAt)}`],
    ...(h.signBy ? [['签收期限', `${chinaDateOf(h.signBy)} 前`] as [string, string]] : []),
  ],
  materials: h.checklist.map((c) => `${c.name}：${CHECKLIST_FORM_ZH_CN[c.form]} × ${c.count}`),
});
