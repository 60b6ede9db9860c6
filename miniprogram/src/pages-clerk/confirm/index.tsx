import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { CodeEntry, Page, Section } from '../../components';
import { platform } from '../../platform';
import { confirmHandoff, useClerkRequest, type ClerkChange } from '../../hooks/useClerk';
import { go, usePageParams } from '../../services/routes';
import { HandoffSlip } from '../parts/HandoffSlip';
import { peopleOf } from '../parts/people';
import { ActionDialog } from '../request/ActionPanel';
import '../parts/clerk.scss';

const CODE = /^[A-Z0-9]{6}$/;

/** The code in a scanned QR (the slip's QR holds the code itself); null when it is not one. */
const codeOf = (scanned: string): string | null => {
  const c = scanned.trim().toUpperCase();
  return CODE.test(c) ? c : null;
};

/** 签收: scan the slip's QR (WeChat) or type its code (browser); or return the handoff with a reason. */
export default function ConfirmPage() {
  const { id = '' } = usePageParams();
  const r = useClerkRequest(id);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [returning, setReturning] = useState(false);
  const req = r.data?.request;
  const pending = req?.handoffs.find((h) => h.state === 'in_transit' && h.toCenterId === req.holderCenterId);
  const submit = async (raw: string) => {
    const c = codeOf(raw);
    if (!c) return setError('签收码是流转单上的6位字母或数字');
    const done = await confirmHandoff(c);
    if (!done) return;
    void Taro.showToast({ title: '已签收', icon: 'success' });
    go.clerkRequestAgain(done.id);
  };
  const scan = async () => {
    const scanned = await platform.scanQrCode?.();
    if (typeof scanned === 'string') await submit(scanned);
  };
  const onCall = async (c: ClerkChange, done: string) => {
    const next = await r.act(c, done);
    if (next) go.clerkRequestAgain(next.id);
    return !!next;
  };
  return (
    <Page className="clerk">
      {pending && r.data ? (
        <Section title="待签收的流转单">
          <HandoffSlip handoff={pending} names={r.data.names} people={peopleOf(r.data.timeline)} />
          <View className="zc-muted">请核对随件材料与流转单一致后签收。</View>
        </Section>
      ) : null}
      <Section title="签收">
        {platform.scanQrCode ? (
          <Button type="primary" size="large" block onClick={() => void scan()}>
            扫流转单二维码签收
          </Button>
        ) : null}
        <CodeEntry
          className="cf-code"
          inputClassName="cf-input"
          label="或输入流转单上的签收码"
          placeholder="6位签收码"
          maxLength={6}
          value={code}
          onChange={(v) => {
            setCode(v);
            setError('');
          }}
          error={error}
          submitLabel="确认签收"
          onSubmit={() => void submit(code)}
        />
      </Section>
      {pending && req ? (
        <View className="cf-return">
          <Button type="danger" fill="outline" size="large" block onClick={() => setReturning(true)}>
            材料不符，退回
          </Button>
          {returning ? <ActionDialog action="returnHandoff" request={req} onCall={onCall} onClose={() => setReturning(false)} /> : null}
        </View>
      ) : null}
    </Page>
  );
}
