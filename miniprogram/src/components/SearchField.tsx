import { View, Input } from '@tarojs/components';
import type { ReactNode } from 'react';
import './SearchField.scss';

type Props = {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** the keyboard's 搜索 key */
  onSearch?: (value: string) => void;
  /** after the clear mark emptied the field */
  onClear?: () => void;
  /** inside the box on the right, such as a 搜索 link */
  action?: ReactNode;
  className?: string;
};

/**
 * A search field drawn as NutUI's SearchBar is (a magnifier, the text, a clear mark, a blue
 * frame), but ours: NutUI's brought its ConfigProvider, locale, icon set and hooks into the main
 * package, and the tabs (首页, 服务中心) need only a field.
 */
export function SearchField({ value, onChange, placeholder, onSearch, onClear, action, className }: Props) {
  return (
    <View className={`zc-search${className ? ` ${className}` : ''}`}>
      <View className="zc-search-box">
        <View className="zc-search-icon" />
        <Input
          className="zc-search-input"
          value={value}
          placeholder={placeholder}
          confirmType="search"
          onInput={(e) => onChange(e.detail.value)}
          onConfirm={(e) => onSearch?.(e.detail.value ?? value)}
        />
        {value ? (
          <View
            className="zc-search-clear"
            role="button"
            aria-label="清除"
            onClick={() => {
              onChange('');
              onClear?.();
            }}
          >
            <View className="zc-search-clear-icon" />
          </View>
        ) : null}
        {action ? <View className="zc-search-action">{action}</View> : null}
      </View>
    </View>
  );
}
