import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MemberView } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import { Page, Section, StateView } from '../../components';
import { QrGrid } from '../../components/QrGrid';
import { useSession } from '../../hooks/useSession';
import { useCompanyMembers } from '../../hooks/useCompany';
import { call } from '../../services/api';
import { MEMBER_ROLE_ZH } from '../parts/labels';
import '../parts/company.scss';

type Invite = { code: string; expiresAt: string };

/** 成员管理: the administrator invites 经办人 (a one-time code and QR), removes members and hands over the role. */
export default function MembersPage() {
  const { user } = useSession();
  const members = useCompanyMembers();
  const [invite, setInvite] = useState<Invite | null>(null);
  const me = members.data?.items.find((m) => m.userId === user?.id);
  const admin = me?.role === 'admin';
  const makeInvite = async () => {
    const a = await call('company', 'invite', {}, { loading: '正在生成' });
    if (a.ok) setInvite(a.data);
  };
  const confirm = async (content: string) => (await Taro.showModal({ title: '请确认', content })).confirm;
  const remove = async (m: MemberView) => {
    if (!(await confirm(`将${m.nameMasked ?? '该成员'}移出企业？移出后他将看不到本企业的办件和诉求。`))) return;
    const a = await call('company', 'removeMember', { userId: m.userId }, { loading: '正在移出' });
    if (a.ok) members.reload();
  };
  const transfer = async (m: MemberView) => {
    if (!(await confirm(`把企业管理员移交给${m.nameMasked ?? '该成员'}？移交后您成为经办人。`))) return;
    const a = await call('company', 'transferAdmin', { userId: m.userId }, { loading: '正在移交' });
    if (a.ok) members.reload();
  };
  return (
    <Page title="成员管理">
      <StateView loading={members.loading && !members.data} error={members.error} onRetry={members.reload}>
        <Section title="邀请经办人">
          {invite ? (
            <View className="co-center" data-invite-code={invite.code}>
              <View className="co-code">{invite.code}</View>
              <QrGrid text={invite.code} />
              <View className="zc-muted">请把邀请码交给经办人本人：在“我的—我有邀请码”输入或扫码。{chinaDateTimeOf(invite.expiresAt)}前有效，只能用一次。</View>
              <Button block onClick={() => setInvite(null)}>
                再邀请一位
              </Button>
            </View>
          ) : (
            <>
              <View className="zc-muted">经办人加入后可以代表企业办事、提出诉求，能看到本企业的全部办件和诉求。</View>
              <Button type="primary" size="large" block disabled={!admin} onClick={() => void makeInvite()}>
                生成邀请码
              </Button>
            </>
          )}
        </Section>
        <Section title={`企业成员（${members.data?.items.length ?? 0}人）`}>
          {(members.data?.items ?? []).map((m) => (
            <View key={m.id} className="co-line" data-member={m.userId}>
              <View className="zc-row">
                <Text className="zc-strong">
                  {m.nameMasked ?? '成员'}
                  {m.userId === user?.id ? '（我）' : ''}
                </Text>
                <Text className={`co-state ${m.role === 'admin' ? 'done' : ''}`}>{MEMBER_ROLE_ZH[m.role]}</Text>
              </View>
              <View className="zc-muted">{chinaDateTimeOf(m.joinedAt)}加入</View>
              {admin && m.userId !== user?.id ? (
                <View className="co-actions">
                  <Button size="small" onClick={() => void transfer(m)}>
                    移交管理员
                  </Button>
                  <Button size="small" type="danger" fill="outline" onClick={() => void remove(m)}>
                    移出企业
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
        </Section>
      </StateView>
    </Page>
  );
}
