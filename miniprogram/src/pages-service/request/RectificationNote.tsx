import { View, Text } from '@tarojs/components';
import type { RequestView } from '@shared/api.schema';
import { chinaDateOf } from '@shared/china.time';
import { chinaTime } from './timeline';

/** A bad review's rectification as the applicant follows it: who answers for it and by when, then the return call. */
export function RectificationNote({ request: r, deciderName }: { request: RequestView; deciderName: string }) {
  const c = r.rectification;
  if (!c) return null;
  const call = c.returnCall;
  return (
    <View className={`zc-card rect ${c.state}`} data-rectification={c.state}>
      <View className="zc-row">
        <Text className="zc-strong">差评整改</Text>
        <Text className={`zc-tag ${c.state === 'open' ? 'warn' : 'ok'}`}>{c.state === 'open' ? '整改中' : '已回访'}</Text>
      </View>
      {c.state === 'open' ? (
        <View className="zc-muted">
          {deciderName}已收到您的意见，将在{' '}
          <Text className="zc-nowrap">
            {chinaDateOf(c.deadline)}
            {c.deadlinePending ? '（待确认）' : ''}
          </Text>{' '}
          前电话回访并整改。
        </View>
      ) : null}
      {call ? (
        <View>
          <View className="zc-muted">
            {chinaTime(call.at)} {call.caller ?? '工作人员'} 回访
          </View>
          <View className="tl-note">{call.note}</View>
          {call.satisfied !== undefined ? <View className="zc-muted">回访结果：{call.satisfied ? '您表示满意' : '您仍不满意，已记录在案'}</View> : null}
        </View>
      ) : null}
    </View>
  );
}
