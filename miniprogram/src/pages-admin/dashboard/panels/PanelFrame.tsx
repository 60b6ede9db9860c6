import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PropsWithChildren } from 'react';

type Props = PropsWithChildren<{ id: string; title: string; hint?: string; onExport: () => void }>;

/** A panel's card: its title and hint, its chart and lines, and 导出表格 for what it shows. */
export function PanelFrame({ id, title, hint, onExport, children }: Props) {
  return (
    <View className="zc-card dash-panel" data-panel={id}>
      <View className="dash-panel-head">
        <View>
          <View className="dash-panel-title">{title}</View>
          {hint ? <Text className="dash-panel-hint">{hint}</Text> : null}
        </View>
        <Button size="small" onClick={onExport} data-export={id}>
          导出表格
        </Button>
      </View>
      {children}
    </View>
  );
}
