import { View, Text, Picker } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { FormField } from '@shared/catalogue.schema';
import { FieldError } from '../../components';

type Props = {
  field: FormField;
  value: string;
  error?: string;
  onChange: (v: string) => void;
  /** the value is the applicant's own bound number, masked: say so, and that the full one is used */
  ownPrefilled?: boolean;
};

const INPUT_TYPE: Partial<Record<FormField['type'], 'text' | 'number' | 'digit' | 'idcard' | 'tel'>> = {
  phone: 'tel',
  idNumber: 'idcard',
  idOrCreditCode: 'text',
  creditCode: 'text',
  number: 'digit',
  text: 'text',
};

/** What a prefilled own number means, in the words of its kind. */
const OWN_HINT: Partial<Record<NonNullable<FormField['prefill']>, string>> = {
  ownIdNumber: '已填入您实名绑定的身份证号（部分隐藏），提交时使用完整号码；也可清空后重新填写',
  ownPhone: '已填入您绑定的手机号（部分隐藏），提交时使用完整号码；也可清空后重新填写',
};

/** One field of the application form with its label and inline error; the kind of input follows the field type. */
export function FormFieldInput({ field, value, error, onChange, ownPrefilled }: Props) {
  return (
    <View className={`apply-field ${error ? 'has-error' : ''}`} data-field={field.key}>
      <View className="apply-label">
        {field.required ? <Text className="apply-required">*</Text> : null}
        {field.label}
      </View>
      <Control field={field} value={value} onChange={onChange} />
      {ownPrefilled && field.prefill ? <View className="zc-muted apply-own">{OWN_HINT[field.prefill]}</View> : null}
      <FieldError message={error} />
    </View>
  );
}

function Control({ field, value, onChange }: Pick<Props, 'field' | 'value' | 'onChange'>) {
  const placeholder = field.placeholder ?? `请输入${field.label}`;
  switch (field.type) {
    case 'textarea':
      return <TextArea value={value} placeholder={placeholder} maxLength={field.maxLength ?? 500} onChange={onChange} />;
    case 'select':
      return (
        <View className="zc-wrap">
          {(field.options ?? []).map((o) => (
            <Text key={o} className={`zc-option ${value === o ? 'on' : ''}`} onClick={() => onChange(o)}>
              {o}
            </Text>
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
      return (
        <Input
          className="apply-input"
          type={INPUT_TYPE[field.type] ?? 'text'}
          value={value}
          placeholder={placeholder}
          maxLength={field.maxLength}
          onChange={onChange}
        />
      );
  }
}
