import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page, Section, StateView, ItemCard, townshipOf } from '../../components';
import { useCenter, phoneCenter, navigateTo } from '../../hooks/useCenter';
import { CENTER_KIND_ZH_CN } from '../../labels.zh-CN';
import { go, usePageParams } from '../../services/routes';
import './index.scss';

/** 中心详情: address, hours, phone, navigation, and the items it offers (the first ones, then all of them a tap away). */
export default function CenterDetail() {
  const { id = '' } = usePageParams();
  const { data, loading, error, reload } = useCenter(id);
  const center = data?.center;
  const total = data?.total ?? 0;
  // the first page is shown here; the items page pages through all of them and searches
  const openAll = () => center && go.items({ centerId: center.id, title: center.name });
  return (
    <Page title="服务中心">
      <StateView loading={loading} error={error} onRetry={reload} empty={!center} emptyText="没有找到这个服务中心">
        {center ? (
          <>
            <View className="zc-card">
              <View className="zc-item-name">{center.name}</View>
              <Text className="zc-tag">{CENTER_KIND_ZH_CN[center.kind]}</Text>
              {townshipOf(center) ? <Text className="zc-tag gray">{townshipOf(center)}</Text> : null}
              {data?.parent ? <Text className="zc-muted">上级：{data.parent.name}</Text> : null}
              <View className="center-line">
                <Text className="center-label">地址</Text>
                <Text>{center.address}</Text>
              </View>
              {center.location.approximate ? <Text className="zc-note">位置为示意，前往前请电话确认</Text> : null}
              <View className="center-line">
                <Text className="center-label">时间</Text>
                <Text>{center.hours}</Text>
              </View>
              <View className="center-line">
                <Text className="center-label">电话</Text>
                <Text>{center.phone}</Text>
              </View>
              {center.sample ? <View className="zc-muted">示例数据，正式名单导入后以官方公布为准</View> : null}
              <View className="center-actions">
                <Button type="primary" onClick={() => phoneCenter(center)}>
                  打电话
                </Button>
                <Button onClick={() => navigateTo(center)}>导航去这里</Button>
              </View>
              <Button block className="center-book" onClick={() => go.book(center.id)}>
                预约到这里办事
              </Button>
            </View>
            <Section title={`这里能办的事（${total}项）`} more={total ? '搜索' : undefined} onMore={openAll}>
              <StateView empty={!total} emptyText="暂无可办事项">
                {data?.items.map((it) => (
                  <ItemCard key={it.code} item={it} onClick={() => go.guide(it.code)} />
                ))}
                {total > (data?.items.length ?? 0) ? (
                  <View className="zc-link center-more center-all-items" onClick={openAll}>
                    已列出{data?.items.length}项，查看全部{total}项或搜索 ›
                  </View>
                ) : null}
              </StateView>
            </Section>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}
