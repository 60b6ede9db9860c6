import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FieldError } from '../../components';

/** One required field of a binding form: its label, the control, and its inline error. */
export function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className={`apply-field ${error ? 'has-error' : ''}`}>
      <View className="apply-label">
        <Text className="apply-required">*</Text>
        {label}
      </View>
      {children}
      <FieldError message={error} />
    </View>
  );
}
