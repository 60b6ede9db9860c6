import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page, Section, StateView, UnreadBadge, Switch } from '../../components';
import { useTabBadge, useUnread } from '../../hooks/useUnread';
import { useElderMode } from '../../hooks/useElderMode';
import { useSession } from '../../hooks/useSession';
import { useCenter } from '../../hooks/useCenter';
import { platform } from '../../platform';
import { go } from '../../services/routes';
import { MyCertifications } from './MyCertifications';

/** 我的: the bound identity and home village, messages, 长辈模式, a clerk's way into the workspace, and (browser build only) the sample personas. */
export default function Profile() {
  const { user, logout } = useSession();
  const { elder, setElder } = useElderMode();
  const home = useCenter(user?.homeVillageId ?? '');
  const unread = useUnread();
  useTabBadge();
  return (
    <Page title="我的">
      <View className="zc-card zc-row">
        <View>
          <View className="zc-strong">长辈模式</View>
          <View className="zc-muted">字更大、颜色更清楚</View>
        </View>
        <Switch checked={elder} onChange={setElder} label="长辈模式" />
      </View>
      <StateView
        loading={user === undefined}
        empty={user === null}
        emptyText="还没有登录"
        emptyAction={
          platform.hasDevLogin ? (
            <Button type="primary" onClick={go.devLogin}>
              选择体验身份
            </Button>
          ) : (
            <Text className="zc-muted">请稍后重试</Text>
          )
        }
      >
        {user?.role === 'clerk' ? (
          <Section title="工作人员">
            <View className="zc-muted">{user.nameMasked}</View>
            <Button type="primary" size="large" block onClick={go.clerkHome}>
              进入代办员工作台
            </Button>
            <Text className="zc-link" onClick={go.messages}>
              本中心消息
              <UnreadBadge count={unread.count} /> ›
            </Text>
          </Section>
        ) : null}
        {user?.role === 'admin' ? (
          <Section title="管理员">
            <Button type="primary" size="large" block onClick={go.adminHome}>
              进入管理后台
            </Button>
          </Section>
        ) : null}
        {user && (user.role === 'resident' || user.role === 'company') ? (
          <Section title="企业服务">
            <View className="zc-muted">
              {user.role === 'company' ? `当前企业：${user.companyName ?? ''}` : '认领企业或加入企业后，可代表企业办事、提出诉求（云上宠企）'}
            </View>
            <Button type="primary" size="large" block onClick={go.companyHome}>
              进入企业服务
            </Button>
          </Section>
        ) : null}
        {user && user.role !== 'clerk' && user.role !== 'admin' ? (
          <View className="zc-card zc-row" onClick={go.myBookings}>
            <Text>我的预约</Text>
            <Text className="zc-link">查看 ›</Text>
          </View>
        ) : null}
        {user && user.role !== 'clerk' && user.role !== 'admin' ? (
          <Text className="zc-link" onClick={() => go.redeem()}>
            我有邀请码 ›
          </Text>
        ) : null}
        {user && user.role === 'resident' && !user.bound ? (
          <Section title="完善实名信息">
            <View className="zc-muted">填写姓名、身份证号、手机号和所在村居后，就可以在线申请办事。</View>
            <Button type="primary" size="large" block onClick={go.bind}>
              完善实名信息
            </Button>
          </Section>
        ) : null}
        {user?.bound ? (
          <Section title="我的信息" more={user.role === 'resident' ? '修改' : undefined} onMore={go.bind}>
            <Line label="姓名" value={user.nameMasked} />
            <Line label="身份证" value={user.idMasked} />
            <Line label="手机" value={user.phoneMasked} />
            <Line label="所在村居" value={home.data?.center.name ?? (home.loading ? '…' : '未选择')} />
            <View className="zc-row">
              <Text className="zc-link" onClick={() => go.tab('requests')}>
                查看我的办件 ›
              </Text>
              <Text className="zc-link profile-messages" onClick={go.messages}>
                我的消息
                <UnreadBadge count={unread.count} /> ›
              </Text>
            </View>
          </Section>
        ) : null}
        {user?.bound && user.role === 'resident' ? <MyCertifications key={user.id} /> : null}
      </StateView>
      <View className="zc-card zc-row" onClick={go.privacy}>
        <Text>隐私保护指引</Text>
        <Text className="zc-link">查看 ›</Text>
      </View>
      {platform.hasDevLogin && user ? (
        <Section title="本地体验">
          <View className="zc-row">
            <Button onClick={go.devLogin}>切换体验身份</Button>
            <Button fill="outline" onClick={logout}>
              退出
            </Button>
          </View>
        </Section>
      ) : null}
    </Page>
  );
}

function Line({ label, value }: { label: string; value?: string }) {
  return (
    <View className="zc-row zc-list-item">
      <Text className="zc-muted">{label}</Text>
      <Text>{value ?? '—'}</Text>
    </View>
  );
}
