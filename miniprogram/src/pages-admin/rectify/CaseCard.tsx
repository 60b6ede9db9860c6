import { View, Text } from '@tarojs/components';
import type { RectificationCase } from '@shared/rectification.view';
import { chinaDateOf, chinaDateTimeOf } from '@shared/china.time';
import type { ReactNode } from 'react';

type Props = { c: RectificationCase; children?: ReactNode };

/** One case: the matter, the review and its reasons, who answers for it, the deadline (red once passed). */
export function CaseCard({ c, children }: Props) {
  return (
    <View className={`zc-card rect-case${c.late ? ' rect-late' : ''}`} data-case={c.id} data-late={c.late ? 'yes' : 'no'}>
      <View className="zc-row">
        <Text className="zc-strong">{c.itemName}</Text>
        <Text className={c.late ? 'rect-flag' : 'zc-muted'}>
          {c.late ? '已超期 · ' : ''}期限{chinaDateOf(c.deadline)}
          {c.deadlinePending ? '（待定）' : ''}
        </Text>
      </View>
      <View className="zc-muted">
        {c.trackingNo} · 办理：{c.deciderName} · 收件：{c.intakeName}
      </View>
      <View className="rect-review">
        <Text className="rect-level">{c.level}</Text>
        {c.reasons.map((r) => (
          <Text key={r} className="rect-tag">
            {r}
          </Text>
        ))}
        <Text className="zc-muted">评价于{chinaDateTimeOf(c.ratedAt)}</Text>
      </View>
      {c.comment ? <View className="rect-comment">“{c.comment}”</View> : null}
      {c.returnCall ? (
        <View className="rect-call" data-called="yes">
          回访：{c.returnCall.caller} {chinaDateTimeOf(c.returnCall.at)}，
          {c.returnCall.satisfied === null ? '' : c.returnCall.satisfied ? '群众表示满意。' : '群众仍不满意。'}
          {c.returnCall.note}
        </View>
      ) : null}
      {children}
    </View>
  );
}
