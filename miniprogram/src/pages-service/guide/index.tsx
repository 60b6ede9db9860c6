import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page, Section, StateView } from '../../components';
import { useGuide } from '../../hooks/useGuide';
import { AUDIENCE_ZH_CN, ITEM_LEVEL_ZH_CN } from '../../labels.zh-CN';
import { useSession } from '../../hooks/useSession';
import type { Item } from '@shared/catalogue.schema';
import type { UserView } from '@shared/api.schema';
import { go, usePageParams } from '../../services/routes';
import { RouteExplanation } from './RouteExplanation';
import { IntakeOptions } from './IntakeOptions';
import { ItemFacts } from './ItemFacts';
import { RouteUnknown, companyItemForPerson, mayActForCompany } from './RouteUnknown';
import './index.scss';

/** 办事指南: where to take it and why first, then the guide itself, then 去申请. */
export default function GuidePage() {
  const { code = '' } = usePageParams();
  const { item, route, routeError, error, loading, reload } = useGuide(code);
  const { user } = useSession();
  return (
    <Page title="办事指南">
      <StateView loading={loading} error={error} onRetry={reload} empty={!item} emptyText="没有找到这个事项">
        {item ? (
          <>
            <View className="zc-card">
              <View className="zc-item-name guide-title">{item.name}</View>
              <Text className="zc-tag">{ITEM_LEVEL_ZH_CN[item.level]}</Text>
              <Text className={`zc-tag ${item.audience === 'company' ? 'warn' : 'gray'} guide-audience`}>{AUDIENCE_ZH_CN[item.audience]}</Text>
              <Text className="zc-muted">{item.category}</Text>
              {item.sample ? <View className="zc-muted">示例事项，正式目录导入后以官方公布为准</View> : null}
            </View>
            <Section title="去哪里办，为什么" plain>
              {route ? <RouteExplanation route={route} /> : routeError ? <RouteUnknown error={routeError} item={item} user={user} /> : null}
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
                  <View className="zc-muted">约好时间再去，不用排长队</View>
                </View>
                <Text className="zc-link">去预约 ›</Text>
              </View>
            ) : null}
            <ItemFacts item={item} />
            <View className="zc-footer-space" />
            <View className="zc-footer-bar">
              <ApplyButton item={item} hasRoute={!!route} user={user} />
            </View>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}

/** The bar's button says what stands between the person and applying: nothing, the home village, or being a company. */
function ApplyButton({ item, hasRoute, user }: { item: Item; hasRoute: boolean; user?: UserView | null }) {
  if (hasRoute)
    return (
      <Button type="primary" size="large" block onClick={() => go.apply(item.code)}>
        我要申请
      </Button>
    );
  if (companyItemForPerson(item, user)) {
    return mayActForCompany(user) ? (
      <Button type="primary" size="large" block onClick={go.companyHome}>
        认领或加入企业后申请
      </Button>
    ) : (
      <Button size="large" block disabled>
        企业事项，请用企业账号申请
      </Button>
    );
  }
  return (
    <Button type="primary" size="large" block disabled>
      完善所在村居后可申请
    </Button>
  );
}
