import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PropsWithChildren, ReactNode } from 'react';
import type { WireError } from '@shared/api.schema';

type Props = PropsWithChildren<{
  loading?: boolean;
  error?: WireError;
  empty?: boolean;
  emptyText?: string;
  emptyAction?: ReactNode;
  onRetry?: () => void;
  loadingText?: string;
}>;

/** Loading, error with a retry, empty with a hint, or the content: never a blank screen. */
export function StateView({ loading, error, empty, emptyText = '暂无内容', emptyAction, onRetry, loadingText = '正在加载…', children }: Props) {
  if (error)
    return (
      <View className="zc-state" role="alert">
        <View className="zc-state-title">没有加载成功</View>
        <Text>{error.message}</Text>
        {onRetry ? (
          <View>
            <Button type="primary" onClick={onRetry}>
              重新加载
            </Button>
          </View>
        ) : null}
      </View>
    );
  if (loading) return <View className="zc-state">{loadingText}</View>;
  if (empty)
    return (
      <View className="zc-state">
        <View className="zc-state-title">{emptyText}</View>
        {emptyAction}
      </View>
    );
  return <>{children}</>;
}
