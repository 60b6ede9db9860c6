import { View, Text, Textarea } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionOutput } from '@shared/api.schema';
import { exceptionsFromText, exceptionsToText, periodsFromText, periodsToText } from '@shared/booking.periods';
import type { Period } from '@shared/booking.schema';
import { call } from '../services/api';
import { fieldMessage } from '../services/field.errors';
import { dayLabel } from './booking.labels';
import './ScheduleEditor.scss';
import { FieldError } from './FieldError';

type Answer = ActionOutput<'bookings', 'getSchedule'>;
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五'];

/**
 * A center's booking schedule: the periods of each weekday (one a line: 09:00-12:00 20), the make-up
 * working days', and the exceptions; then the next 14 days as residents will see them. The center's
 * clerk (pages-clerk) and the administrator (pages-admin, naming the center) use the same editor.
 */
export function ScheduleEditor({ answer, centerId, onSaved }: { answer: Answer; centerId?: string; onSaved: (a: Answer) => void }) {
  const s = answer.schedule;
  const [week, setWeek] = useState<string[]>(() => (s?.week ?? [[], [], [], [], []]).map(periodsToText));
  const [makeUp, setMakeUp] = useState(s?.makeUp ? periodsToText(s.makeUp) : '');
  const [exceptions, setExceptions] = useState(s ? exceptionsToText(s.exceptions) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const copyMonday = () => setWeek((w) => w.map(() => w[0]));
  const save = async () => {
    const problems: Record<string, string> = {};
    const days: Period[][] = week.map((text, i) => {
      const r = periodsFromText(text);
      if (!r.ok) problems[`week.${i}`] = r.error.fields?.text ?? '';
      return r.ok ? r.value : [];
    });
    const mu = makeUp.trim() ? periodsFromText(makeUp) : null;
    if (mu && !mu.ok) problems.makeUp = mu.error.fields?.text ?? '';
    const ex = exceptionsFromText(exceptions);
    if (!ex.ok) problems.exceptions = ex.error.fields?.text ?? '';
    setErrors(problems);
    if (Object.keys(problems).length || !ex.ok) return;
    const a = await call(
      'bookings',
      'setSchedule',
      { ...(centerId ? { centerId } : {}), ...(s ? { version: s.version } : {}), week: days, ...(mu?.ok ? { makeUp: mu.value } : {}), exceptions: ex.value },
      { loading: '正在保存', toast: false },
    );
    if (!a.ok) {
      const fields = a.error.fields ?? {};
      setErrors(
        Object.keys(fields).length
          ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.split('.')[0] === 'exceptions' ? 'exceptions' : k, fieldMessage(v)]))
          : { form: a.error.message },
      );
      return;
    }
    void Taro.showToast({ title: '预约时段已保存', icon: 'success' });
    onSaved(a.data);
  };
  const byDay = groupPreview(answer.preview);
  return (
    <View className="se">
      <View className="zc-muted">
        每行一个时段：开始-结束 名额，例如“09:00-12:00 20”。半天或每小时一段均可；不填的日子不开放预约。节假日自动不开放，调休上班日开放。
      </View>
      {week.map((text, i) => (
        <View key={WEEKDAYS[i]} className="se-day" data-field={`week.${i}`}>
          <View className="zc-row">
            <Text className="se-label">{WEEKDAYS[i]}</Text>
            {i === 0 ? (
              <Text className="zc-link" onClick={copyMonday}>
                周二至周五同周一
              </Text>
            ) : null}
          </View>
          <Textarea
            className="se-text"
            value={text}
            maxlength={1000}
            placeholder={i === 0 ? '09:00-12:00 20\n13:30-17:00 20' : '不开放'}
            onInput={(e) => setWeek((w) => w.map((x, j) => (j === i ? e.detail.value : x)))}
          />
          {errors[`week.${i}`] ? <View className="zc-error-text">{errors[`week.${i}`]}</View> : null}
        </View>
      ))}
      <View className="se-day" data-field="makeUp">
        <Text className="se-label">调休上班日（不填则同周一）</Text>
        <Textarea className="se-text" value={makeUp} maxlength={1000} placeholder="同周一" onInput={(e) => setMakeUp(e.detail.value)} />
        {errors.makeUp ? <View className="zc-error-text">{errors.makeUp}</View> : null}
      </View>
      <View className="se-day" data-field="exceptions">
        <Text className="se-label">例外日期（每行一条）</Text>
        <Textarea
          className="se-text"
          value={exceptions}
          maxlength={4000}
          placeholder={'2026-10-09 休\n2026-10-12 09:00-10:00 5'}
          onInput={(e) => setExceptions(e.detail.value)}
        />
        {errors.exceptions ? <View className="zc-error-text">{errors.exceptions}</View> : null}
      </View>
      <FieldError message={errors.form} />
      <Button type="primary" size="large" block onClick={() => void save()}>
        保存预约时段
      </Button>
      <View className="se-preview">
        <View className="zc-strong">未来两周开放的时段</View>
        {byDay.length ? (
          byDay.map(([date, slots]) => (
            <View key={date} className="zc-list-item se-preview-day" data-date={date}>
              <Text className="se-preview-date">{dayLabel(date)}</Text>
              <Text className="zc-muted se-preview-times">{slots.map((x) => `${x.start}-${x.end} ${x.capacity}人`).join('，')}</Text>
            </View>
          ))
        ) : (
          <View className="zc-muted">未来两周没有开放的时段</View>
        )}
        {answer.coveredUntil === null ? <View className="zc-muted">节假日日历尚未覆盖这些日期。</View> : null}
      </View>
    </View>
  );
}

const groupPreview = (slots: Answer['preview']): [string, Answer['preview']][] => {
  const m = new Map<string, Answer['preview']>();
  for (const x of slots) m.set(x.date, [...(m.get(x.date) ?? []), x]);
  return [...m];
};
