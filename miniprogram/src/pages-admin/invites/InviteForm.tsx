import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionOutput } from '@shared/api.schema';
import { chinaDateTimeOf } from '@shared/china.time';
import { VillagePicker, FieldError } from '../../components';
import { QrGrid } from '../../components/QrGrid';
import { createInvite } from '../parts/admin.data';

type Made = ActionOutput<'admin', 'createInvite'>;
type Target = { id: string; name: string } | null;
const CITY = { id: 'city', name: '邹城市政务服务中心' };

/** The invitation form: a clerk of a picked center, or an administrator; then the code and its QR, shown once. */
export function InviteForm({ onMade }: { onMade: () => void }) {
  const [role, setRole] = useState<'clerk' | 'admin'>('clerk');
  const [center, setCenter] = useState<Target>(null);
  const [picking, setPicking] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [made, setMade] = useState<Made | null>(null);
  const submit = async () => {
    if (role === 'clerk' && !center) return setError('请选择服务中心');
    const grant = role === 'clerk' && center ? { role, centerId: center.id } : { role: 'admin' as const };
    const answer = await createInvite({ grant, ...(note.trim() ? { note: note.trim() } : {}) });
    if (!answer) return;
    setMade(answer);
    onMade();
  };
  if (made) {
    return (
      <View className="admin-center" data-invite-code={made.code}>
        <View className="zc-strong">{made.invite.grant.role === 'clerk' ? `${made.invite.centerName ?? ''}工作人员` : '市级管理员'}的邀请码</View>
        <View className="admin-code">{made.code}</View>
        <QrGrid text={made.code} />
        <View className="zc-muted">
          请把邀请码或二维码交给本人：在“我的—我有邀请码”输入或扫码。{chinaDateTimeOf(made.invite.expiresAt)}前有效，只能用一次。邀请码只显示这一次。
        </View>
        <Button
          block
          onClick={() => {
            setMade(null);
            setNote('');
          }}
        >
          再邀请一位
        </Button>
      </View>
    );
  }
  return (
    <View>
      <View className="admin-field">
        <Text className="admin-label">角色</Text>
        <View className="admin-choice">
          <Button type={role === 'clerk' ? 'primary' : 'default'} onClick={() => setRole('clerk')}>
            服务中心工作人员
          </Button>
          <Button type={role === 'admin' ? 'primary' : 'default'} onClick={() => setRole('admin')}>
            市级管理员
          </Button>
        </View>
      </View>
      {role === 'clerk' ? (
        <View className="admin-field" data-field="centerId">
          <Text className="admin-label">服务中心</Text>
          <View className="zc-strong">{center?.name ?? '未选择'}</View>
          <View className="admin-choice">
            <Button onClick={() => setPicking(true)}>选择镇街或村居的中心</Button>
            <Button
              onClick={() => {
                setCenter(CITY);
                setError('');
              }}
            >
              市政务服务中心
            </Button>
          </View>
        </View>
      ) : null}
      <View className="admin-field" data-field="note">
        <Text className="admin-label">备注（邀请谁，可不填）</Text>
        <Input value={note} maxLength={40} placeholder="如：庞家集村 代办员 王某" onChange={setNote} />
      </View>
      <FieldError message={error} />
      <Button type="primary" size="large" block onClick={() => void submit()}>
        生成邀请码
      </Button>
      <VillagePicker
        visible={picking}
        withTownshipCenter
        onClose={() => setPicking(false)}
        onPick={(c) => {
          setCenter(c);
          setPicking(false);
          setError('');
        }}
      />
    </View>
  );
}
