import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page } from '../../components';
import { useRequest } from '../../hooks/useRequest';
import { useCatalogueItem } from '../../hooks/useClerk';
import { useCenter } from '../../hooks/useCenter';
import { go, usePageParams } from '../../services/routes';
import { originalsToBring } from './originals';
import './index.scss';

/** 提交成功: the tracking number, the paper originals to bring where and by when, and where to follow the request. */
export default function Result() {
  const { id = '', trackingNo = '' } = usePageParams();
  const req = useRequest(id).data?.request;
  const item = useCatalogueItem(req?.itemCode).data?.item;
  const intake = useCenter(req?.intakeCenterId ?? '').data?.center;
  const note = req && item ? originalsToBring(item.materials, req.submittedAt) : null;
  return (
    <Page>
      <View className="zc-card result">
        <View className="result-icon">✓</View>
        <View className="result-title">申请已提交</View>
        <View className="zc-muted">请记下您的办件编号</View>
        <View className="result-no" aria-label="办件编号">
          {trackingNo}
        </View>
        <View className="zc-muted">工作人员受理后会开始计算办理期限，进度可在“我的办件”查看。</View>
      </View>
      {note && intake ? (
        <View className="zc-card result-originals" data-originals={note.items.length}>
          {note.items.length ? (
            <>
              <View className="zc-strong">请带上纸质原件</View>
              {note.items.map((i) => (
                <View key={i} className="result-original">
                  · {i}
                </View>
              ))}
              <View className="result-where">
                送到：<Text className="zc-strong">{intake.name}</Text>
              </View>
              <View className="zc-muted">{intake.address}</View>
              <View className="zc-muted">{intake.hours}</View>
              <View className="result-by">{note.by ? `请在 ${note.by} 前送到，工作人员核对原件后继续办理` : '请尽快送到，工作人员核对原件后继续办理'}</View>
            </>
          ) : (
            <View className="zc-strong">材料都已拍照上传，不用再送纸质原件</View>
          )}
        </View>
      ) : null}
      <View className="result-actions">
        <Button type="primary" size="large" block onClick={() => go.request(id)}>
          查看办理进度
        </Button>
        <Button size="large" block onClick={() => go.tab('requests')}>
          我的全部办件
        </Button>
        <Button size="large" block fill="none" onClick={() => go.tab('home')}>
          返回首页
        </Button>
      </View>
    </Page>
  );
}
