import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useSession } from '../../hooks/useSession';
import { platform } from '../../platform';
import { go } from '../../services/routes';

/** Tells a new resident the one step before applying: log in (browser only) or bind the profile. */
export function AccountPrompt() {
  const { user } = useSession();
  if (user === undefined || user?.bound) return null;
  const needsLogin = user === null && platform.hasDevLogin;
  return (
    <View className="zc-card home-prompt">
      <View className="zc-strong">{needsLogin ? '先选择体验身份' : '先完善实名信息'}</View>
      <Text className="zc-muted">{needsLogin ? '本地体验版：选择一位示例居民即可开始办事' : '填写姓名、身份证号和所在村居，就能为您推荐办理地点'}</Text>
      <View className="home-prompt-action">
        <Button type="primary" onClick={() => (needsLogin ? go.devLogin() : user ? go.bind() : go.tab('profile'))}>
          {needsLogin ? '选择体验身份' : '去完善'}
        </Button>
      </View>
    </View>
  );
}
