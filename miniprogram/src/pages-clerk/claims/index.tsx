import { View, Image } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ClaimView } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import { Page, StateView } from '../../components';
import { useClaimQueue } from '../../hooks/useCompany';
import { usePhotoLinks } from '../../hooks/usePhotoLinks';
import { call } from '../../services/api';
import { previewPhotos } from '../../services/upload';
import '../parts/clerk.scss';

/** 企业认领: the pending claims on companies of this center (the zone branch for the zone), each checked against its licence photo. */
export default function ClaimsPage() {
  const queue = useClaimQueue();
  const items = queue.data?.items ?? [];
  const links = usePhotoLinks(items.map((c) => c.licenceFileId));
  return (
    <Page className="clerk">
      <View className="clerk-queue-title">企业认领待核验（{queue.data?.total ?? 0}）</View>
      <StateView loading={queue.loading && !queue.data} error={queue.error} onRetry={queue.reload} empty={!items.length} emptyText="没有待核验的企业认领">
        {items.map((c) => (
          <ClaimCard key={c.id} claim={c} photo={links[c.licenceFileId]} onDone={queue.reload} />
        ))}
      </StateView>
    </Page>
  );
}

function ClaimCard({ claim: c, photo, onDone }: { claim: ClaimView; photo?: string; onDone: () => void }) {
  const [step, setStep] = useState<'look' | 'verify' | 'refuse'>('look');
  const [reason, setReason] = useState('');
  const verify = async () => {
    const a = await call('company', 'verify', { id: c.id, version: c.version }, { loading: '正在核验' });
    if (a.ok) onDone();
  };
  const refuse = async () => {
    const a = await call('company', 'refuse', { id: c.id, version: c.version, reason }, { loading: '正在退回' });
    if (a.ok) onDone();
  };
  return (
    <View className="zc-card" data-claim={c.id}>
      <View className="zc-strong">{c.name}</View>
      <View className="zc-muted">统一社会信用代码 {c.creditCode}</View>
      <View className="zc-muted">
        认领人 {c.claimantNameMasked ?? '—'} {c.claimantIdMasked ?? ''} · {chinaDateTimeOf(c.createdAt)}
      </View>
      {photo ? (
        <Image src={photo} mode="aspectFit" className="clerk-licence" onClick={() => previewPhotos([photo], photo)} />
      ) : (
        <View className="zc-muted">营业执照照片加载中…</View>
      )}
      {step === 'look' ? (
        <View className="zc-row">
          <Button type="primary" onClick={() => setStep('verify')}>
            核验通过
          </Button>
          <Button onClick={() => setStep('refuse')}>退回</Button>
        </View>
      ) : null}
      {step === 'verify' ? (
        <View className="clerk-confirm" data-confirm="verify">
          <View>
            请确认营业执照上的名称为“{c.name}”、信用代码为{c.creditCode}。通过后认领人成为企业管理员，您成为该企业的企业管家。
          </View>
          <View className="zc-row">
            <Button type="primary" onClick={() => void verify()}>
              确认通过
            </Button>
            <Button onClick={() => setStep('look')}>取消</Button>
          </View>
        </View>
      ) : null}
      {step === 'refuse' ? (
        <View>
          <TextArea value={reason} onChange={setReason} placeholder="退回原因，如：执照照片看不清、名称与执照不符" maxLength={500} />
          <View className="zc-row">
            <Button type="danger" disabled={reason.trim().length < 2} onClick={() => void refuse()}>
              确认退回
            </Button>
            <Button onClick={() => setStep('look')}>取消</Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
