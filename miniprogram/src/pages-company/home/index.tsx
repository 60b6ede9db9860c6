import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useDidShow } from '@tarojs/taro';
import { Page, Section, StateView } from '../../components';
import { useSession } from '../../hooks/useSession';
import { useCompanyDemands, useCompanyHome, useMyCompanies } from '../../hooks/useCompany';
import { call } from '../../services/api';
import { go } from '../../services/routes';
import { platform } from '../../platform';
import { CLAIM_STATE_ZH, DEMAND_STATE_ZH, MEMBER_ROLE_ZH, demandTone, routingNote } from '../parts/labels';
import { OfficerPicker, officerCalls } from '../../components/OfficerPicker';
import '../parts/company.scss';

/** 企业服务: the acting company (一点服务, its routing, items, requests, 云上宠企), the caller's companies and claims. */
export default function CompanyHome() {
  const { user, refresh } = useSession();
  const acting = user?.role === 'company' && !!user.companyId;
  const home = useCompanyHome(acting);
  const demands = useCompanyDemands(acting);
  const mine = useMyCompanies();
  useDidShow(() => {
    home.reload();
    demands.reload();
    mine.reload();
  });
  const switchTo = async (companyId: string | null) => {
    const a = await call('company', 'switch', { companyId }, { loading: '正在切换' });
    if (a.ok) await refresh();
  };
  const company = home.data?.company;
  return (
    <Page title="企业服务">
      <StateView loading={user === undefined} empty={user === null} emptyText="请先登录">
        {company ? (
          <>
            <View className="co-hello" data-company={company.id}>
              <View className="co-brand">云上宠企 · 一点服务</View>
              <View className="co-name">{company.name}</View>
              <View className="co-sub">
                {company.locationName} · {MEMBER_ROLE_ZH[home.data!.role]}
              </View>
            </View>
            <Section title="企业管家">
              {company.officer ? (
                <View className="co-officer" data-officer={company.officer.userId}>
                  <View>
                    <View className="co-officer-name">{company.officer.nameMasked ?? '企业管家'}</View>
                    <View className="zc-muted">{company.officer.centerName}</View>
                  </View>
                  {company.officer.phone ? (
                    <Button type="primary" onClick={() => platform.callPhone(company.officer!.phone!)}>
                      拨打电话
                    </Button>
                  ) : null}
                </View>
              ) : (
                <View className="zc-muted">镇街将为贵企业指定一名企业管家，诉求先由所在镇街（开发区分局）受理。</View>
              )}
              {home.data!.role === 'admin' ? <OfficerPicker current={company.officer?.userId} calls={officerCalls()} onChanged={home.reload} /> : null}
              <View className="co-route" data-routing={company.location === 'zone' ? 'zone' : 'township'}>
                {routingNote(company).map((line) => (
                  <View key={line}>{line}</View>
                ))}
              </View>
            </Section>
            <View className="co-tiles">
              <Tile name="开办企业" hint="设立登记、印章、税务" onClick={() => go.items({ lifeEvent: '开办企业', title: '开办企业' })} />
              <Tile name="工程建设" hint="立项、规划、施工许可" onClick={() => go.items({ lifeEvent: '工程建设', title: '工程建设' })} />
              <Tile name="搜索事项" hint="按名称查找企业事项" onClick={() => go.items({ title: '企业事项' })} />
              <Tile name="企业办件" hint="本企业的全部办件与进度" onClick={() => go.tab('requests')} />
              {home.data!.role === 'admin' ? <Tile name="成员管理" hint="邀请经办人、移交管理员" onClick={go.companyMembers} /> : null}
              <Tile name="消息" hint="办件与诉求的每一步" onClick={go.messages} />
            </View>
            <Section title={`云上宠企 · 企业诉求${home.data!.overdueDemands ? `（${home.data!.overdueDemands}件超时）` : ''}`}>
              <Button type="primary" size="large" block onClick={() => go.companyDemand()}>
                提出诉求
              </Button>
              {(demands.data?.items ?? []).map((d) => (
                <View key={d.id} className="co-line" data-demand={d.id} onClick={() => go.companyDemand(d.id)}>
                  <View className="zc-row">
                    <Text className="zc-strong">{d.title}</Text>
                    <Text className={`co-state ${demandTone(d)}`}>{d.overdue.ack || d.overdue.answer ? '已超时' : DEMAND_STATE_ZH[d.state]}</Text>
                  </View>
                  <View className="zc-muted">
                    {d.category} · {d.centerNames[d.holderCenterId]}
                  </View>
                </View>
              ))}
              {demands.data && !demands.data.items.length ? <View className="zc-muted">还没有诉求。融资、用工、审批堵点等问题，都可以在这里提出。</View> : null}
            </Section>
          </>
        ) : null}
        <Section title="我的企业">
          {(mine.data?.companies ?? []).map((m) => (
            <View key={m.company.id} className="co-line zc-row" data-membership={m.company.id}>
              <View>
                <View className="zc-strong">{m.company.name}</View>
                <View className="zc-muted">{MEMBER_ROLE_ZH[m.role]}</View>
              </View>
              {m.acting ? (
                <Text className="co-state done">当前企业</Text>
              ) : (
                <Button size="small" type="primary" onClick={() => void switchTo(m.company.id)}>
                  进入
                </Button>
              )}
            </View>
          ))}
          {(mine.data?.claims ?? [])
            .filter((c) => c.state !== 'verified')
            .map((c) => (
              <View key={c.id} className="co-line" data-claim={c.id}>
                <View className="zc-row">
                  <Text className="zc-strong">{c.name}</Text>
                  <Text className={`co-state ${c.state === 'refused' ? 'warn' : ''}`}>{CLAIM_STATE_ZH[c.state]}</Text>
                </View>
                <View className="zc-muted">{c.state === 'refused' ? `原因：${c.reason ?? ''}` : `${c.centerName ?? ''}正在核对营业执照`}</View>
              </View>
            ))}
          <Button block onClick={go.companyClaim}>
            认领企业（上传营业执照）
          </Button>
          <Text className="zc-link" onClick={() => go.redeem()}>
            我有企业邀请码 ›
          </Text>
          {acting ? (
            <Text className="zc-link" onClick={() => void switchTo(null)}>
              切换为个人身份 ›
            </Text>
          ) : null}
        </Section>
      </StateView>
    </Page>
  );
}

function Tile({ name, hint, onClick }: { name: string; hint: string; onClick: () => void }) {
  return (
    <View className="co-tile" onClick={onClick} data-tile={name}>
      <View className="co-tile-name">{name}</View>
      <View className="zc-muted">{hint}</View>
    </View>
  );
}
