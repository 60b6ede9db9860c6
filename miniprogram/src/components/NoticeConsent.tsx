import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import type { ConsentMoment } from '@shared/notice.templates';
import { askNoticeConsent, canAskConsent } from '../services/subscribe';

/**
 * A row a person taps to have WeChat tell them of what comes next (订阅消息): WeChat asks its own
 * question, inside this tap. Shown only where consent can be asked for the moment (the WeChat
 * build, with its templates set); the browser build shows the in-app 消息 instead.
 */
export function NoticeConsent({ moment, label }: { moment: ConsentMoment; label: string }) {
  const [answer, setAnswer] = useState<'on' | 'off' | null>(null);
  if (!canAskConsent(moment)) return null;
  const ask = async () => setAnswer((await askNoticeConsent(moment)) ? 'on' : 'off');
  return (
    <View className="zc-card zc-row" data-consent={moment} onClick={() => void ask()}>
      <Text>{label}</Text>
      <Text className={answer === 'on' ? 'zc-muted' : 'zc-link'}>{answer === 'on' ? '已开启' : answer === 'off' ? '未开启，点此重试' : '开启提醒 ›'}</Text>
    </View>
  );
}
