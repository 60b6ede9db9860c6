import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { RatingLevelSchema, isBadReview, type RatingLevel } from '@shared/request.schema';

const LEVELS = RatingLevelSchema.options;

/** 好差评: five levels from 非常满意 to 非常不满意, and a comment. */
export function RatingPanel({ onRate }: { onRate: (level: RatingLevel, comment: string) => Promise<boolean> }) {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const bad = level !== null && isBadReview(level);
  const send = async () => {
    if (!level || busy) return;
    setBusy(true);
    await onRate(level, comment.trim());
    setBusy(false);
  };
  return (
    <View>
      <View className="zc-wrap">
        {LEVELS.map((l) => (
          <Text key={l} className={`apply-option ${level === l ? 'on' : ''}`} onClick={() => setLevel(l)}>
            {l}
          </Text>
        ))}
      </View>
      <TextArea value={comment} onChange={setComment} placeholder={bad ? '请告诉我们哪里做得不好，我们会回访整改' : '说说您的感受（可不填）'} maxLength={500} />
      <Button type="primary" block disabled={!level || busy} loading={busy} onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  );
}
