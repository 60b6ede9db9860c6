import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useDidShow } from '@tarojs/taro';
import { Page, StateView } from '../../components';
import { useSession } from '../../hooks/useSession';
import { go } from '../../services/routes';
import { useCalendar } from '../parts/admin.data';
import '../parts/admin.scss';

const TILES = [
  { name: '指标看板', hint: '办结层级、超期、签收用时、好差评与整改', open: go.adminDashboard },
  { name: '差评整改', hint: '全市待整改差评、期限与回访', open: go.adminRectify },
  { name: '邀请与人员', hint: '邀请代办员、调整或撤销角色', open: go.adminInvites },
  { name: '节假日日历', hint: '录入下一年放假与调休安排', open: go.adminCalendar },
  { name: '预约时段', hint: '设置各服务中心可预约的时段', open: go.adminSchedule },
  { name: '名录导入', hint: '服务中心、事项清单、村居可办事项', open: go.adminImports },
  { name: '静默认证', hint: '认证名册、核验记录、认证情况与未认证名单', open: go.adminCertify },
  { name: '审计日志', hint: '按人员、中心、办件、日期查找和导出', open: go.adminAudit },
  { name: '企业诉求指标', hint: '云上宠企：类别、镇街、时效、满意率', open: go.adminDemands },
  { name: '消息', hint: '系统提醒', open: go.messages },
];

/** 管理后台: the calendar's warning first (a lapse makes every new deadline 期限待定), then the tools. */
export default function AdminHome() {
  const { user } = useSession();
  const calendar = useCalendar();
  useDidShow(() => calendar.reload());
  const coverage = calendar.data?.coverage;
  const notAdmin = user !== undefined && user?.role !== 'admin';
  return (
    <Page className="admin">
      <View className="admin-hello">
        <View className="admin-title">邹城市为民服务 · 管理后台</View>
        <Text className="admin-sub">{user?.nameMasked ?? '管理员'}</Text>
      </View>
      <StateView loading={user === undefined} empty={notAdmin} emptyText="只有市级管理员可以进入管理后台">
        {coverage?.warn ? (
          <View className="admin-warn" role="alert" data-warning="calendar">
            <View className="admin-warn-title">
              节假日日历将于{coverage.coveredUntil}到期（还剩{Math.max(coverage.daysLeft, 0)}天）
            </View>
            <View>到期后新受理事项的办理期限将显示“期限待定”。国务院办公厅公布下一年放假安排后，请及时录入。</View>
            <Button type="warning" size="large" onClick={go.adminCalendar}>
              去录入下一年安排
            </Button>
          </View>
        ) : null}
        {coverage && !coverage.warn ? <View className="zc-card zc-muted">节假日日历已覆盖到{coverage.coveredUntil}。</View> : null}
        <View className="admin-tiles">
          {TILES.map((t) => (
            <View key={t.name} className="admin-tile" onClick={t.open} data-tile={t.name}>
              <View className="admin-tile-name">{t.name}</View>
              <View className="zc-muted">{t.hint}</View>
            </View>
          ))}
        </View>
      </StateView>
    </Page>
  );
}
