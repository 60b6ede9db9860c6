import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

export type ImportKind<A extends string> = { action: A; name: string; hint: string };

/** Which list an import reads: one button per kind, and the chosen kind's columns under them. */
export function ImportKindChoice<A extends string>(p: { kinds: readonly ImportKind<A>[]; kind: A; onPick: (action: A) => void; note: string }) {
  return (
    <>
      <View className="admin-choice">
        {p.kinds.map((k) => (
          <Button key={k.action} type={p.kind === k.action ? 'primary' : 'default'} onClick={() => p.onPick(k.action)}>
            {k.name}
          </Button>
        ))}
      </View>
      <View className="zc-muted" style={{ margin: '12px 0' }}>
        {p.kinds.find((k) => k.action === p.kind)?.hint}。{p.note}
      </View>
    </>
  );
}
