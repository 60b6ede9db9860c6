import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UserView, WireError } from '@shared/api.schema';
import type { Item } from '@shared/catalogue.schema';
import { go } from '../../services/routes';

const NEEDS_PROFILE = ['NOT_BOUND', 'NO_ROUTE_HOME_UNKNOWN', 'UNAUTHENTICATED'];

/**
 * Whether this user may come to act for a company: a person (a resident, or a member of a company
 * not acting for it now) claims one with its licence, or joins one by its administrator's
 * invitation. A clerk or an administrator does not.
 */
export const mayActForCompany = (user: UserView | null | undefined): boolean => !!user && (user.role === 'resident' || user.role === 'company');

/** An item for companies seen by someone who is not a company member: who it is for, and the company path. */
function CompanyOnly({ user }: { user: UserView | null | undefined }) {
  const canBind = mayActForCompany(user);
  return (
    <View className="zc-card guide-company" role="alert">
      <View className="zc-strong">这是企业办理的事项</View>
      <View className="zc-muted">
        {canBind
          ? '由企业的办事人员以企业身份申请。认领企业（上传营业执照，由镇街或开发区分局核验）或经企业管理员邀请加入后，就能看到去哪里办并在线申请。'
          : '由企业的办事人员以企业身份申请，工作人员账号不能代表企业申请。'}
      </View>
      {canBind ? (
        <Button type="primary" onClick={go.companyHome}>
          认领或加入企业后申请
        </Button>
      ) : null}
    </View>
  );
}

/** A company item seen by someone who does not act for a company: the route error would only say what is missing for a person. */
export const companyItemForPerson = (item: Pick<Item, 'audience'> | undefined, user: UserView | null | undefined): boolean =>
  item?.audience === 'company' && user?.role !== 'company';

/** When there is no route yet: say why, and offer the one step that fixes it. */
export function RouteUnknown({ error, item, user }: { error: WireError; item?: Pick<Item, 'audience'>; user?: UserView | null }) {
  if (companyItemForPerson(item, user)) return <CompanyOnly user={user} />;
  const fix = NEEDS_PROFILE.includes(error.code);
  return (
    <View className="zc-card" role="alert">
      <View className="zc-strong">暂时无法确定您的办理地点</View>
      <View className="zc-muted">{error.message}</View>
      {fix ? (
        <Button type="primary" onClick={() => (user?.role === 'resident' ? go.bind() : go.tab('profile'))}>
          去选择所在村居
        </Button>
      ) : null}
    </View>
  );
}
