import { View, Text, Image } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DEMAND_CATEGORIES, type DemandCategory } from '@shared/demand.schema';
import { DemandFacts, Page, Section, StateView, Switch, FieldError } from '../../components';
import { useDemand } from '../../hooks/useCompany';
import { call } from '../../services/api';
import { fieldErrors } from '../../services/field.errors';
import { go, usePageParams } from '../../services/routes';
import { pickPhotos, uploadPhoto } from '../../services/upload';
import { askNoticeConsent } from '../../services/subscribe';
import { RatingPanel } from '../../pages-service/request/RatingPanel';
import '../parts/company.scss';
import '../../pages-service/apply/index.scss';

/** 企业诉求: a new demand (no id), or one demand with its answer and the company's rating. */
export default function DemandPage() {
  const { id = '' } = usePageParams();
  return id ? <DemandView id={id} /> : <RaiseForm />;
}

function DemandView({ id }: { id: string }) {
  const q = useDemand(id);
  const d = q.data?.demand;
  // the panel's reason tags (asked for a bad rating) go in front of the comment: a demand keeps one comment
  const rate = async (level: Parameters<Parameters<typeof RatingPanel>[0]['onRate']>[0], comment: string, reasons: string[] = []) => {
    if (!d) return false;
    const said = [reasons.join('、'), comment].filter(Boolean).join('：').slice(0, 500);
    const a = await call('demands', 'rate', { id: d.id, version: d.version, level, comment: said }, { loading: '正在提交' });
    if (a.ok) q.reload();
    return a.ok;
  };
  return (
    <Page title="企业诉求">
      <StateView loading={q.loading && !q.data} error={q.error} onRetry={q.reload}>
        {d ? (
          <>
            <DemandFacts demand={d} />
            {d.state === 'answered' ? (
              <Section title="评价答复">
                <RatingPanel onRate={rate} />
              </Section>
            ) : null}
            {d.rating ? (
              <View className="zc-card" data-rating={d.rating.level}>
                <View className="zc-strong">您的评价：{d.rating.level}</View>
                {d.state === 'reopened' ? <View className="zc-muted">您对答复不满意，诉求已重新办理，企业管家会回访您。</View> : null}
              </View>
            ) : null}
          </>
        ) : null}
      </StateView>
    </Page>
  );
}

function RaiseForm() {
  const [category, setCategory] = useState<DemandCategory | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [shareable, setShareable] = useState(false);
  const [files, setFiles] = useState<{ path: string; fileId: string | null }[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [folder] = useState(() => `demand-${Date.now().toString(36)}`);
  const add = async () => {
    for (const p of await pickPhotos(3)) {
      setFiles((f) => [...f, { path: p.path, fileId: null }]);
      const fileId = await uploadPhoto(p, '附件.jpg', folder);
      setFiles((f) => f.map((x) => (x.path === p.path ? { ...x, fileId } : x)));
    }
  };
  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!category) problems.category = '请选择诉求类别';
    if (title.trim().length < 2) problems.title = '请用一句话说明诉求';
    if (description.trim().length < 5) problems.description = '请写清楚具体情况（至少5个字）';
    setErrors(problems);
    if (Object.keys(problems).length || !category) return;
    const attachments = files.filter((f) => f.fileId).map((f, i) => ({ name: `附件${i + 1}`, fileId: f.fileId! }));
    // WeChat asks consent for the answers' notices inside this tap; the browser build has no such thing
    await askNoticeConsent('demand');
    const a = await call('demands', 'raise', { category, title, description, attachments, shareable }, { loading: '正在提交', toast: false });
    if (!a.ok) return setErrors({ ...fieldErrors(a.error), form: a.error.message });
    void Taro.showToast({ title: '已提交给企业管家', icon: 'none' });
    void Taro.redirectTo({ url: `/pages-company/demand/index?id=${a.data.demand.id}` }).catch(go.companyHome);
  };
  return (
    <Page title="提出诉求">
      <Section title="云上宠企 · 提出诉求">
        <View className="zc-muted">诉求先交给企业管家，1个工作日内确认，5个工作日内答复；需要其他部门办理的，由企业管家转办并全程跟进。</View>
        <View className="co-field" data-field="category">
          <Text className="co-label">诉求类别</Text>
          <View className="co-options">
            {DEMAND_CATEGORIES.map((c) => (
              <Text key={c} className={`co-option ${category === c ? 'on' : ''}`} onClick={() => setCategory(c)} data-option={c}>
                {c}
              </Text>
            ))}
          </View>
          {errors.category ? <View className="zc-error-text">{errors.category}</View> : null}
        </View>
        <View className="co-field" data-field="title">
          <Text className="co-label">标题</Text>
          <Input value={title} onChange={setTitle} placeholder="如：技改贷款贴息怎么申请" maxLength={60} />
          {errors.title ? <View className="zc-error-text">{errors.title}</View> : null}
        </View>
        <View className="co-field" data-field="description">
          <Text className="co-label">具体情况</Text>
          <TextArea value={description} onChange={setDescription} placeholder="写清楚遇到的问题、已经做了什么、希望得到什么帮助" maxLength={2000} />
          {errors.description ? <View className="zc-error-text">{errors.description}</View> : null}
        </View>
        <View className="co-field">
          <View className="zc-row">
            <Text className="co-label">附件</Text>
            <Button size="small" onClick={() => void add()}>
              拍照/选图
            </Button>
          </View>
          <View className="zc-wrap">
            {files.map((f) => (
              <Image key={f.path} src={f.path} mode="aspectFill" className="co-photo" />
            ))}
          </View>
        </View>
        <View className="co-field zc-row">
          <View>
            <View className="co-label">同意共享给相关部门</View>
            <View className="zc-muted">便于其他部门协同办理</View>
          </View>
          <Switch checked={shareable} onChange={setShareable} label="同意共享给相关部门" />
        </View>
        <FieldError message={errors.form} />
        <Button type="primary" size="large" block onClick={() => void submit()}>
          提交诉求
        </Button>
      </Section>
    </Page>
  );
}
