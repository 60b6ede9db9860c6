import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Item } from '@shared/catalogue.schema';
import type { RouteDecision } from '@shared/routing.schema';
import type { OwnMasked } from '@shared/form.schema';
import { Section } from '../../components';
import { useApplyForm, type ApplyDeps } from '../../hooks/useApplyForm';
import { IntakeOptions } from '../guide/IntakeOptions';
import { FormFieldInput } from './FormFieldInput';
import { MaterialPhotos } from './MaterialPhotos';
import { ConfirmSheet } from './ConfirmSheet';

type Props = { item: Item; route: RouteDecision; deps: ApplyDeps; initialIntake?: string; own?: OwnMasked; initialValues?: Record<string, string> };

/** The application: form fields, photos of materials, where to hand it in, a confirmation of all three, and one submit. */
export function ApplyForm({ item, route, deps, initialIntake, own, initialValues }: Props) {
  const f = useApplyForm(item, route, deps, initialIntake, own, initialValues);
  const problems = Object.values(f.errors).filter(Boolean).length;
  return (
    <View>
      {item.formFields.length ? (
        <Section title="填写申请信息">
          {f.filledIn ? <View className="zc-note apply-prefilled">已按您的实名信息填好本人信息，请核对</View> : null}
          {item.formFields.map((field) => (
            <FormFieldInput
              key={field.key}
              field={field}
              value={f.values[field.key] ?? ''}
              error={f.errors[field.key]}
              onChange={(v) => f.setValue(field.key, v)}
              ownPrefilled={!!f.prefilled[field.key] && f.values[field.key] === f.prefilled[field.key]}
            />
          ))}
        </Section>
      ) : null}
      {item.materials.length ? (
        <Section title="上传材料照片">
          {item.materials.map((m) => (
            <MaterialPhotos
              key={m.name}
              material={m}
              photos={f.photos[m.name] ?? []}
              error={f.errors[m.name]}
              onAdd={() => void f.addPhotos(m)}
              onRemove={(p) => f.removePhoto(m.name, p)}
            />
          ))}
        </Section>
      ) : null}
      <Section title="选择提交地点" plain>
        <IntakeOptions options={route.intake} deciderId={route.decider.id} selectedId={f.intakeId} onSelect={(o) => f.setIntakeId(o.center.id)} />
        {f.errors.intake ? <View className="zc-error-text">{f.errors.intake}</View> : null}
      </Section>
      <View className="zc-footer-space" />
      <View className="zc-footer-bar">
        {f.failure ? (
          <View className="zc-error-text apply-failure" role="alert">
            {f.failure.message}
          </View>
        ) : problems ? (
          <View className="zc-error-text apply-failure" role="alert">
            还有{problems}处需要修改，请看红色提示
          </View>
        ) : null}
        <Button type="primary" size="large" block disabled={f.submitting} onClick={f.review}>
          提交申请
        </Button>
      </View>
      <ConfirmSheet item={item} route={route} f={f} />
    </View>
  );
}
