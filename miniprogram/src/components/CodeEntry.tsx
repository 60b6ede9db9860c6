import type { CSSProperties } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { FieldError } from './FieldError';

type Props = {
  label: string;
  placeholder: string;
  maxLength: number;
  value: string;
  /** the typed code, upper-cased; the page clears its error with it */
  onChange: (code: string) => void;
  error: string;
  submitLabel: string;
  onSubmit: () => void;
  className?: string;
  labelClassName?: string;
  inputClassName?: string;
  style?: CSSProperties;
};

/** A code typed in by hand (签收码, 预约码, 邀请码) beside a scan: the field, its error and the button that sends it. */
export function CodeEntry(p: Props) {
  return (
    <>
      <View className={p.className} data-field="code" style={p.style}>
        <Text className={p.labelClassName ?? 'ap-label'}>{p.label}</Text>
        <Input className={p.inputClassName} value={p.value} maxLength={p.maxLength} placeholder={p.placeholder} onChange={(v) => p.onChange(v.toUpperCase())} />
      </View>
      <FieldError message={p.error} />
      <Button type="primary" size="large" block onClick={p.onSubmit}>
        {p.submitLabel}
      </Button>
    </>
  );
}
