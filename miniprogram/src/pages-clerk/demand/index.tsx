import { View, Text } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { DemandView } from '@shared/api.schema';
import { TOWNSHIPS } from '@shared/townships';
import { DemandFacts, Page, Section, StateView } from '../../components';
import { useSession } from '../../hooks/useSession';
import { useDemand } from '../../hooks/useCompany';
import { call } from '../../services/api';
import { usePageParams } from '../../services/routes';
import '../parts/clerk.scss';

/** Where a demand may be forwarded: the city center, the zone branch, a township. */
const TARGETS = [{ id: 'city', name: '市政务服务中心' }, { id: 'zone', name: '开发区分局' }, ...TOWNSHIPS.map((t) => ({ id: `ts-${t.code}`, name: t.name }))];

/** One demand at the clerk's desk: acknowledge, forward with a note, answer, or call the company back after a bad rating. */
export default function ClerkDemandPage() {
  const { id = '' } = usePageParams();
  const q = useDemand(id);
  const { user } = useSession();
  const d = q.data?.demand;
  return (
    <Page className="clerk">
      <StateView loading={q.loading && !q.data} error={q.error} onRetry={q.reload}>
        {d ? (
          <>
            <DemandFacts demand={d} />
            <Actions demand={d} centerId={user?.centerId ?? ''} onDone={q.reload} />
          </>
        ) : null}
      </StateView>
    </Page>
  );
}

function Actions({ demand: d, centerId, onDone }: { demand: DemandView; centerId: string; onDone: () => void }) {
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [mode, setMode] = useState<'answer' | 'forward'>('answer');
  const officerDesk = centerId === d.officerCenterId && d.state !== 'forwarded';
  const handlerDesk = d.state === 'forwarded' && centerId === d.holderCenterId;
  const run = async (p: Promise<{ ok: boolean }>) => {
    if ((await p).ok) {
      setText('');
      setTo('');
      onDone();
    }
  };
  const target = { id: d.id, version: d.version };
  if (d.state === 'raised' && officerDesk)
    return (
      <Button type="primary" size="large" block onClick={() => void run(call('demands', 'acknowledge', target, { loading: '正在确认' }))}>
        确认受理
      </Button>
    );
  if (d.state === 'reopened' && officerDesk && !d.returnCall)
    return (
      <Section title="回访企业（差评后须先回访）">
        <TextArea value={text} onChange={setText} placeholder="回访情况：与谁通话、企业的意见、下一步怎么办" maxLength={500} />
        <Button
          type="primary"
          block
          disabled={text.trim().length < 2}
          onClick={() => void run(call('demands', 'returnCall', { ...target, note: text }, { loading: '正在保存' }))}
        >
          记录回访
        </Button>
      </Section>
    );
  if (!(officerDesk && ['acknowledged', 'reopened'].includes(d.state)) && !handlerDesk) return null;
  const forwarding = officerDesk && mode === 'forward';
  return (
    <Section title={handlerDesk ? '承办答复' : '办理'}>
      {officerDesk ? (
        <View className="zc-wrap clerk-modes">
          <Text className={`clerk-option ${mode === 'answer' ? 'on' : ''}`} onClick={() => setMode('answer')} data-mode="answer">
            直接答复
          </Text>
          <Text className={`clerk-option ${mode === 'forward' ? 'on' : ''}`} onClick={() => setMode('forward')} data-mode="forward">
            转办其他单位
          </Text>
        </View>
      ) : null}
      <TextArea
        value={text}
        onChange={setText}
        placeholder={forwarding ? '转办说明：请承办单位重点解决什么' : '答复内容：政策依据、办理路径、联系人'}
        maxLength={2000}
      />
      {forwarding ? (
        <View data-forward="true">
          <View className="zc-muted clerk-hint">承办单位（转办后您仍能看到每一步）：</View>
          <View className="zc-wrap">
            {TARGETS.filter((t) => t.id !== d.holderCenterId).map((t) => (
              <Text key={t.id} className={`clerk-option ${to === t.id ? 'on' : ''}`} onClick={() => setTo(t.id)} data-target={t.id}>
                {t.name}
              </Text>
            ))}
          </View>
          <Button
            type="primary"
            block
            disabled={!to || text.trim().length < 2}
            onClick={() => void run(call('demands', 'forward', { ...target, to, note: text }, { loading: '正在转办' }))}
          >
            转办
          </Button>
        </View>
      ) : (
        <Button
          type="primary"
          block
          disabled={text.trim().length < 2}
          onClick={() => void run(call('demands', 'answer', { ...target, text }, { loading: '正在答复' }))}
        >
          答复企业
        </Button>
      )}
    </Section>
  );
}
