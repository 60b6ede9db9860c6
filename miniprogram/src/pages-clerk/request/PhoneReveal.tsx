import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../services/api';
import { platform } from '../../platform';

type Props = {
  requestId: string;
  /** the form field holding the phone; none for the applicant's own bound phone */
  field?: string;
  masked: string;
};

/**
 * A phone shown masked, with 查看/拨打: the full number comes from the server only on that tap
 * (clerk.revealPhone, which audits the reveal), then a second tap calls it.
 */
export function PhoneReveal({ requestId, field, masked }: Props) {
  const [full, setFull] = useState<string | null>(null);
  const reveal = async () => {
    const a = await call('clerk', 'revealPhone', { id: requestId, ...(field ? { field } : {}) }, { loading: '正在查看' });
    if (a.ok) setFull(a.data.phone);
  };
  return (
    <View className="zc-row phone-reveal" data-phone-field={field ?? 'applicant'}>
      <Text className="ff-value">{full ?? masked}</Text>
      {full ? (
        <Text className="zc-link" onClick={() => platform.callPhone(full)}>
          拨打
        </Text>
      ) : (
        <Text className="zc-link" onClick={() => void reveal()}>
          查看/拨打
        </Text>
      )}
    </View>
  );
}
