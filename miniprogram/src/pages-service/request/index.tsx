import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { requestStatusLabel } from '@shared/labels.zh-CN';
import { DecisionNote, DeadlineBadge, MaterialGrid, NoticeConsent, Page, Section, StateView, PathChain, presentDeadline } from '../../components';
import { OPEN_STATES } from '@shared/queue';
import { useRequest } from '../../hooks/useRequest';
import { useSession } from '../../hooks/useSession';
import { go, usePageParams } from '../../services/routes';
import { NO_APPLICANT_ACTIONS, applicantActions, applicantActor, type ApplicantActions } from './actions';
import { timelineSteps } from './timeline';
import { Timeline } from './Timeline';
import { RatingPanel } from './RatingPanel';
import { RectificationNote } from './RectificationNote';
import { SupplementPanel } from './SupplementPanel';
import './index.scss';

/** The red of a destructive action's confirm button (WeChat's default is green). */
const DESTRUCTIVE = '#d93026';

const confirmWithdraw = async (): Promise<boolean> =>
  (
    await Taro.showModal({
      title: '确定撤回申请吗？',
      content: '撤回后这件申请不再办理，需要时可重新申请。',
      confirmText: '撤回',
      confirmColor: DESTRUCTIVE,
      cancelText: '再想想',
    })
  ).confirm;

/** 办件详情: state, deadline, the path, every step, and what the applicant may do now. */
export default function RequestDetail() {
  const { id = '' } = usePageParams();
  const { user } = useSession();
  const r = useRequest(id);
  const data = r.data;
  const req = data?.request;
  const now = new Date().toISOString();
  const can = req && user ? applicantActions(req, applicantActor(user), now) : NO_APPLICANT_ACTIONS;
  return (
    <Page title="办件进度">
      <StateView loading={r.loading && !data} error={r.error} onRetry={() => void r.reload()} empty={!req} emptyText="没有找到这件申请">
        {req && data ? (
          <>
            <View className="zc-card">
              <View className="zc-item-name">{req.itemName}</View>
              <View className="zc-muted">办件编号 {req.trackingNo}</View>
              <View className="req-state">
                <Text className="zc-tag req-status">{requestStatusLabel(req)}</Text>
                <DeadlineBadge view={presentDeadline(req, now, 'resident')} />
              </View>
              <PathChain path={req.path.map((cid) => ({ id: cid, kind: 'village' as const, name: data.names[cid] ?? '服务中心' }))} deciderId={req.deciderId} />
              {can.withdraw ? <View className="zc-muted req-holder">目前在 {data.names[req.holderCenterId] ?? '服务中心'} 办理</View> : null}
              <DecisionNote request={req} />
            </View>
            <Actions r={r} can={can} />
            <RectificationNote request={req} deciderName={data.names[req.deciderId] ?? '审批的服务中心'} />
            {/* one WeChat consent is one message: a tap asks again for the next decision or delivery */}
            {OPEN_STATES.includes(req.state) ? <NoticeConsent moment="progress" label="办结、送达时微信提醒我" /> : null}
            {can.withdraw ? (
              <View className="zc-card zc-row" onClick={() => go.book(req.deciderId, req.itemCode, req.id)}>
                <Text>预约到厅交纸质材料</Text>
                <Text className="zc-link">去预约 ›</Text>
              </View>
            ) : null}
            <Section title="办理进度">
              <Timeline steps={timelineSteps(data.timeline, data.names)} />
            </Section>
            <Section title={`我提交的材料（${req.materials.length}份）`}>
              <MaterialGrid materials={req.materials} />
            </Section>
            <Withdraw r={r} can={can} />
            <Button block onClick={() => go.tab('requests')}>
              查看我的全部办件
            </Button>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}

function Actions({ r, can }: { r: ReturnType<typeof useRequest>; can: ApplicantActions }) {
  const req = r.data?.request;
  if (!req) return null;
  const openPause = [...req.pauses].reverse().find((p) => !p.to);
  return (
    <>
      {can.supplement ? (
        <Section title="补正材料">
          <SupplementPanel requestId={req.id} pause={openPause} onSend={r.supplement} />
        </Section>
      ) : null}
      {can.rate ? (
        <Section title="请为这次办理评价">
          <RatingPanel onRate={r.rate} />
        </Section>
      ) : null}
      {req.rating ? (
        <Section title="您的评价">
          <View>
            {req.rating.level}
            {req.rating.reasons?.length ? `（${req.rating.reasons.join('、')}）` : ''}
            {req.rating.comment ? `：${req.rating.comment}` : ''}
          </View>
        </Section>
      ) : null}
    </>
  );
}

function Withdraw({ r, can }: { r: ReturnType<typeof useRequest>; can: ApplicantActions }) {
  if (!can.withdraw) return null;
  return (
    <View className="req-withdraw">
      <Button fill="outline" type="danger" block onClick={() => void confirmWithdraw().then((ok) => ok && r.withdraw())}>
        撤回申请
      </Button>
    </View>
  );
}
