import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Page, Section, StateView } from '../../components';
import { useCatalogueItem, useClerkRequest } from '../../hooks/useClerk';
import { useSession } from '../../hooks/useSession';
import { go, usePageParams } from '../../services/routes';
import { HandoffSlip, slipSheet } from '../parts/HandoffSlip';
import { platform, type SlipSheet } from '../../platform';
import { peopleOf } from '../parts/people';
import { clerkActor, offeredActions } from '../request/actions';
import { checklistToSend, initialChecklist, type ChecklistRow } from './checklist';
import { ChecklistEditor } from './ChecklistEditor';
import '../parts/clerk.scss';

const confirmSend = async (n: number, to: string): Promise<boolean> =>
  (
    await Taro.showModal({
      title: '确认移交',
      content: `随件材料${n}项，移交给${to}。移交后请${platform.slipKeeping.label}，与材料一并送达。`,
      confirmText: '移交',
      cancelText: '再看看',
    })
  ).confirm;

/** 流转单: tick the materials and send; once sent, the slip with its code and QR for the receiving clerk. */
export default function HandoffPage() {
  const { id = '' } = usePageParams();
  const { user } = useSession();
  const r = useClerkRequest(id);
  const req = r.data?.request;
  const item = useCatalogueItem(req?.itemCode);
  const [rows, setRows] = useState<ChecklistRow[]>([]);
  useEffect(() => {
    if (item.data && req) setRows(initialChecklist(item.data.item.materials, req.materials));
    // the ticks reset for another request, not on every reload of this one
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.data, req?.id]);
  const canSend = !!req && !!user && offeredActions(req, clerkActor(user)).includes('sendHandoff');
  const mine = req?.handoffs.filter((h) => h.fromCenterId === user?.centerId).slice(-1)[0];
  const next = req ? req.path[req.path.indexOf(req.holderCenterId) + 1] : undefined;
  const keep = async (sheet: SlipSheet) => {
    if (await platform.keepSlip(sheet)) void Taro.showToast({ title: platform.slipKeeping.done, icon: 'none' });
  };
  const send = async () => {
    const checklist = checklistToSend(rows);
    if (!req || !checklist.length) return void Taro.showToast({ title: '请勾选随件移交的材料', icon: 'none' });
    if (!(await confirmSend(checklist.length, r.data?.names[next ?? ''] ?? '上级服务中心'))) return;
    await r.act({ action: 'sendHandoff', input: { id: req.id, version: req.version, checklist } }, '已移交');
  };
  return (
    <Page className="clerk">
      <StateView loading={(r.loading && !r.data) || (canSend && item.loading)} error={r.error ?? item.error} onRetry={() => void r.reload()} empty={!req}>
        {req && r.data ? (
          <>
            <View className="zc-card">
              <View className="zc-item-name">{req.itemName}</View>
              <View className="zc-muted">
                {req.trackingNo} · 申请人 {req.applicant.nameMasked}
              </View>
            </View>
            {canSend ? (
              <>
                <Section title={`随件材料：移交给${r.data.names[next ?? ''] ?? '上级服务中心'}`}>
                  <ChecklistEditor rows={rows} onChange={(i, patch) => setRows((all) => all.map((row, j) => (j === i ? { ...row, ...patch } : row)))} />
                </Section>
                <Button type="primary" size="large" block onClick={() => void send()}>
                  生成流转单并移交
                </Button>
              </>
            ) : mine ? (
              <>
                <View className="zc-card slip-print">
                  <HandoffSlip handoff={mine} names={r.data.names} people={peopleOf(r.data.timeline)} showCode={mine.state === 'in_transit'} />
                  <View className="slip-print-note">
                    邹城通办 · 办件编号 {req.trackingNo} · {req.itemName} · 申请人 {req.applicant.nameMasked}
                  </View>
                </View>
                {mine.state === 'in_transit' ? (
                  <Button
                    size="large"
                    block
                    className="slip-keep"
                    onClick={() => void keep(slipSheet(mine, req, r.data?.names ?? {}, peopleOf(r.data?.timeline ?? [])))}
                  >
                    {platform.slipKeeping.label}
                  </Button>
                ) : null}
              </>
            ) : (
              <View className="zc-state">这件办件现在不能由本中心移交</View>
            )}
            <Text className="zc-link" onClick={() => go.clerkRequestAgain(req.id)}>
              ‹ 回到办件详情
            </Text>
          </>
        ) : null}
      </StateView>
    </Page>
  );
}
