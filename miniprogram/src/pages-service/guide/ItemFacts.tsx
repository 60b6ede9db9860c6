import { View, Text } from '@tarojs/components';
import type { Item } from '@shared/catalogue.schema';
import { Section } from '../../components';
import { itemKindLabel, promisedLabel, visitsLabel } from '../../labels.zh-CN';

/** The guide proper: term, fee, visits, conditions and materials. */
export function ItemFacts({ item }: { item: Item }) {
  return (
    <>
      <View className="zc-card guide-facts">
        <Fact label="办理时限" value={promisedLabel(item.promisedDays)} />
        <Fact label="办件类型" value={itemKindLabel(item.kind)} />
        <Fact label="跑动次数" value={visitsLabel(item.visits)} />
        <Fact label="收费" value={item.fee} />
        <Fact label="主管部门" value={item.department} />
      </View>
      {item.conditions.length ? (
        <Section title="办理条件">
          {item.conditions.map((c, i) => (
            <View key={i} className="guide-bullet">
              {i + 1}. {c}
            </View>
          ))}
        </Section>
      ) : null}
      <Section title={`需要准备的材料（${item.materials.length}项）`}>
        {item.materials.map((m) => (
          <View key={m.name} className="zc-list-item">
            <Text className="zc-strong">{m.name}</Text>
            <View>
              <Text className={`zc-tag ${m.required ? 'warn' : 'gray'}`}>{m.required ? '必交' : '视情况'}</Text>
              {m.paper ? (
                <Text className="zc-tag gray">带原件{m.copies ? `，复印件${m.copies}份` : ''}</Text>
              ) : (
                <Text className="zc-tag gray">拍照上传即可</Text>
              )}
            </View>
            {m.note ? <View className="zc-muted">{m.note}</View> : null}
          </View>
        ))}
      </Section>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="guide-fact">
      <Text className="guide-fact-label">{label}</Text>
      <Text className="guide-fact-value">{value}</Text>
    </View>
  );
}
