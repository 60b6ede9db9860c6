import { View } from '@tarojs/components';
import './Switch.scss';

type Props = { checked: boolean; onChange: (on: boolean) => void; label?: string; disabled?: boolean };

/**
 * An on/off switch drawn as NutUI's is (a pill with a knob, the theme's blue when on), but ours:
 * NutUI's Switch brought its ConfigProvider, locale and icons into the main package for one tap.
 */
export function Switch({ checked, onChange, label, disabled }: Props) {
  return (
    <View
      className={`zc-switch${checked ? ' zc-switch-on' : ''}${disabled ? ' zc-switch-disabled' : ''}`}
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <View className="zc-switch-knob" />
    </View>
  );
}
