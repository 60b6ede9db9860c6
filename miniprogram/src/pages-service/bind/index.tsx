import { Page, Section } from '../../components';
import { useSession } from '../../hooks/useSession';
import { go } from '../../services/routes';
import { BindForm } from './BindForm';
import '../apply/index.scss';

/**
 * 完善实名信息 (or 修改实名信息): the binding form on a page of its own, opened from 我的. It checks
 * the ID number and phone as it goes, so it lives in the 办事 subpackage with the other forms and
 * the main package stays free of them; saving returns to 我的.
 */
export default function BindPage() {
  const { user } = useSession();
  return (
    <Page title="实名信息">
      <Section title={user?.bound ? '修改实名信息' : '完善实名信息'} plain>
        <BindForm onDone={() => go.tab('profile')} />
      </Section>
    </Page>
  );
}
