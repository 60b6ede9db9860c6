import { Button, Text, View } from '@tarojs/components';
import { usePrivacyConsent } from '../hooks/usePrivacyConsent';
import { PRIVACY_AGREE_BUTTON_ID } from '../platform';
import { go } from '../services/routes';
import './PrivacyPopup.scss';

/**
 * 隐私保护提示: shown when WeChat holds a private API (the location) until the person agrees.
 * The agree button must be WeChat's own `agreePrivacyAuthorization` button, so the platform
 * knows the consent came from a tap and not from code.
 */
export function PrivacyPopup() {
  const { asking, agree, refuse } = usePrivacyConsent();
  if (!asking) return null;
  return (
    <View className="zc-privacy-mask">
      <View className="zc-privacy-sheet" role="dialog" aria-label="隐私保护提示">
        <View className="zc-privacy-title">隐私保护提示</View>
        <View className="zc-privacy-text">
          <Text>在使用本功能前，请阅读</Text>
          <Text className="zc-link" onClick={go.privacy}>
            《邹城通办隐私保护指引》
          </Text>
          <Text>。查找离您最近的为民服务中心需要获取您的位置，您同意后才会获取，不同意也可以按镇街和村居查找。</Text>
        </View>
        <View className="zc-privacy-actions">
          <Button className="zc-privacy-refuse" onClick={refuse}>
            不同意
          </Button>
          <Button id={PRIVACY_AGREE_BUTTON_ID} className="zc-privacy-agree" openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={agree}>
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
