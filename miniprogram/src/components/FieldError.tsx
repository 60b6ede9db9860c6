import { View } from '@tarojs/components';

/** A field's or a form's inline error, read out when it appears (role="alert"); nothing without one. */
export function FieldError({ message }: { message?: string | null }) {
  return message ? (
    <View className="zc-error-text" role="alert">
      {message}
    </View>
  ) : null;
}
