import { View, Text, Textarea } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionOutput } from '@shared/api.schema';
import { call } from '../../services/api';

type Checked = ActionOutput<'admin', 'setCalendarYear'>['schedule'];

const EXAMPLE = (y: number) => `${y}-01-01 休 元旦\n${y}-02-16~${y}-02-22 休 春节\n${y}-02-14 班`;

/**
 * One year's official schedule, pasted from the State Council's notice: checked first (a dry run
 * that shows every day it read), then saved. `version` is the stored year's, when it replaces one.
 */
export function YearEntry({ year: suggested, version, onSaved }: { year: number; version?: number; onSaved: () => void }) {
  const [year, setYear] = useState(String(suggested));
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const send = async (dryRun: boolean) => {
    const a = await call(
      'admin',
      'setCalendarYear',
      { year: Number(year), text, dryRun, ...(version ? { version } : {}) },
      { loading: dryRun ? '正在检查' : '正在保存', toast: false },
    );
    if (!a.ok) {
      setChecked(null);
      setErrors(a.error.fields ? Object.values(a.error.fields) : [a.error.message]);
      return;
    }
    setErrors([]);
    setChecked(a.data.schedule);
    if (!a.data.saved) return;
    void Taro.showToast({ title: `${year}年日历已保存`, icon: 'success' });
    setText('');
    setChecked(null);
    onSaved();
  };
  return (
    <View>
      <View className="admin-field" data-field="year">
        <Text className="admin-label">年份</Text>
        <Input
          type="number"
          value={year}
          maxLength={4}
          onChange={(v) => {
            setYear(v);
            setChecked(null);
          }}
        />
      </View>
      <View className="admin-field" data-field="text">
        <Text className="admin-label">放假与调休安排（每行一条：日期或日期段，“休”或“班”）</Text>
        <Textarea
          className="admin-textarea"
          value={text}
          maxlength={4000}
          placeholder={`按国务院办公厅通知逐行填写，例如：\n${EXAMPLE(Number(year) || suggested)}`}
          onInput={(e) => {
            setText(e.detail.value);
            setChecked(null);
          }}
        />
      </View>
      {errors.length ? (
        <View className="zc-error-text" role="alert">
          {errors.map((e) => (
            <View key={e}>{e}</View>
          ))}
        </View>
      ) : null}
      {checked ? (
        <View className="zc-card" data-checked={checked.year}>
          <View className="zc-strong">
            检查通过：{checked.year}年放假{checked.holidays.length}天，调休上班{checked.workdays.length}天
          </View>
          <View className="zc-muted">放假</View>
          <View className="admin-days">
            {checked.holidays.map((d) => (
              <Text key={d} className="zc-tag ok">
                {d.slice(5)}
              </Text>
            ))}
          </View>
          <View className="zc-muted">调休上班</View>
          <View className="admin-days">
            {checked.workdays.length ? (
              checked.workdays.map((d) => (
                <Text key={d} className="zc-tag warn">
                  {d.slice(5)}
                </Text>
              ))
            ) : (
              <Text className="zc-muted">无</Text>
            )}
          </View>
        </View>
      ) : null}
      <View className="admin-actions">
        <Button size="large" onClick={() => void send(true)}>
          检查
        </Button>
        {checked ? (
          <Button size="large" type="primary" onClick={() => void send(false)}>
            确认保存
          </Button>
        ) : null}
      </View>
    </View>
  );
}
