/**
 * Word parts for generated village and community names. The combinations follow how villages
 * around Zoucheng are named (前王庄, 孟家楼, 石门峪, 东关社区) without copying a real roster.
 */
import type { Rng } from './prng';

const DIRECTIONS = ['前', '后', '东', '西', '南', '北', '大', '小', '上', '下', '中', '新', '老'] as const;

const SURNAMES = [
  '王', '张', '李', '刘', '孟', '孔', '颜', '曾', '仲', '邵', '郭', '马', '朱', '胡', '高', '徐', '何', '郑',
  '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '田', '董', '袁', '潘', '于', '杜', '程', '苏',
  '魏', '吕', '丁', '任', '姚', '卢', '姜', '崔', '范', '金', '石', '贾', '夏', '付', '方', '白', '秦', '邱',
  '尹', '薛', '闫', '段', '侯', '史', '陶', '贺', '毛', '郝', '万', '武', '黄', '杨', '赵', '陈', '周', '吴',
  '岳', '葛', '鲍', '相', '满', '殷', '庞', '楚', '季', '申', '左', '蔺',
] as const;

/** Landscape and lore words that stand before a suffix (石门峪, 柳林沟, 八里屯). */
const FEATURES = [
  '石门', '柳林', '桑园', '杏花', '黄土', '白马', '青龙', '卧龙', '凤凰', '金山', '龙泉', '双山', '三合', '五里',
  '八里', '十里', '大河', '小河', '黑峪', '红山', '马鞍', '葫芦', '七星', '九龙', '羊山', '牛山', '鹿山', '鸡鸣',
  '槐树', '枣林', '桃园', '梨园', '松林', '杨树', '荆山', '白水', '望云', '孤山', '尚河', '凤山', '莲青', '磨石',
  '响水', '瓦屋', '土门', '北林', '柿子', '栗园', '卧虎', '虎头', '獐山', '铁山', '朝阳', '龙湾', '西沙', '东滩',
] as const;

/** One-character endings of village names. 村 is left out: the center name appends 村 itself. */
const SUFFIXES = [
  '庄', '庄', '庄', '楼', '营', '屯', '店', '洼', '集', '疃', '寨', '埠', '林', '园', '口', '河', '坡', '岭',
  '峪', '湖', '桥', '井', '庙', '沟', '泉', '铺', '堂',
] as const;

/** Words that make plausible community (社区) names in towns and streets. */
const COMMUNITY_WORDS = [
  '东关', '西关', '南关', '北关', '东城', '西城', '北城', '南城', '新华', '建设', '胜利', '幸福', '和谐', '惠民',
  '康居', '阳光', '金桥', '明珠', '兴华', '永安', '昌平', '锦绣', '绿洲', '光明', '团结', '和平', '春晖', '书香',
  '文苑', '华府', '龙山', '凤鸣', '岗山', '唐王', '崇义', '尚寺', '护驾', '峄阳', '平阳', '东沙河', '西苑', '北苑',
  '南苑', '康宁', '安居', '福兴', '瑞丰', '鸿福', '嘉和', '颐和', '泰和', '翰林', '中和', '湖畔', '滨河', '花园',
  '金城', '新城', '玉龙', '清泉', '泉韵', '凤凰城', '宏泰', '利民', '鲁源', '矿建', '孟庙', '儒林', '亚圣', '东滩',
] as const;

/** The two kinds of grassroots centers a village-level record can be. */
export type GrassrootsKind = 'village' | 'community';

/** Draws one village name such as 前王庄, 孟家楼, 石门峪 or 张王庄 (without the trailing 村). */
export const drawVillageName = (rng: Rng): string => {
  const roll = rng.next();
  const suffix = rng.pick(SUFFIXES);
  if (roll < 0.35) return rng.pick(DIRECTIONS) + rng.pick(SURNAMES) + suffix;
  if (roll < 0.7) return rng.pick(SURNAMES) + (rng.chance(0.5) ? '家' : '') + suffix;
  if (roll < 0.9) return rng.pick(FEATURES) + suffix;
  const [a, b] = rng.shuffle(SURNAMES).slice(0, 2);
  return a + b + suffix;
};

/** Draws one community name such as 东关 or 新城 (without the trailing 社区). */
export const drawCommunityName = (rng: Rng): string => {
  const word = rng.pick(COMMUNITY_WORDS);
  const direction = rng.pick(DIRECTIONS.slice(0, 6));
  // a direction before 东关 would read as nonsense (北东关), so only plain words get one
  return rng.chance(0.8) || word.startsWith(direction) || DIRECTIONS.some((d) => word.startsWith(d)) ? word : direction + word;
};
