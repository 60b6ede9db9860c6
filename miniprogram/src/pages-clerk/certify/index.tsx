import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { RosterEntryView } from '@shared/api.certify.schema';
import { REASON_LABELS, type IneligibleReason } from '@shared/certify.labels';
import { Page, Section, StateView } from '../../components';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/api';
import { pickPhotos, uploadPhoto } from '../../services/upload';
import { CertifyCard } from './CertifyCard';
import '../parts/clerk.scss';

const REASONS = Object.keys(REASON_LABELS) as IneligibleReason[];

/** 待认证: the village's people due for re-certification, or past due; the clerk records a visit, a counter check or why not. */
export default function CertifyQueue() {
  const queue = useQuery(() => call('certify', 'queue', { pageSize: 50 }, { toast: false }), []);
  useDidShow(() => queue.reload());
  const certify = async (e: RosterEntryView, way: 'visit' | 'counter') => {
    let photo: string | undefined;
    if (e.photo) {
      const [picked] = await pickPhotos(1);
      if (!picked) return;
      photo = (await uploadPhoto(picked, `certify-${e.periodEnd}.jpg`, `certify-${e.version}`)) ?? undefined;
      if (!photo) return;
    }
    const a = await call('certify', 'record', { id: e.id, version: e.version, result: 'certified', way, ...(photo ? { photo } : {}) }, { loading: '正在保存' });
    if (!a.ok) return;
    void Taro.showToast({ title: '已认证', icon: 'success' });
    queue.reload();
  };
  const ineligible = async (e: RosterEntryView) => {
    const choice = await Taro.showActionSheet({ itemList: REASONS.map((r) => REASON_LABELS[r]) }).catch(() => null);
    if (!choice) return;
    const a = await call(
      'certify',
      'record',
      { id: e.id, version: e.version, result: 'ineligible', reason: REASONS[choice.tapIndex] },
      { loading: '正在保存' },
    );
    if (a.ok) queue.reload();
  };
  return (
    <Page className="clerk">
      <Section title={`待认证${queue.data ? `（${queue.data.total}人）` : ''}`} plain>
        <View className="zc-muted">这些人本期还没有静默认证记录，请上门或在窗口核实本人后登记。</View>
      </Section>
      <StateView loading={queue.loading && !queue.data} error={queue.error} onRetry={queue.reload} empty={!queue.data?.items.length} emptyText="没有待认证的人">
        {queue.data?.items.map((e) => (
          <CertifyCard key={e.id} entry={e} onCertify={(way) => void certify(e, way)} onIneligible={() => void ineligible(e)} />
        ))}
      </StateView>
    </Page>
  );
}
