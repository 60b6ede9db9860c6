import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { stateLabel } from '@shared/labels.zh-CN';
import { DeadlineBadge, Page, PathChain, Section, StateView, presentDeadline } from '../../components';
import { useCatalogueItem, useClerkRequest, type ClerkChange } from '../../hooks/useClerk';
import { useSession } from '../../hooks/useSession';
import { go, usePageParams } from '../../services/routes';
import { Timeline } from '../../pages/request/Timeline';
import { timelineSteps } from '../../pages/request/timeline';
import { HandoffSlip } from '../parts/HandoffSlip';
import { peopleOf } from '../parts/people';
import { ActionPanel } from './ActionPanel';
import { clerkActor } from './actions';
import { ApplicantFacts, FormFacts, MaterialsFacts } from './RequestFacts';
import '../../pages/request/index.scss';
import '../parts/clerk.scss';

/** 办件详情 for a clerk: state and deadline, the actions allowed now, the handoffs, the applicant (masked), form, materials and every step. */
export default function ClerkRequestPage() {
  const { id = '' } = usePageParams();
  const { user } = useSession();
  const r = useClerkRequest(id);
  const item = useCatalogueItem(r.data?.request.itemCode);
  useDidShow(() => void r.reload());
  const data = r.data;
  const req = data?.request;
  const now = new Date().toISOString();
  const onCall = async (c: ClerkChange, done: string) => !!(await r.act(c, done));
  return (
    <Page className="clerk">
      <StateView loading={r.loading && !data} error={r.error} onRetry={() => void r.reload()} empty={!req} emptyText="没有找到这件办件">
        {req && data && user ? (
          <>
            <View className="zc-card">
              <View className="zc-item-name">{req.itemName}</View>
              <View className="zc-muted">办件编号 {req.trackingNo}</View>
              <View className="req-state">
                <Text className="zc-tag cr-state">{stateLabel(req.state)}</Text>
                <DeadlineBadge view={presentDeadline(req, now, 'clerk')} large />
              </View>
              <PathChain path={data.centers.filter((c) => req.path.includes(c.id))} deciderId={req.deciderId} />
              <View className="zc-muted req-holder">目前在 {data.names[req.holderCenterId] ?? '服务中心'}</View>
              {req.decision ? (
                <View className="req-decision">
                  办理结果：{req.decision.outcome === 'approved' ? '准予办理' : '不予办理'}。{req.decision.reasons}
                </View>
              ) : null}
              {req.rejection ? <View className="req-decision">不予受理：{req.rejection.reasons}</View> : null}
            </View>
            <PauseNote request={req} />
            <Section title="办理操作">
              <ActionPanel
                request={req}
                actor={clerkActor(user)}
                onCall={onCall}
                holderName={data.names[req.holderCenterId]}
                onPage={(p) => (p === 'handoff' ? go.clerkHandoff(req.id) : go.clerkConfirm(req.id))}
              />
            </Section>
            {req.handoffs.length ? (
              <Section title="流转单" plain>
                {req.handoffs.map((h) => (
                  <View key={h.id} className="zc-card">
                    <HandoffSlip
                      handoff={h}
                      names={data.names}
                      people={peopleOf(data.timeline)}
                      showCode={h.state === 'in_transit' && h.fromCenterId === user.centerId}
                    />
                  </View>
                ))}
              </Section>
            ) : null}
            <Section title="申请人">
              <ApplicantFacts request={req} />
            </Section>
            <Section title="申请表">
              <FormFacts requestId={req.id} form={req.form} fields={item.data?.item.formFields ?? []} />
            </Section>
            <Section title="申请材料（点照片放大）">
              <MaterialsFacts materials={req.materials} />
            </Section>
            <Section title="办理进度">
              <Timeline steps={timelineSteps(data.timeline, data.names)} />
            </Section>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}

/** While paused: what was asked for, and whether the applicant has sent it. */
function PauseNote({ request }: { request: NonNullable<ReturnType<typeof useClerkRequest>['data']>['request'] }) {
  const open = [...request.pauses].reverse().find((p) => !p.to);
  if (request.state !== 'paused' || !open) return null;
  return (
    <View className={`zc-card cr-pause ${open.supplementedAt ? 'done' : ''}`}>
      <View className="zc-strong">{open.supplementedAt ? '申请人已补正，请核对后恢复办理' : '等待申请人补正'}</View>
      <View>需补正：{open.missing.join('、')}</View>
      <View className="zc-muted">原因：{open.reason}</View>
    </View>
  );
}
