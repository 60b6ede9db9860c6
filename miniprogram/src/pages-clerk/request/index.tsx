import { View, Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { requestStatusLabel } from '@shared/labels.zh-CN';
import { chinaDateOf } from '@shared/china.time';
import type { RequestView } from '@shared/api.schema';
import { DecisionNote, DeadlineBadge, MaterialGrid, Page, PathChain, Section, StateView, presentDeadline } from '../../components';
import { useCatalogueItem, useClerkRequest, type ClerkChange } from '../../hooks/useClerk';
import { useSession } from '../../hooks/useSession';
import { go, usePageParams } from '../../services/routes';
import { Timeline } from '../../pages-service/request/Timeline';
import { chinaTime, timelineSteps } from '../../pages-service/request/timeline';
import { HandoffSlip } from '../parts/HandoffSlip';
import { peopleOf } from '../parts/people';
import { ActionPanel } from './ActionPanel';
import { clerkActor } from './actions';
import { ApplicantFacts, FormFacts } from './RequestFacts';
import '../../pages-service/request/index.scss';
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
                <Text className="zc-tag cr-state">{requestStatusLabel(req)}</Text>
                <DeadlineBadge view={presentDeadline(req, now, 'clerk')} large />
              </View>
              <PathChain path={data.centers.filter((c) => req.path.includes(c.id))} deciderId={req.deciderId} />
              <View className="zc-muted req-holder">目前在 {data.names[req.holderCenterId] ?? '服务中心'}</View>
              <DecisionNote request={req} />
            </View>
            <PauseNote request={req} now={now} />
            <RectificationCase request={req} now={now} />
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
              <MaterialGrid materials={req.materials} />
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

type Shown = { request: RequestView; now: string };

/** While paused: what was asked for, by when, and whether the applicant has sent it (or let the date pass). */
function PauseNote({ request, now }: Shown) {
  const open = [...request.pauses].reverse().find((p) => !p.to);
  if (request.state !== 'paused' || !open) return null;
  const late = !open.supplementedAt && !!open.supplementBy && Date.parse(now) > Date.parse(open.supplementBy);
  return (
    <View className={`zc-card cr-pause ${open.supplementedAt ? 'done' : late ? 'late' : ''}`}>
      <View className="zc-strong">{open.supplementedAt ? '申请人已补正，请核对后恢复办理' : late ? '补正期限已过，申请人仍未补正' : '等待申请人补正'}</View>
      <View>需补正：{open.missing.join('、')}</View>
      {open.supplementBy ? <View>补正期限：{chinaDateOf(open.supplementBy)}</View> : null}
      <View className="zc-muted">原因：{open.reason}</View>
    </View>
  );
}

/** A bad review at the deciding center: what the applicant said, the deadline of the return call, and the call once made. */
function RectificationCase({ request: r, now }: Shown) {
  const c = r.rectification;
  if (!c || !r.rating) return null;
  const late = c.state === 'open' && Date.parse(now) > Date.parse(c.deadline);
  return (
    <View className={`zc-card cr-rect ${c.state} ${late ? 'late' : ''}`} data-rectification={c.state}>
      <View className="zc-row">
        <Text className="zc-strong">差评整改</Text>
        <Text className={`zc-tag ${c.state === 'closed' ? 'ok' : late ? 'bad' : 'warn'}`}>
          {c.state === 'closed' ? '已回访结案' : late ? '回访已超期' : '待回访'}
        </Text>
      </View>
      <View>
        {r.rating.level}
        {r.rating.reasons?.length ? `：${r.rating.reasons.join('、')}` : ''}
      </View>
      {r.rating.comment ? <View className="tl-note">{r.rating.comment}</View> : null}
      <View className="zc-muted">
        回访截止 {chinaDateOf(c.deadline)}
        {c.deadlinePending ? '（待确认）' : ''}
      </View>
      {c.returnCall ? (
        <View className="zc-muted">
          {chinaTime(c.returnCall.at)} {c.returnCall.caller ?? ''} 回访：{c.returnCall.note}（{c.returnCall.satisfied ? '申请人满意' : '申请人仍不满意'}）
        </View>
      ) : null}
    </View>
  );
}
