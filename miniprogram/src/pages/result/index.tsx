import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Page } from '../../components';
import { go, usePageParams } from '../../services/routes';
import './index.scss';

/** 提交成功: the tracking number, and where to follow the request. */
export default function Result() {
  const { id = '', trackingNo = '' } = usePageParams();
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
      </View>
    </Page>
  );
}
