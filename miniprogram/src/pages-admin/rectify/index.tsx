import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { RectificationCase } from '@shared/rectification.view';
import { Page, StateView } from '../../components';
import { ReturnCallDialog, type ReturnCallForm } from '../../components/ReturnCallDialog';
import { useSession } from '../../hooks/useSession';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/api';
import { CaseCard } from './CaseCard';
import '../parts/admin.scss';

/**
 * 差评整改: every open case across the city, earliest deadline first, the late ones marked; the
 * administrator records a return call (who phoned, when, what was said, satisfied or not), which
 * closes the case as the deciding center's clerk would.
 */
export default function RectifyPage() {
  const { user } = useSession();
  const [late, setLate] = useState(false);
  const [calling, setCalling] = useState<RectificationCase | null>(null);
  const cases = useQuery(() => call('admin', 'rectifications', { late, pageSize: 50 }, { toast: false }), [late]);
  const send = async (f: ReturnCallForm) => {
    if (!calling) return false;
    const a = await call('admin', 'returnCall', { id: calling.id, version: calling.version, ...f }, { loading: '正在保存' });
    if (!a.ok) return false;
    void Taro.showToast({ title: '已记录回访，整改结案', icon: 'success' });
    cases.reload();
    return true;
  };
  return (
    <Page className="admin">
      <View className="admin-choice rect-tabs" role="radiogroup" aria-label="整改范围">
        <Button size="small" type={late ? 'default' : 'primary'} onClick={() => setLate(false)} data-filter="open">
          全部待整改
        </Button>
        <Button size="small" type={late ? 'primary' : 'default'} onClick={() => setLate(true)} data-filter="late">
          已超期
        </Button>
        <Text className="zc-muted">{cases.data ? `共${cases.data.total}件` : ''}</Text>
      </View>
      <StateView
        loading={cases.loading && !cases.data}
        error={cases.error}
        onRetry={cases.reload}
        empty={!cases.data?.items.length}
        emptyText={late ? '没有超期未整改的差评' : '没有待整改的差评'}
      >
        <View className="admin-columns">
          {cases.data?.items.map((c) => (
            <CaseCard key={c.id} c={c}>
              <View className="admin-actions">
                <Button type="primary" size="small" onClick={() => setCalling(c)} data-call={c.id}>
                  登记回访
                </Button>
              </View>
            </CaseCard>
          ))}
        </View>
      </StateView>
      {calling ? <ReturnCallDialog callerName={user?.nameMasked ?? '市级管理员'} onSend={send} onClose={() => setCalling(null)} /> : null}
    </Page>
  );
}
