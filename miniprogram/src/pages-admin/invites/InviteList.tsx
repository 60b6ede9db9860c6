import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InviteView } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import { change } from '../parts/admin.data';

/** The state of an invitation in words, with its tag colour. */
const stateOf = (i: InviteView): { text: string; tone: string } => {
  if (i.state === 'redeemed') return { text: '已使用', tone: 'ok' };
  if (i.state === 'revoked') return { text: '已作废', tone: 'gray' };
  return i.expired ? { text: '已过期', tone: 'gray' } : { text: '待使用', tone: 'warn' };
};

/** The invitations made, newest first; an open one can be revoked. */
export function InviteList({ items, onChanged }: { items: InviteView[]; onChanged: () => void }) {
  if (!items.length) return <View className="zc-muted">还没有邀请</View>;
  return (
    <View>
      {items.map((i) => {
        const s = stateOf(i);
        return (
          <View key={i.id} className="admin-line" data-invite={i.codeHint}>
            <View className="zc-row">
              <Text className="zc-strong">
                {i.grant.role === 'clerk' ? `${i.centerName ?? i.grant.centerId} 工作人员` : i.grant.role === 'company' ? '企业经办人' : '市级管理员'}
              </Text>
              <Text className={`zc-tag ${s.tone}`}>{s.text}</Text>
            </View>
            <View className="zc-muted">
              尾号 {i.codeHint} · {i.note ? `${i.note} · ` : ''}
              {i.state === 'redeemed' && i.redeemedAt ? `${chinaDateTimeOf(i.redeemedAt)} 已使用` : `${chinaDateTimeOf(i.expiresAt)} 前有效`}
            </View>
            {i.state === 'open' && !i.expired ? (
              <View className="admin-actions">
                <Button
                  size="small"
                  type="danger"
                  fill="outline"
                  onClick={async () => {
                    if (await change('revokeInvite', { id: i.id, version: i.version })) onChanged();
                  }}
                >
                  作废
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
