import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page, Section, StateView } from '../../components';
import { useGuide } from '../../hooks/useGuide';
import { ITEM_LEVEL_ZH_CN } from '../../labels.zh-CN';
import { go, usePageParams } from '../../services/routes';
import { RouteExplanation } from './RouteExplanation';
import { IntakeOptions } from './IntakeOptions';
import { ItemFacts } from './ItemFacts';
import { RouteUnknown } from './RouteUnknown';
import './index.scss';

/** 办事指南: where to take it and why first, then the guide itself, then 去申请. */
export default function GuidePage() {
  const { code = '' } = usePageParams();
  const { item, route, routeError, error, loading, reload } = useGuide(code);
  return (
    <Page title="办事指南">
      <StateView loading={loading} error={error} onRetry={reload} empty={!item} emptyText="没有找到这个事项">
        {item ? (
          <>
            <View className="zc-card">
              <View className="zc-item-name guide-title">{item.name}</View>
              <Text className="zc-tag">{ITEM_LEVEL_ZH_CN[item.level]}</Text>
              <Text className="zc-muted">{item.category}</Text>
              {item.sample ? <View className="zc-muted">示例事项，正式目录导入后以官方公布为准</View> : null}
            </View>
            <Section title="去哪里办，为什么" plain>
              {route ? <RouteExplanation route={route} /> : routeError ? <RouteUnknown error={routeError} /> : null}
            </Section>
            {route ? (
              <Section title="可以在这些地方提交" plain>
                <IntakeOptions options={route.intake} deciderId={route.decider.id} />
              </Section>
            ) : null}
            {route ? (
              <View className="zc-card zc-row guide-book" onClick={() => go.book(route.decider.id, item.code)}>
                <View>
                  <View className="zc-strong">预约到厅办理</View>
                  <View className="zc-muted">约好时间去{route.decider.name}，不排长队</View>
                </View>
                <Text className="zc-link">去预约 ›</Text>
              </View>
            ) : null}
            <ItemFacts item={item} />
            <View className="zc-footer-space" />
            <View className="zc-footer-bar">
              <Button type="primary" size="large" block disabled={!route} onClick={() => go.apply(item.code)}>
                {route ? '我要申请' : '完善所在村居后可申请'}
              </Button>
            </View>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}
