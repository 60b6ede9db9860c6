import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { METHOD_LABELS, stateLabelOf } from '@shared/certify.labels';
import { NoticeConsent, Section, StateView } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/api';
import { platform } from '../../platform';

const TAG = { certified: 'ok', pending: 'warn', lapsed: 'bad', ineligible: 'gray' } as const;

/**
 * 资格认证 under 我的: the schemes the resident is on, when each was last certified and how, and
 * the ways that really exist to certify (the village center's counter, a clerk's home visit).
 * The app has no face verification: that needs a licensed provider, so it is not offered.
 */
export function MyCertifications() {
  const mine = useQuery(() => call('certify', 'mine', {}, { toast: false }), []);
  // 我的 is a tab page the app keeps: a certification recorded meanwhile shows when the resident comes back
  useDidShow(() => mine.reload());
  if (!mine.loading && !mine.error && !mine.data?.items.length) return null;
  const village = mine.data?.village;
  return (
    <Section title="资格认证">
      <StateView loading={mine.loading && !mine.data} error={mine.error} onRetry={mine.reload}>
        {mine.data?.items.map((s) => (
          <View key={s.schemeCode} className="zc-list-item" data-scheme={s.schemeCode} data-certify-state={s.state}>
            <View className="zc-row">
              <Text className="zc-strong">{s.schemeName}</Text>
              <Text className={`zc-tag ${TAG[s.state]}`}>{stateLabelOf(s.state, s.last?.method)}</Text>
            </View>
            {s.last ? (
              <View className="zc-muted">
                上次认证：{s.last.on}（{METHOD_LABELS[s.last.method]}）
              </View>
            ) : null}
            <View className="zc-muted">
              {s.state === 'certified' ? `下次认证：${s.dueBy}前` : s.state === 'ineligible' ? '已停止认证' : `本期认证截止：${s.dueBy}`} · {s.department}
            </View>
          </View>
        ))}
        <NoticeConsent moment="certify" label="认证快到期时微信提醒我" />
        <View className="zc-note" data-certify-ways>
          <View className="zc-strong">怎样认证</View>
          <View>· 静默认证：平时看病用医保、使用社保卡，系统核对到记录就自动认证，不用跑腿。</View>
          <View>
            · 到村认证：带身份证到{village?.name ?? '所在村居为民服务中心'}
            {village?.phone ? `（电话 ${village.phone}）` : ''}，代办员当场办理。
          </View>
          <View>· 上门认证：行动不便的老人、残疾人，可请村代办员上门认证。</View>
          <View className="zc-muted">本程序不提供刷脸认证。</View>
          {village?.phone ? (
            <Text className="zc-link" onClick={() => platform.callPhone(village.phone)}>
              打电话给村为民服务中心 ›
            </Text>
          ) : null}
        </View>
      </StateView>
    </Section>
  );
}
