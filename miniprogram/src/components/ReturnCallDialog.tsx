import { View, Text, Picker } from '@tarojs/components';
import { Input, Popup, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { chinaDateTimeOf, instantOfChinaTime } from '@shared/china.time';
import { DialogFooter } from './DialogFooter';
import './ReturnCallDialog.scss';

/** A return call as the form sends it. */
export type ReturnCallForm = { caller: string; calledAt: string; note: string; satisfied: boolean };

/**
 * `callerName` fills 回访人; `onSend` records the call (the deciding center's clerk through
 * clerk.returnCall, the administrator through admin.returnCall) and answers whether it went through.
 */
type Props = { callerName: string; onSend: (call: ReturnCallForm) => Promise<boolean>; onClose: () => void };

/** What the return-call form is missing, or null when it can be sent; the server checks the same. */
export const returnCallProblem = (f: { caller: string; calledAt: string | null; note: string; satisfied: boolean | null }, now: string): string | null => {
  if (!f.caller.trim()) return '请填写回访人';
  if (!f.calledAt) return '请选择回访时间';
  if (Date.parse(f.calledAt) > Date.parse(now)) return '回访时间不能晚于现在';
  if (f.note.trim().length < 2) return '请填写回访情况';
  if (f.satisfied === null) return '请选择申请人是否满意';
  return null;
};

/** 整改回访: who phoned the applicant, when, what was said, and whether they are now satisfied. Recording it closes the case. */
export function ReturnCallDialog({ callerName, onSend, onClose }: Props) {
  const [now] = useState(() => chinaDateTimeOf(new Date().toISOString()).split(' '));
  const [caller, setCaller] = useState(callerName);
  const [date, setDate] = useState(now[0]);
  const [time, setTime] = useState(now[1]);
  const [note, setNote] = useState('');
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (busy) return;
    const calledAt = instantOfChinaTime(date, time);
    const p = returnCallProblem({ caller, calledAt, note, satisfied }, new Date().toISOString());
    if (p || !calledAt || satisfied === null) return setProblem(p);
    setBusy(true);
    const done = await onSend({ caller: caller.trim(), calledAt, note: note.trim(), satisfied });
    setBusy(false);
    if (done) onClose();
  };
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setProblem(null);
    };
  return (
    <Popup visible position="bottom" round title="记录整改回访" onClose={onClose} className="ap-dialog">
      <View className="ap-dialog-body" role="dialog" aria-label="记录整改回访">
        <View className="ap-question">电话回访申请人后，记录回访情况，整改即结案。</View>
        <View className="ap-field" data-field="caller">
          <Text className="ap-label">回访人（必填）</Text>
          <Input className="apply-input" value={caller} onChange={edit(setCaller)} maxLength={40} />
        </View>
        <Text className="ap-label">回访时间</Text>
        <View className="ap-field zc-row ap-when" data-field="calledAt">
          <Picker mode="date" value={date} onChange={(e) => edit(setDate)(String(e.detail.value))}>
            <View className="apply-date">{date}</View>
          </Picker>
          <Picker mode="time" value={time} onChange={(e) => edit(setTime)(String(e.detail.value))}>
            <View className="apply-date">{time}</View>
          </Picker>
        </View>
        <View className="ap-field" data-field="note">
          <Text className="ap-label">回访情况（必填）</Text>
          <TextArea value={note} onChange={edit(setNote)} placeholder="说了什么、怎么整改的" maxLength={500} />
        </View>
        <View className="ap-field" data-field="satisfied">
          <Text className="ap-label">申请人现在是否满意</Text>
          <View className="zc-wrap">
            <Text className={`zc-option ${satisfied === true ? 'on' : ''}`} onClick={() => edit(setSatisfied)(true)}>
              满意
            </Text>
            <Text className={`zc-option ${satisfied === false ? 'on' : ''}`} onClick={() => edit(setSatisfied)(false)}>
              仍不满意
            </Text>
          </View>
        </View>
        <DialogFooter problem={problem} busy={busy} confirmText="确定记录回访" onCancel={onClose} onConfirm={() => void send()} />
      </View>
    </Popup>
  );
}
