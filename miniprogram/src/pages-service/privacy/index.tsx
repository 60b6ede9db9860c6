import { View } from '@tarojs/components';
import { Page, Section } from '../../components';
import { PRIVACY_GUIDE_ZH_CN } from './guide.zh-CN';
import './index.scss';

/** 隐私保护指引: what 邹城通办 collects, why, how it is kept and what the person may ask for. */
export default function PrivacyGuide() {
  return (
    <Page privacyPopup={false}>
      <View className="zc-card privacy-intro">{PRIVACY_GUIDE_ZH_CN.intro}</View>
      {PRIVACY_GUIDE_ZH_CN.sections.map((s) => (
        <Section key={s.title} title={s.title}>
          {s.lines.map((line) => (
            <View key={line} className="privacy-line">
              {line}
            </View>
          ))}
        </Section>
      ))}
      <View className="zc-muted privacy-date">{PRIVACY_GUIDE_ZH_CN.updated}</View>
    </Page>
  );
}
