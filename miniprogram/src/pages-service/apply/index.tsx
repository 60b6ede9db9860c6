import { View, Text } from '@tarojs/components';
import { Page, StateView } from '../../components';
import { useGuide } from '../../hooks/useGuide';
import { useSession } from '../../hooks/useSession';
import { call } from '../../services/api';
import { pickPhotos, uploadPhoto } from '../../services/upload';
import { askNoticeConsent } from '../../services/subscribe';
import { go, usePageParams } from '../../services/routes';
import type { ApplyDeps } from '../../hooks/useApplyForm';
import { RouteUnknown } from '../guide/RouteUnknown';
import { ApplyForm } from './ApplyForm';
import { prefilledValues } from './prefill';
import { boundOnThisPhone } from '../../services/bound.identity';
import './index.scss';

const deps: ApplyDeps = {
  // WeChat asks consent for the matter's notices inside the submit tap; the browser build skips it
  send: async (input) => {
    await askNoticeConsent('submit');
    return call('requests', 'submit', input, { loading: '正在提交' });
  },
  pick: pickPhotos,
  upload: uploadPhoto,
  onDone: ({ request }) => go.result(request.id, request.trackingNo),
};

/** 在线申请: the form for one item, on the route the guide showed. */
export default function ApplyPage() {
  const { code = '', intake } = usePageParams();
  const { item, route, routeError, error, loading, reload } = useGuide(code);
  const { user } = useSession();
  return (
    <Page title="在线申请">
      <StateView loading={loading} error={error} onRetry={reload} empty={!item} emptyText="没有找到这个事项">
        {item ? (
          <View className="zc-card">
            <View className="zc-item-name">{item.name}</View>
            <Text className="zc-muted">带 * 的必须填写。提交后可在“我的办件”查看进度。</Text>
          </View>
        ) : null}
        {item && route ? (
          <ApplyForm
            item={item}
            route={route}
            deps={deps}
            initialIntake={intake}
            own={{ idMasked: user?.idMasked, phoneMasked: user?.phoneMasked }}
            initialValues={prefilledValues(item.formFields, boundOnThisPhone(user?.id))}
          />
        ) : null}
        {routeError ? <RouteUnknown error={routeError} /> : null}
      </StateView>
    </Page>
  );
}
