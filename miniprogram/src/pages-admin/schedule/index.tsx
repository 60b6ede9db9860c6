import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { Page, Section, StateView } from '../../components';
import { ScheduleEditor } from '../../components/ScheduleEditor';
import { useSchedule } from '../../hooks/useBookings';
import '../parts/admin.scss';

/** 预约时段: the administrator sets any center's booking periods, with the clerks' editor. */
export default function AdminSchedulePage() {
  const [typed, setTyped] = useState('');
  const [centerId, setCenterId] = useState('');
  const q = useSchedule(centerId, !!centerId);
  return (
    <Page className="admin">
      <Section title="选择服务中心">
        <View className="admin-field" data-field="centerId">
          <Text className="admin-label">中心编号（如 ts-001、city）</Text>
          <Input value={typed} maxLength={40} placeholder="中心编号" onChange={(v) => setTyped(v.trim())} />
        </View>
        <Button type="primary" block onClick={() => setCenterId(typed)}>
          打开
        </Button>
      </Section>
      {centerId ? (
        <StateView loading={q.loading && !q.data} error={q.error} onRetry={q.reload}>
          {q.data ? (
            <Section title={`${q.data.centerName} 预约时段`}>
              <ScheduleEditor key={`${q.data.centerId}-${q.data.schedule?.version ?? 0}`} answer={q.data} centerId={q.data.centerId} onSaved={q.reload} />
            </Section>
          ) : null}
        </StateView>
      ) : null}
    </Page>
  );
}
