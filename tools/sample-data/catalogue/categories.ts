/**
 * The catalogue's categories with their departments and the templates items of a category draw on
 * (extra materials and conditions). Department names follow Zoucheng's real bureaus.
 */
import type { MaterialSpec } from '../../../shared/catalogue.schema';

/** A category with the city department, the township office, extra materials and conditions. */
export interface CategorySpec {
  department: string;
  townshipOffice: string;
  materials: readonly string[];
  conditions: readonly string[];
}

const spec = (department: string, townshipOffice: string, materials: string[], conditions: string[]): CategorySpec => ({
  department,
  townshipOffice,
  materials,
  conditions,
});

/** Every category of the sample catalogue. */
export const CATEGORIES = {
  社会保障: spec(
    '邹城市人力资源和社会保障局',
    '镇（街道）人社服务所',
    ['社会保障卡', '近期免冠照片（电子版）', '本人银行账户信息'],
    ['申请人已参加相应社会保险', '申请人提供的信息真实有效'],
  ),
  人力资源: spec(
    '邹城市人力资源和社会保障局',
    '镇（街道）人社服务所',
    ['就业创业证', '劳动合同', '学历证书'],
    ['申请人处于法定劳动年龄内', '申请人有就业或创业意愿'],
  ),
  医保: spec(
    '邹城市医疗保障局',
    '镇（街道）医保工作站',
    ['医保电子凭证或社会保障卡', '医疗费用票据', '病历资料'],
    ['申请人已参加基本医疗保险', '费用发生在政策规定范围内'],
  ),
  民政: spec(
    '邹城市民政局',
    '镇（街道）社会事务办公室',
    ['家庭收入情况声明', '家庭经济状况核对授权书', '户口簿'],
    ['申请人户籍在邹城市', '家庭经济状况符合政策规定'],
  ),
  残联: spec('邹城市残疾人联合会', '镇（街道）残疾人联合会', ['残疾人证', '医疗诊断证明', '近期免冠照片'], ['申请人持有第二代残疾人证', '申请人户籍在邹城市']),
  卫生健康: spec(
    '邹城市卫生健康局',
    '镇（街道）卫生健康办公室',
    ['结婚证', '子女出生医学证明', '独生子女父母光荣证'],
    ['符合国家和省计划生育奖励扶助政策', '申请人户籍在邹城市'],
  ),
  农业农村: spec(
    '邹城市农业农村局',
    '镇（街道）农业综合服务中心',
    ['土地承包经营权证', '农业经营主体信息表', '相关票据或合同'],
    ['申请人为本地农业生产经营者', '土地用途符合规定'],
  ),
  退役军人: spec(
    '邹城市退役军人事务局',
    '镇（街道）退役军人服务站',
    ['退役证', '退役军人优待证', '部队相关证明材料'],
    ['申请人为退役军人或其他优抚对象', '申请人户籍在邹城市'],
  ),
  公安户籍: spec(
    '邹城市公安局',
    '辖区派出所（为民服务中心户籍窗口）',
    ['户口簿', '近期免冠照片', '出生医学证明'],
    ['申请人为本市常住户口或居住人员', '按规定当面采集人像和指纹'],
  ),
  教育: spec('邹城市教育和体育局', '镇（街道）中心校', ['学籍信息表', '家庭经济困难情况说明', '户口簿'], ['学生具有正式学籍', '符合当年招生或资助政策']),
  司法: spec('邹城市司法局', '镇（街道）司法所', ['经济困难状况说明表', '与案件有关的材料'], ['申请事项属于受理范围', '申请人对案件事实作出说明']),
  自然资源: spec(
    '邹城市自然资源和规划局',
    '镇（街道）自然资源所',
    ['不动产权证书', '宗地图或权籍调查成果', '土地权属来源证明'],
    ['用地符合国土空间规划', '权属清楚无争议'],
  ),
  住房城乡建设: spec(
    '邹城市住房和城乡建设局',
    '镇（街道）村镇建设办公室',
    ['设计图纸', '施工合同', '规划许可文件'],
    ['建设项目已取得用地手续', '设计符合工程建设强制性标准'],
  ),
  市场监管: spec(
    '邹城市市场监督管理局',
    '镇（街道）市场监管所',
    ['经营场所使用证明', '章程或合伙协议', '从业人员健康证明'],
    ['名称和经营范围符合规定', '经营场所符合要求'],
  ),
  税务: spec(
    '国家税务总局邹城市税务局',
    '税务分局（为民服务中心税务窗口）',
    ['合同或发票', '税务事项通知书', '银行账户信息'],
    ['纳税人已完成信息确认', '申报内容真实完整'],
  ),
  水务: spec('邹城市水务局', '镇（街道）水利站', ['水资源论证报告', '项目位置图'], ['取用水或建设活动符合水资源规划', '不影响防洪安全']),
  交通运输: spec(
    '邹城市交通运输局',
    '镇（街道）交通管理站',
    ['车辆行驶证', '从业资格证', '安全生产管理制度'],
    ['有与经营相适应的车辆和人员', '有健全的安全生产管理制度'],
  ),
  文化旅游: spec(
    '邹城市文化和旅游局',
    '镇（街道）综合文化站',
    ['经营场所平面图', '消防安全证明材料', '安全管理制度'],
    ['经营场所符合消防和治安要求', '有必要的专业人员'],
  ),
  应急管理: spec(
    '邹城市应急管理局',
    '镇（街道）应急管理办公室',
    ['安全管理制度', '安全评价报告', '主要负责人安全培训合格证明'],
    ['储存和经营场所符合安全条件', '主要负责人经安全培训合格'],
  ),
  生态环境: spec(
    '济宁市生态环境局邹城市分局',
    '镇（街道）生态环境办公室',
    ['环境影响评价文件', '污染防治设施说明'],
    ['项目符合生态环境分区管控要求', '污染物排放符合标准'],
  ),
  城市管理: spec(
    '邹城市综合行政执法局',
    '镇（街道）综合行政执法中队',
    ['设置位置图', '设计效果图', '安全承诺书'],
    ['设置位置符合城市规划', '不影响交通和市容'],
  ),
  发展改革: spec('邹城市发展和改革局', '镇（街道）经济发展办公室', ['项目申请报告', '项目建议书'], ['项目符合产业政策', '项目单位已依法登记']),
  气象: spec('邹城市气象局', '镇（街道）应急管理办公室', ['防雷装置设计文件', '防雷检测报告'], ['设计单位和检测机构具有相应资质']),
  住房公积金: spec(
    '济宁市住房公积金管理中心邹城分中心',
    '镇（街道）为民服务中心公积金代办点',
    ['住房公积金缴存证明', '购房合同或租赁合同'],
    ['申请人正常缴存住房公积金', '符合提取或贷款条件'],
  ),
} satisfies Record<string, CategorySpec>;

/** The name of a category. */
export type Category = keyof typeof CATEGORIES;

/** The identity document every application starts with, by audience. */
export const IDENTITY_MATERIALS: Record<'person' | 'company' | 'both', MaterialSpec[]> = {
  person: [{ name: '居民身份证', paper: true, copies: 1, required: true, note: '原件核验，复印件留存' }],
  company: [
    { name: '营业执照', paper: true, copies: 1, required: true, note: '原件核验' },
    { name: '法定代表人身份证明', paper: true, copies: 1, required: true },
  ],
  both: [{ name: '申请人身份证明（个人为居民身份证，单位为营业执照）', paper: true, copies: 1, required: true }],
};

/** The application form itself, which most items ask for on paper. */
export const APPLICATION_FORM: MaterialSpec = { name: '申请表', paper: true, copies: 1, required: true, note: '窗口领取或线上填写' };

/** Conditions that depend on the level the matter is handled at. */
export const LEVEL_CONDITIONS = {
  village: '申请人户籍在本村（社区）或长期居住于本村（社区）',
  township: '申请人户籍或经营场所在本镇（街道）',
  city: '申请人户籍或经营场所在邹城市',
} as const;
