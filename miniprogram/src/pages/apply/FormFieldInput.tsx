import { View, Text, Picker } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { FormField } from '@shared/catalogue.schema';

type Props = { field: FormField; value: string; error?: string; onChange: (v: string) => void };

const INPUT_TYPE: Partial<Record<FormField['type'], 'text' | 'number' | 'digit' | 'idcard' | 'tel'>> = {
  phone: 'tel', idNumber: 'idcard', number: 'digit', text: 'text',
};

/** One field of the application form with its label and inline error; the kind of input follows the field type. */
export function FormFieldInput({ field, value, error, onChange }: Props) {
  return (
    <View className={`apply-field ${error ? 'has-error' : ''}`} data-field={field.key}>
      <View className="apply-label">
        {field.required ? <Text className="apply-required">*</Text> : null}
        {field.label}
      </View>
      <Control field={field} value={value} onChange={onChange} />
      {error ? <View className="zc-error-text" role="alert">{error}</View> : null}
    </View>
  );
}

function Control({ field, value, onChange }: Omit<Props, 'error'>) {
  const placeholder = field.placeholder ?? `请输入${field.label}`;
  switch (field.type) {
    case 'textarea':
      return <TextArea value={value} placeholder={placeholder} maxLength={field.maxLength ?? 500} onChange={onChange} />;
    case 'select':
      return (
        <View className="zc-wrap">
          {(field.options ?? []).map((o) => (
            <Text key={o} className={`zc-option ${value === o ? 'on' : ''}`} onClick={() => onChange(o)}>{o}</Text>
          ))}
        </View>
      );
    case 'date':
      return (
        <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={`apply-date ${value ? '' : 'empty'}`}>{value || `请选择${field.label}`}</View>
        </Picker>
      );
    default:
      return <Input className="apply-input" type={INPUT_TYPE[field.type] ?? 'text'} value={value} placeholder={placeholder} maxLength={field.maxLength} onChange={onChange} />;
  }
}
