import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from './FieldError';

type Props = {
  problem: string | null;
  busy: boolean;
  confirmText: string;
  type?: 'primary' | 'default' | 'danger';
  onCancel: () => void;
  onConfirm: () => void;
};

/** The foot of a clerk's action dialog: what is wrong with the entry, if anything, then 取消 and the confirming button. */
export function DialogFooter({ problem, busy, confirmText, type = 'primary', onCancel, onConfirm }: Props) {
  return (
    <>
      <FieldError message={problem} />
      <View className="ap-dialog-buttons">
        <Button size="large" onClick={onCancel}>
          取消
        </Button>
        <Button size="large" type={type} loading={busy} disabled={busy} onClick={onConfirm}>
          {confirmText}
        </Button>
      </View>
    </>
  );
}
