import { View } from '@tarojs/components';
import { Page, Section, StateView } from '../../components';
import { useInvites, usePeople } from '../parts/admin.data';
import { InviteForm } from './InviteForm';
import { InviteList } from './InviteList';
import { PeopleList } from './PeopleList';
import '../parts/admin.scss';

/** 邀请与人员: invite a clerk or an administrator, follow the invitations, and manage who serves where. */
export default function InvitesPage() {
  const invites = useInvites();
  const people = usePeople('clerk');
  const reload = () => {
    invites.reload();
    people.reload();
  };
  return (
    <Page className="admin">
      <View className="admin-columns">
        <View>
          <Section title="新建邀请">
            <InviteForm onMade={invites.reload} />
          </Section>
          <Section title="邀请记录">
            <StateView loading={invites.loading && !invites.data} error={invites.error} onRetry={invites.reload}>
              <InviteList items={invites.data?.items ?? []} onChanged={invites.reload} />
            </StateView>
          </Section>
        </View>
        <Section title={`服务中心工作人员${people.data ? `（${people.data.total}人）` : ''}`}>
          <StateView loading={people.loading && !people.data} error={people.error} onRetry={people.reload}>
            <PeopleList items={people.data?.items ?? []} onChanged={reload} />
          </StateView>
        </Section>
      </View>
    </Page>
  );
}
