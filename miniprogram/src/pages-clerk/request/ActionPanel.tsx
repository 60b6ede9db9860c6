import { View, Text } from '@tarojs/components';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { RequestView } from '@shared/api.schema';
import type { Actor } from '@shared/request.schema';
import { CLERK_ACTIONS, actionProblem, callFor, offeredActions, type ActionFields, type ClerkActionKey, type ClerkCall } from './actions';
import { ReturnCallDialog } from '../../components/ReturnCallDialog';
import { DialogFooter } from '../../components/DialogFooter';

type Props = {
  request: RequestView;
  actor: Actor;
  /** runs the call; true when the server took it */
  onCall: (call: ClerkCall, done: string) => Promise<boolean>;
  /** the actions that have their own page (handoff slip, receipt) */
  onPage: (page: 'handoff' | 'confirm') => void;
  holderName?: string;
};

const BUTTON_TYPE = { primary: 'primary', default: 'default', danger: 'danger' } as const;

/** The clerk's actions in this state and no others; each asks for confirmation, and for a reason where the rules need one. */
export function ActionPanel({ request, actor, onCall, onPage, holderName }: Props) {
  const [open, setOpen] = useState<ClerkActionKey | null>(null);
  const keys = offeredActions(request, actor);
  if (!keys.length)
    return (
      <View className="zc-muted ap-none">
        {holderName && request.holderCenterId !== actor.centerId ? `当前由${holderName}办理，` : ''}本中心现在没有需要办理的操作
      </View>
    );
  const tap = (k: ClerkActionKey) => {
    const page = CLERK_ACTIONS[k].page;
    if (page) onPage(page);
    else setOpen(k);
  };
  return (
    <View className="ap">
      {keys.map((k) => (
        <Button
          key={k}
          className="ap-button"
          data-action={k}
          block
          size="large"
          type={BUTTON_TYPE[CLERK_ACTIONS[k].tone]}
          fill={CLERK_ACTIONS[k].tone === 'danger' ? 'outline' : undefined}
          onClick={() => tap(k)}
        >
          {CLERK_ACTIONS[k].label}
        </Button>
      ))}
      {open && CLERK_ACTIONS[open].form === 'returnCall' ? (
        <ReturnCallDialog
          callerName={actor.name ?? ''}
          onSend={(f) => onCall({ action: 'returnCall', input: { id: request.id, version: request.version, ...f } }, '已记录回访，整改结案')}
          onClose={() => setOpen(null)}
        />
      ) : open ? (
        <ActionDialog key={open} action={open} request={request} onCall={onCall} onClose={() => setOpen(null)} />
      ) : null}
    </View>
  );
}

/** What one confirmation needs: the action, the request at the version seen, and what to do with the call. */
export type DialogProps = { action: ClerkActionKey; request: RequestView; onCall: Props['onCall']; onClose: () => void };

/** The confirmation of one action, with the reason (and, for 补正, the missing materials) it needs. */
export function ActionDialog({ action, request, onCall, onClose }: DialogProps) {
  const spec = CLERK_ACTIONS[action];
  const [fields, setFields] = useState<ActionFields>({ reason: '', missing: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ActionFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setProblem(null);
  };
  const confirm = async () => {
    if (busy) return;
    const p = actionProblem(spec, fields);
    if (p) return setProblem(p);
    const call = callFor(action, { id: request.id, version: request.version }, fields);
    if (!call) return onClose();
    setBusy(true);
    const done = await onCall(call, `已${spec.label}`);
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Popup visible position="bottom" round title={spec.label} onClose={onClose} className="ap-dialog">
      <View className="ap-dialog-body" role="dialog" aria-label={spec.label}>
        <View className="ap-question">{spec.confirm}</View>
        {spec.missing ? (
          <View className="ap-field" data-field="missing">
            <Text className="ap-label">需要补正的材料（每行一项）</Text>
            <TextArea value={fields.missing} onChange={(v) => set({ missing: v })} placeholder="例如：户口簿复印件" maxLength={500} />
          </View>
        ) : null}
        {spec.reason ? (
          <View className="ap-field" data-field="reason">
            <Text className="ap-label">{spec.reason}（必填）</Text>
            <TextArea value={fields.reason} onChange={(v) => set({ reason: v })} placeholder={`请填写${spec.reason}，申请人能看到`} maxLength={500} />
          </View>
        ) : null}
        <DialogFooter
          problem={problem}
          busy={busy}
          confirmText={`确定${spec.label}`}
          type={BUTTON_TYPE[spec.tone]}
          onCancel={onClose}
          onConfirm={() => void confirm()}
        />
      </View>
    </Popup>
  );
}
