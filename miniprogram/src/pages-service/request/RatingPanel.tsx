import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { RatingLevelSchema, isBadReview, type RatingLevel } from '@shared/request.schema';
import { BAD_REVIEW_REASONS } from '@shared/request.rating';
import { MESSAGES_ZH_CN } from '@shared/messages.zh-CN';
import { FieldError } from '../../components';

const LEVELS = RatingLevelSchema.options;

type Props = { onRate: (level: RatingLevel, comment: string, reasons: string[]) => Promise<boolean> };

/** 好差评: five levels from 非常满意 to 非常不满意; a bad one asks what went wrong (tags, and words if wished). */
export function RatingPanel({ onRate }: Props) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bad = level !== null && isBadReview(level);
  const toggle = (r: string) => {
    setProblem(null);
    setReasons((all) => (all.includes(r) ? all.filter((x) => x !== r) : [...all, r]));
  };
  const send = async () => {
    if (!level || busy) return;
    // the lifecycle refuses a bad review without a reason; say so here before the round trip
    if (bad && !reasons.length) return setProblem(MESSAGES_ZH_CN.RATING_REASON_REQUIRED);
    setBusy(true);
    await onRate(level, comment.trim(), bad ? reasons : []);
    setBusy(false);
  };
  return (
    <View className="rating">
      <View className="zc-wrap">
        {LEVELS.map((l) => (
          <Text
            key={l}
            className={`zc-option ${level === l ? 'on' : ''}`}
            onClick={() => {
              setLevel(l);
              setProblem(null);
            }}
          >
            {l}
          </Text>
        ))}
      </View>
      {bad ? (
        <View className="rating-reasons" data-field="reasons">
          <View className="zc-strong">哪里让您不满意？（可多选，必选一项）</View>
          <View className="zc-wrap">
            {BAD_REVIEW_REASONS.map((r) => (
              <Text key={r} className={`zc-option ${reasons.includes(r) ? 'on' : ''}`} onClick={() => toggle(r)}>
                {r}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      <TextArea
        value={comment}
        onChange={setComment}
        placeholder={bad ? '还想说的（可不填）。办理的服务中心会回访整改' : '说说您的感受（可不填）'}
        maxLength={500}
      />
      <FieldError message={problem} />
      <Button type="primary" block disabled={!level || busy} loading={busy} onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  );
}
