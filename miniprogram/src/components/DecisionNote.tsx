import { View } from '@tarojs/components';
import type { RequestView } from '@shared/api.schema';

/** A request's outcome as the resident and the clerk both read it: the decision with its reasons, or why it was not accepted. */
export function DecisionNote({ request }: { request: Pick<RequestView, 'decision' | 'rejection'> }) {
  return (
    <>
      {request.decision ? (
        <View className="req-decision">
          办理结果：{request.decision.outcome === 'approved' ? '准予办理' : '不予办理'}。{request.decision.reasons}
        </View>
      ) : null}
      {request.rejection ? <View className="req-decision">不予受理：{request.rejection.reasons}</View> : null}
    </>
  );
}
