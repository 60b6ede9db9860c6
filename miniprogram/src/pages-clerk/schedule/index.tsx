import { Page, Section, StateView } from '../../components';
import { ScheduleEditor } from '../../components/ScheduleEditor';
import { useSchedule } from '../../hooks/useBookings';
import '../parts/clerk.scss';

/** 预约时段: the clerk sets their center's weekly booking periods and exceptions. */
export default function ClerkSchedulePage() {
  const q = useSchedule();
  return (
    <Page className="clerk">
      <StateView loading={q.loading && !q.data} error={q.error} onRetry={q.reload}>
        {q.data ? (
          <Section title={`${q.data.centerName} 预约时段`}>
            <ScheduleEditor key={q.data.schedule?.version ?? 0} answer={q.data} onSaved={q.reload} />
          </Section>
        ) : null}
      </StateView>
    </Page>
  );
}
