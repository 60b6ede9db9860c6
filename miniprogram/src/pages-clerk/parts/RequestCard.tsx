import { View, Text } from '@tarojs/components';
import type { RequestView } from '@shared/api.schema';
import { requestStatusLabel } from '@shared/labels.zh-CN';
import { chinaDateOf } from '@shared/china.time';
import { presentDeadline } from '../../components';
import { chinaTime } from '../../pages-service/request/timeline';

/** One matter in a clerk's queue: what, who (masked), since when, and how its deadline stands. */
export function RequestCard({ request: r, now, onClick }: { request: RequestView; now: string; onClick: () => void }) {
  const d = presentDeadline(r, now, 'clerk');
  return (
    <View className={`zc-card rc rc-${d.tone}`} onClick={onClick} data-tracking={r.trackingNo}>
      <View className="zc-row">
        <Text className="zc-item-name">{r.itemName}</Text>
        <Text className={`rc-deadline ${d.tone}`}>{d.text}</Text>
      </View>
      <View className="zc-row">
        <Text>
          {r.applicant.nameMasked}
          {r.applicant.phoneMasked ? ` · ${r.applicant.phoneMasked}` : ''}
        </Text>
        <Text className="zc-tag">{requestStatusLabel(r)}</Text>
      </View>
      <View className="zc-muted">
        {r.trackingNo} · 提交于 {chinaTime(r.submittedAt)}
      </View>
      {r.rectification?.state === 'open' ? (
        <View className="rc-rect">
          差评（{r.rating?.reasons?.join('、') || r.rating?.level}）· 回访截止 {chinaDateOf(r.rectification.deadline)}
        </View>
      ) : null}
    </View>
  );
}
