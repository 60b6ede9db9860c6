import { View, Text } from '@tarojs/components';
import type { DemandView } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';

const ACTION_ZH = {
  raise: '提出诉求',
  acknowledge: '企业管家确认受理',
  forward: '转办',
  answer: '答复',
  rate: '企业评价',
  returnCall: '企业管家回访',
} as const;

/** A 云上宠企 demand as both sides read it: what was asked, its terms, the answer, and every step. */
export function DemandFacts({ demand: d }: { demand: DemandView }) {
  const late = d.overdue.ack ? '已超过确认时限' : d.overdue.answer ? '已超过答复时限' : '';
  return (
    <View data-demand-facts={d.id}>
      <View className="zc-card">
        <View className="zc-strong">{d.title}</View>
        <View className="zc-muted">
          {d.category} · {d.companyName}
        </View>
        <View style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>{d.description}</View>
        <View className="zc-muted">
          {d.state === 'raised' ? `确认受理时限 ${chinaDateTimeOf(d.ackDueAt)}` : null}
          {['acknowledged', 'forwarded', 'reopened'].includes(d.state) ? `答复时限 ${chinaDateTimeOf(d.answerDueAt)}` : null}
          {d.duePending ? '（节假日日历未覆盖，按自然日计）' : null}
        </View>
        {late ? (
          <View className="zc-error-text" role="alert" data-overdue="true">
            {late}
          </View>
        ) : null}
        <View className="zc-muted">
          企业管家：{d.officerName ?? d.centerNames[d.officerCenterId]} · 当前承办：{d.centerNames[d.holderCenterId]}
        </View>
      </View>
      {d.answer ? (
        <View className="zc-card" data-answer="true">
          <View className="zc-strong">答复（{d.centerNames[d.answer.centerId]}）</View>
          <View className="co-answer">{d.answer.text}</View>
        </View>
      ) : null}
      <View className="zc-card">
        <View className="zc-strong">办理经过</View>
        {[...d.events].reverse().map((e, i) => (
          <View key={`${e.at}-${i}`} className="co-event">
            <View className="zc-row">
              <Text>{ACTION_ZH[e.action]}</Text>
              <Text className="zc-muted">{chinaDateTimeOf(e.at)}</Text>
            </View>
            {e.note ? <View className="zc-muted">{e.note}</View> : null}
            {e.centerId ? <View className="zc-muted">{d.centerNames[e.centerId] ?? ''}</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
