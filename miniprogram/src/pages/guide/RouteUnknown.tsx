import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { WireError } from '@shared/api.schema';
import { go } from '../../services/routes';

const NEEDS_PROFILE = ['NOT_BOUND', 'NO_ROUTE_HOME_UNKNOWN', 'UNAUTHENTICATED'];

/** When there is no route yet: say why, and offer the one step that fixes it. */
export function RouteUnknown({ error }: { error: WireError }) {
  const fix = NEEDS_PROFILE.includes(error.code);
  return (
    <View className="zc-card" role="alert">
      <View className="zc-strong">暂时无法确定您的办理地点</View>
      <View className="zc-muted">{error.message}</View>
      {fix ? (
        <Button type="primary" onClick={() => go.tab('profile')}>
          去选择所在村居
        </Button>
      ) : null}
    </View>
  );
}
