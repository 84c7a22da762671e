// JOB-4 / JOB-7 at city scale: a generated Taiyuan job market (BENCH_PERSONS persons, default
// 1,000,000, about a tenth of them seeking work; BENCH_VACANCIES live vacancies, default 100,000;
// ~2,000 employers), loaded with bulk inserts, then top-20 matching both ways and the public board's
// search timed against a plain ILIKE search of the same page in the same run.
//
//   npm run bench -- jobs
//   BENCH_PERSONS=50000 BENCH_VACANCIES=10000 npm run bench -- jobs
//   BENCH_SAMPLES=200 (timed calls per figure)  BENCH_SECONDS=10 (per throughput figure)
import crypto from 'node:crypto';
import os from 'node:os';
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { creditCodeCheckCharacter } from '../src/shared/creditCode.js';
import { occupationName } from '../src/shared/occupations.js';
import { bulkInsert, type BulkColumn } from '../src/server/db/bulk.js';
import type { Database, DbHandle } from '../src/server/db/connection.js';
import { employers, regions, vacancies } from '../src/server/db/schema.js';
import { seededRandom } from '../src/server/demo/people.js';
import { shanghaiDateOf } from '../src/server/platform/clock.js';
import type { Ctx } from '../src/server/platform/context.js';
import type { Sealer } from '../src/server/platform/crypto.js';
import { matchesForPerson, matchesForVacancy } from '../src/server/modules/matching/service.js';
import { matchProfileRows, seekerLookupBulkColumns, seekerProfileBulkColumns } from '../src/server/modules/persons/repo.js';
import { insertVacancyProfilesInBulk } from '../src/server/modules/vacancies/repo.js';
import { openDatabase } from '../src/server/db/connection.js';
import { writeBenchResults } from './results.js';
import { matchKeysOf } from '../src/server/modules/matching/rules.js';
import { publicColumns, publiclyVisible, searchPublic } from '../src/server/modules/vacancies/repo.js';
import { searchQuery, searchTokens } from '../src/server/modules/vacancies/searchText.js';

export interface JobsTarget {
  name: string;
  handle: DbHandle;
  sealer: Sealer;
}

const personCount = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const vacancyCount = Number(process.env.BENCH_VACANCIES ?? 100_000);
const employerCount = Math.max(50, Math.min(2000, Math.round(vacancyCount / 50)));
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const searchTerms = ['焊工', '司机', '会计', '保洁', '焊', '电工', '叉车司机'] as const;

// ---------------------------------------------------------------------------------------------
// The market: trades (an occupation code, the skill seekers and vacancies share, titles and duty
// sentences), sectors of employers that hire them, and the weights that make it look like a city's
// board: many sales, service, cleaning, security and driving posts, few programmers and nurses.

interface Trade {
  code: string;
  /** The skill both sides record (s: key); null for unskilled posts. */
  skill: string | null;
  /** Skills a vacancy of this trade sometimes also asks for. */
  extra?: string[];
  titles: string[];
  duties: string[];
  /** Monthly wage of a typical post, yuan: [low, high]. */
  wage: [number, number];
  education: (string | null)[];
  /** How often seekers wish for it (vacancies follow the sectors below). */
  seekers: number;
}

const trades: Record<string, Trade> = {
  welder: {
    code: '6-18-02-04',
    skill: '焊工',
    titles: ['电焊工', '焊工', '氩弧焊工', '二保焊工', '钢结构焊工'],
    duties: ['负责钢结构件的焊接，能看懂图纸', '持特种作业操作证（焊接与热切割）', '会二保焊、氩弧焊，能焊不锈钢薄板者优先'],
    wage: [5500, 9000],
    education: [null, '初中'],
    seekers: 4,
  },
  electrician: {
    code: '6-31-01-03',
    skill: '电工',
    titles: ['电工', '维修电工', '低压电工', '物业电工', '高压电工'],
    duties: ['负责供配电设备日常巡检和维修', '持低压电工作业证', '能适应倒班，会看电气图纸'],
    wage: [4500, 7500],
    education: [null, '高中/中专/技校'],
    seekers: 4,
  },
  forklift: {
    code: '6-30-05-01',
    skill: '叉车司机',
    titles: ['叉车司机', '叉车工', '仓库叉车司机'],
    duties: ['负责仓库货物装卸、搬运和码放', '持N1叉车证，有两年以上驾驶经验'],
    wage: [4500, 6500],
    education: [null],
    seekers: 3,
  },
  truck: {
    code: '4-02-02-02',
    skill: '驾驶',
    extra: ['B2驾照'],
    titles: ['货车司机', '配送司机', '物流司机', '厢式货车司机', 'A2货车司机'],
    duties: ['负责太原市区及周边货物配送', '持B2及以上驾驶证，三年以上驾龄，熟悉太原路况'],
    wage: [6000, 10000],
    education: [null],
    seekers: 4,
  },
  passenger: {
    code: '4-02-02-01',
    skill: '驾驶',
    titles: ['网约车司机', '班车司机', '公交司机', '小车司机', '商务车司机'],
    duties: ['负责员工班车或公务车辆驾驶，保持车辆整洁', '驾驶技术熟练，无重大事故记录'],
    wage: [5000, 8000],
    education: [null],
    seekers: 3,
  },
  accountant: {
    code: '2-06-03-00',
    skill: '会计',
    extra: ['办公软件'],
    titles: ['会计', '出纳', '财务会计', '主办会计', '成本会计', '会计助理'],
    duties: ['负责总账、报税和成本核算', '熟悉金蝶或用友财务软件', '有初级会计职称者优先'],
    wage: [4000, 7000],
    education: ['大学专科', '大学本科'],
    seekers: 4,
  },
  cleaner: {
    code: '4-09-08-01',
    skill: '保洁',
    titles: ['保洁员', '保洁', '商场保洁', '医院保洁', '写字楼保洁', '小区保洁'],
    duties: ['负责公共区域日常清洁', '早八晚五，适合就近就业', '吃苦耐劳，年龄不限'],
    wage: [2300, 3200],
    education: [null],
    seekers: 6,
  },
  cook: {
    code: '4-03-02-01',
    skill: '厨师',
    titles: ['厨师', '中餐厨师', '热菜厨师', '厨师长', '配菜员'],
    duties: ['会做晋菜，能独立出菜', '持健康证，工作时间10:00-21:00'],
    wage: [4500, 8000],
    education: [null],
    seekers: 3,
  },
  pastry: {
    code: '4-03-02-02',
    skill: '面点',
    titles: ['面点师', '面食师傅', '刀削面师傅', '早点师傅'],
    duties: ['会做刀削面、莜面等山西面食', '持健康证，能早起'],
    wage: [4000, 6500],
    education: [null],
    seekers: 2,
  },
  waiter: {
    code: '4-03-02-05',
    skill: '餐厅服务',
    titles: ['服务员', '餐厅服务员', '传菜员', '前厅服务员', '酒店服务员'],
    duties: ['负责点菜、传菜和餐厅卫生', '形象整洁，普通话标准'],
    wage: [2800, 4000],
    education: [null],
    seekers: 5,
  },
  guard: {
    code: '4-07-05-01',
    skill: '保安',
    titles: ['保安', '保安员', '门岗保安', '巡逻保安', '小区保安', '监控员'],
    duties: ['负责门岗值守、巡逻和来访登记', '持保安员证，做二休一'],
    wage: [2800, 4000],
    education: [null],
    seekers: 5,
  },
  courier: {
    code: '4-02-07-08',
    skill: '快递',
    titles: ['快递员', '快递派送员', '快递揽收员', '驻点快递员'],
    duties: ['负责片区派件揽件，公司提供电动车', '多劳多得，熟悉片区道路者优先'],
    wage: [5000, 8500],
    education: [null],
    seekers: 3,
  },
  rider: {
    code: '4-10-08-01',
    skill: '配送',
    titles: ['外卖骑手', '外卖配送员', '同城配送员', '骑手'],
    duties: ['负责外卖订单配送，时间灵活', '会使用智能手机导航'],
    wage: [5000, 9000],
    education: [null],
    seekers: 4,
  },
  sales: {
    code: '4-01-02-01',
    skill: '销售',
    titles: ['销售代表', '销售员', '门店销售', '电话销售', '汽车销售顾问', '房产销售', '销售经理'],
    duties: ['负责客户开发和维护，完成销售任务', '底薪加提成，沟通能力强', '有相关行业销售经验者优先'],
    wage: [3500, 10000],
    education: [null, '高中/中专/技校', '大学专科'],
    seekers: 6,
  },
  shop: {
    code: '4-01-02-03',
    skill: '销售',
    titles: ['营业员', '导购员', '超市营业员', '专柜导购'],
    duties: ['负责商品陈列、导购和盘点', '做六休一，轮班'],
    wage: [2800, 4500],
    education: [null],
    seekers: 4,
  },
  cashier: {
    code: '4-01-02-04',
    skill: '收银',
    titles: ['收银员', '超市收银员', '前台收银'],
    duties: ['负责收银和对账，会使用收银系统', '细心负责，账目清楚'],
    wage: [2600, 3800],
    education: [null, '高中/中专/技校'],
    seekers: 3,
  },
  service: {
    code: '4-04-05-03',
    skill: '客服',
    titles: ['客服专员', '电话客服', '在线客服', '售后客服', '客服代表'],
    duties: ['负责电话或在线解答客户咨询、处理投诉', '普通话标准，打字每分钟50字以上'],
    wage: [3500, 5500],
    education: ['高中/中专/技校', '大学专科'],
    seekers: 4,
  },
  warehouse: {
    code: '4-02-06-01',
    skill: '仓储管理',
    extra: ['叉车司机', '办公软件'],
    titles: ['仓管员', '仓库管理员', '库管', '仓储专员'],
    duties: ['负责出入库登记和盘点', '会使用电脑和仓储管理系统，有叉车证者优先'],
    wage: [3800, 5500],
    education: [null, '高中/中专/技校'],
    seekers: 3,
  },
  tally: {
    code: '4-02-06-02',
    skill: '仓储管理',
    titles: ['理货员', '分拣员', '打包员'],
    duties: ['负责货物分拣、理货和打包', '两班倒，包工作餐'],
    wage: [3500, 5000],
    education: [null],
    seekers: 3,
  },
  loader: {
    code: '4-02-05-01',
    skill: null,
    titles: ['装卸工', '搬运工', '物流装卸工'],
    duties: ['负责货物装卸搬运', '身体健康，能吃苦'],
    wage: [4000, 6500],
    education: [null],
    seekers: 4,
  },
  nanny: {
    code: '4-10-01-03',
    skill: '育婴员',
    titles: ['育婴师', '育婴员', '保育员', '月嫂', '早教老师'],
    duties: ['负责婴幼儿日常照护和早期教育', '持育婴员证书者优先，公司免费培训'],
    wage: [4000, 9000],
    education: [null, '初中'],
    seekers: 3,
  },
  housekeeping: {
    code: '4-10-01-06',
    skill: '家政服务',
    titles: ['家政服务员', '住家保姆', '钟点工', '家政保洁'],
    duties: ['提供居家保洁、做饭、照护服务', '按单结算，时间灵活'],
    wage: [3500, 6000],
    education: [null],
    seekers: 4,
  },
  carer: {
    code: '4-14-01-02',
    skill: '护理',
    titles: ['护工', '医院护工', '陪护', '医疗护理员'],
    duties: ['负责住院病人生活照护', '有护理经验者优先，提供岗前培训'],
    wage: [4000, 6500],
    education: [null],
    seekers: 3,
  },
  eldercare: {
    code: '4-10-01-05',
    skill: '护理',
    titles: ['养老护理员', '护理员', '养老院护理员'],
    duties: ['照护失能半失能老人起居', '持养老护理员证书者优先'],
    wage: [3500, 5500],
    education: [null],
    seekers: 2,
  },
  fitter: {
    code: '6-20-01-01',
    skill: '钳工',
    titles: ['装配钳工', '钳工', '设备装配工'],
    duties: ['机械设备装配与调试，能识读装配图', '有钳工职业资格证书者优先'],
    wage: [5000, 7500],
    education: ['高中/中专/技校'],
    seekers: 2,
  },
  mechanic: {
    code: '6-31-01-02',
    skill: '钳工',
    titles: ['机修钳工', '设备维修工', '机修工'],
    duties: ['负责生产设备的维护和故障排除', '能适应倒班'],
    wage: [5000, 8000],
    education: ['高中/中专/技校'],
    seekers: 2,
  },
  turner: {
    code: '6-18-01-01',
    skill: '车床',
    titles: ['车工', '数控车工', 'CNC操作工'],
    duties: ['操作普通车床或数控车床加工零件', '会编程者优先'],
    wage: [5000, 8000],
    education: ['高中/中专/技校'],
    seekers: 2,
  },
  autorepair: {
    code: '4-12-01-01',
    skill: '汽车维修',
    titles: ['汽修工', '汽车维修工', '汽车钣金工', '汽车喷漆工', '汽修学徒'],
    duties: ['负责车辆保养和故障维修', '学徒可带薪学习'],
    wage: [4000, 8000],
    education: [null],
    seekers: 2,
  },
  bricklayer: {
    code: '6-29-01-01',
    skill: '建筑施工',
    titles: ['瓦工', '砌筑工', '泥瓦工'],
    duties: ['负责砌墙、抹灰等施工', '按天计酬，工资日结或月结'],
    wage: [6000, 9000],
    education: [null],
    seekers: 2,
  },
  rebar: {
    code: '6-29-01-04',
    skill: '建筑施工',
    titles: ['钢筋工', '架子工', '混凝土工'],
    duties: ['负责工地钢筋绑扎或脚手架搭设', '持证上岗，服从安排'],
    wage: [6000, 9500],
    education: [null],
    seekers: 2,
  },
  decorator: {
    code: '6-29-04-01',
    skill: '装修',
    titles: ['装修工', '油漆工', '水电工', '木工'],
    duties: ['负责室内装修施工', '有三年以上装修经验'],
    wage: [6000, 10000],
    education: [null],
    seekers: 2,
  },
  miner: {
    code: '6-16-01-05',
    skill: '井下作业',
    titles: ['井下采煤工', '采煤工', '掘进工', '井下支护工'],
    duties: ['煤矿井下作业，持特种作业证', '下井补贴另计，缴纳五险'],
    wage: [8000, 13000],
    education: ['初中'],
    seekers: 2,
  },
  clerk: {
    code: '3-01-01-01',
    skill: '办公软件',
    titles: ['行政文员', '办公室文员', '前台文员', '行政专员', '文员'],
    duties: ['负责文件收发、会议安排和办公用品管理', '熟练使用Word、Excel'],
    wage: [3000, 4500],
    education: ['大学专科', '大学本科'],
    seekers: 6,
  },
  programmer: {
    code: '2-02-10-03',
    skill: '编程',
    titles: ['Java开发工程师', '软件工程师', '前端开发工程师', 'Python开发工程师', '测试工程师'],
    duties: ['负责业务系统的开发和维护', '熟悉Java或Python，了解MySQL'],
    wage: [7000, 15000],
    education: ['大学本科'],
    seekers: 2,
  },
  teacher: {
    code: '2-08-02-04',
    skill: '教师资格',
    titles: ['小学语文教师', '小学数学教师', '英语老师', '课外辅导老师'],
    duties: ['负责学科教学和作业辅导', '持教师资格证'],
    wage: [4000, 7000],
    education: ['大学本科'],
    seekers: 2,
  },
  kindergarten: {
    code: '2-08-03-00',
    skill: '教师资格',
    titles: ['幼儿园教师', '幼师', '幼儿教师'],
    duties: ['负责幼儿保育和教学活动', '持幼儿园教师资格证，会弹琴跳舞者优先'],
    wage: [3500, 5500],
    education: ['大学专科'],
    seekers: 2,
  },
  nurse: {
    code: '2-05-08-01',
    skill: '护士资格',
    titles: ['护士', '内科护士', '社区护士'],
    duties: ['负责临床护理工作', '持护士执业证书'],
    wage: [4000, 7000],
    education: ['大学专科'],
    seekers: 1,
  },
  inspector: {
    code: '6-31-03-05',
    skill: '质检',
    titles: ['质检员', '品管员', 'QC质检员'],
    duties: ['负责产品检验和质量记录', '会使用卡尺、千分尺等量具'],
    wage: [4000, 6000],
    education: ['高中/中专/技校'],
    seekers: 2,
  },
  property: {
    code: '4-06-01-01',
    skill: '物业管理',
    titles: ['物业管理员', '物业客服', '物业管家'],
    duties: ['负责小区业主服务和收费', '有物业工作经验者优先'],
    wage: [3500, 5000],
    education: ['高中/中专/技校', '大学专科'],
    seekers: 2,
  },
  hairdresser: {
    code: '4-10-03-02',
    skill: '美发',
    titles: ['美发师', '发型师', '美发助理'],
    duties: ['为顾客提供剪发、烫染服务', '学徒包教包会'],
    wage: [3500, 8000],
    education: [null],
    seekers: 1,
  },
  beautician: {
    code: '4-10-03-01',
    skill: '美容',
    titles: ['美容师', '美容顾问'],
    duties: ['提供皮肤护理服务', '公司免费培训'],
    wage: [3500, 7000],
    education: [null],
    seekers: 1,
  },
  packer: {
    code: '6-31-05-00',
    skill: null,
    titles: ['包装工', '普工', '流水线普工', '操作工'],
    duties: ['负责流水线操作和产品包装', '长白班，包吃住'],
    wage: [3800, 5500],
    education: [null],
    seekers: 5,
  },
  assembler: {
    code: '6-22-01-01',
    skill: null,
    titles: ['汽车生产线操作工', '装配工', '线束装配工'],
    duties: ['负责生产线装配作业', '两班倒，有夜班补贴'],
    wage: [4500, 6500],
    education: [null, '初中'],
    seekers: 2,
  },
  vinegar: {
    code: '6-02-05-03',
    skill: null,
    titles: ['酿醋工', '老陈醋酿造工'],
    duties: ['负责老陈醋酿造的熏醅、淋醋等工序', '吃苦耐劳，本地人优先'],
    wage: [3500, 5000],
    education: [null],
    seekers: 1,
  },
  liquor: {
    code: '6-02-06-03',
    skill: null,
    titles: ['白酒酿造工', '酿酒工'],
    duties: ['负责清香型白酒酿造生产', '有酿造经验者优先'],
    wage: [4000, 6000],
    education: [null],
    seekers: 1,
  },
  gardener: {
    code: '4-09-10-01',
    skill: '园林绿化',
    titles: ['绿化工', '园林绿化工', '绿化养护工'],
    duties: ['负责园区绿化养护和浇灌修剪', '适合中年人'],
    wage: [2800, 3800],
    education: [null],
    seekers: 1,
  },
  ecommerce: {
    code: '4-01-06-01',
    skill: '电子商务',
    titles: ['电商运营', '网店运营', '主播助理', '直播运营'],
    duties: ['负责网店日常运营和活动策划', '熟悉抖音、淘宝平台规则'],
    wage: [4000, 8000],
    education: ['大学专科'],
    seekers: 2,
  },
  hr: {
    code: '4-07-03-04',
    skill: '人力资源',
    titles: ['人事专员', '招聘专员', '人力资源专员'],
    duties: ['负责招聘、入职和社保办理', '熟悉劳动法'],
    wage: [3500, 6000],
    education: ['大学专科', '大学本科'],
    seekers: 2,
  },
  safety: {
    code: '6-31-06-00',
    skill: '安全员证',
    titles: ['安全员', '安全管理员', '工地安全员'],
    duties: ['负责现场安全检查和隐患整改', '持安全员证'],
    wage: [4500, 7000],
    education: ['高中/中专/技校'],
    seekers: 1,
  },
  steel: {
    code: '6-17-02-02',
    skill: null,
    titles: ['炼钢工', '炉前工'],
    duties: ['负责转炉炼钢生产操作', '四班三倒，高温补贴'],
    wage: [6000, 9000],
    education: ['初中'],
    seekers: 1,
  },
  coke: {
    code: '6-10-02-02',
    skill: null,
    titles: ['焦炉工', '炼焦工'],
    duties: ['负责焦炉操作和巡检', '四班三倒'],
    wage: [5500, 8500],
    education: ['初中'],
    seekers: 1,
  },
};
type TradeKey = keyof typeof trades;

/** Employer sectors: industry section (GB/T 4754), name words, trades they hire (weighted) and their share of employers. */
const sectors: { industry: string; words: string[]; hires: [TradeKey, number][]; share: number }[] = [
  {
    industry: 'C',
    words: ['机械', '重工', '机电', '精密制造', '装备制造', '汽车零部件'],
    hires: [
      ['welder', 5],
      ['electrician', 3],
      ['fitter', 3],
      ['mechanic', 2],
      ['turner', 3],
      ['inspector', 2],
      ['packer', 5],
      ['warehouse', 2],
      ['forklift', 2],
      ['assembler', 3],
      ['safety', 1],
      ['steel', 1],
    ],
    share: 14,
  },
  {
    industry: 'C',
    words: ['食品', '老陈醋', '酒业', '面业'],
    hires: [
      ['packer', 5],
      ['vinegar', 3],
      ['liquor', 2],
      ['inspector', 2],
      ['sales', 2],
      ['warehouse', 1],
      ['truck', 1],
    ],
    share: 4,
  },
  {
    industry: 'E',
    words: ['建筑安装', '建设工程', '钢结构工程', '装饰工程', '市政工程'],
    hires: [
      ['bricklayer', 4],
      ['rebar', 4],
      ['decorator', 3],
      ['welder', 3],
      ['electrician', 2],
      ['safety', 2],
      ['loader', 2],
    ],
    share: 9,
  },
  {
    industry: 'K',
    words: ['物业管理', '物业服务'],
    hires: [
      ['cleaner', 6],
      ['guard', 5],
      ['electrician', 2],
      ['property', 3],
      ['gardener', 2],
    ],
    share: 8,
  },
  {
    industry: 'H',
    words: ['餐饮管理', '酒店管理', '面食', '饮食文化'],
    hires: [
      ['cook', 4],
      ['pastry', 3],
      ['waiter', 6],
      ['cashier', 2],
      ['cleaner', 1],
    ],
    share: 11,
  },
  {
    industry: 'G',
    words: ['物流', '供应链', '快递', '运输', '冷链物流'],
    hires: [
      ['truck', 4],
      ['courier', 5],
      ['rider', 3],
      ['forklift', 3],
      ['warehouse', 3],
      ['tally', 4],
      ['loader', 4],
      ['service', 1],
    ],
    share: 10,
  },
  {
    industry: 'F',
    words: ['商贸', '百货', '超市', '连锁', '医药连锁'],
    hires: [
      ['shop', 5],
      ['cashier', 4],
      ['sales', 4],
      ['tally', 2],
      ['service', 2],
      ['ecommerce', 1],
      ['warehouse', 1],
    ],
    share: 12,
  },
  {
    industry: 'O',
    words: ['家政服务', '母婴护理', '保洁服务'],
    hires: [
      ['housekeeping', 5],
      ['nanny', 4],
      ['cleaner', 3],
      ['carer', 1],
    ],
    share: 5,
  },
  {
    industry: 'Q',
    words: ['养老服务', '康养', '医院管理', '护理院'],
    hires: [
      ['carer', 4],
      ['eldercare', 4],
      ['nurse', 2],
      ['cleaner', 2],
      ['cook', 1],
    ],
    share: 5,
  },
  {
    industry: 'I',
    words: ['电子科技', '信息技术', '软件', '网络科技', '数据科技'],
    hires: [
      ['programmer', 5],
      ['service', 4],
      ['sales', 3],
      ['ecommerce', 2],
      ['clerk', 1],
    ],
    share: 6,
  },
  {
    industry: 'L',
    words: ['保安服务', '安保'],
    hires: [
      ['guard', 10],
      ['passenger', 1],
    ],
    share: 3,
  },
  {
    industry: 'B',
    words: ['煤业', '焦化', '能源'],
    hires: [
      ['miner', 5],
      ['electrician', 2],
      ['mechanic', 2],
      ['safety', 2],
      ['welder', 1],
      ['coke', 2],
      ['passenger', 1],
    ],
    share: 3,
  },
  {
    industry: 'P',
    words: ['教育咨询', '培训学校', '幼儿园'],
    hires: [
      ['teacher', 4],
      ['kindergarten', 4],
      ['nanny', 2],
      ['sales', 1],
    ],
    share: 3,
  },
  {
    industry: 'O',
    words: ['汽车服务', '汽车销售服务', '汽车修理'],
    hires: [
      ['autorepair', 5],
      ['sales', 3],
      ['service', 1],
    ],
    share: 3,
  },
  {
    industry: 'L',
    words: ['人力资源', '商务咨询', '企业管理咨询', '财务咨询'],
    hires: [
      ['accountant', 4],
      ['clerk', 4],
      ['hr', 3],
      ['sales', 3],
      ['service', 2],
    ],
    share: 6,
  },
  {
    industry: 'O',
    words: ['美容美发', '美业'],
    hires: [
      ['hairdresser', 4],
      ['beautician', 3],
      ['cashier', 1],
    ],
    share: 2,
  },
];
/** Office posts any employer may have besides its sector's trades. */
const officeTrades: TradeKey[] = ['accountant', 'clerk', 'hr', 'sales', 'passenger'];

const brandWords = [
  '晋阳',
  '龙城',
  '并州',
  '汾河',
  '迎泽',
  '双塔',
  '晋祠',
  '天龙',
  '锦绣',
  '华晋',
  '三晋',
  '恒达',
  '鑫源',
  '宏达',
  '瑞丰',
  '永泰',
  '盛世',
  '金桥',
  '中泰',
  '长风',
  '太行',
  '吕梁',
  '云冈',
  '五台',
  '汾水',
  '尧都',
  '坞城',
  '学府',
  '亲贤',
  '柳巷',
  '钟楼',
  '开化',
  '康乐',
  '顺和',
  '嘉禾',
  '润泽',
  '东升',
  '新源',
  '博远',
  '百川',
  '众诚',
  '和信',
  '安泰',
  '丰源',
  '德润',
  '久安',
  '晟通',
  '华宇',
  '佳禾',
  '万通',
];
const roads = [
  '坞城路',
  '学府街',
  '长治路',
  '并州南路',
  '体育路',
  '平阳路',
  '北营南路',
  '亲贤街',
  '五一路',
  '迎泽大街',
  '府西街',
  '解放路',
  '胜利街',
  '新建路',
  '南内环街',
  '滨河东路',
  '晋祠路',
  '和平南路',
  '兴华街',
  '千峰南路',
  '长风街',
  '龙城大街',
];
const requirements = [
  '身体健康，吃苦耐劳',
  '有相关工作经验者优先',
  '能适应倒班',
  '责任心强，服从安排',
  '男女不限',
  '退役军人优先',
  '应届毕业生亦可',
  '有无经验均可，公司带教',
  '持健康证上岗',
];
const benefits = [
  '五险一金',
  '缴纳社会保险',
  '包吃住',
  '包午餐',
  '月休四天',
  '周末双休',
  '节假日福利',
  '年终奖',
  '提供住宿',
  '加班有加班费',
  '岗前带薪培训',
  '工资月结，从不拖欠',
  '满勤奖',
  '交通补贴',
];
const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力梅鑫斌宇浩凯云莉健俊帅婷雪琳晨阳佳欣';
/** Education of the working-age ledger (rough Taiyuan census shares). */
const educationMix: [string, number][] = [
  ['小学及以下', 5],
  ['初中', 30],
  ['高中/中专/技校', 28],
  ['大学专科', 18],
  ['大学本科', 16],
  ['研究生', 3],
];

type Rand = () => number;

function weighted<T>(rand: Rand, items: readonly [T, number][]): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of items) cumulative.push((total += w));
  return () => {
    const r = rand() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]![0];
  };
}

const pickOf =
  (rand: Rand) =>
  <T>(xs: readonly T[]): T =>
    xs[Math.floor(rand() * xs.length)]!;
const surnameList = [...surnames];
const givenList = [...given];

// ---------------------------------------------------------------------------------------------
// Loading

interface Market {
  seekerIds: string[];
  vacancyIds: string[];
  loadMs: { employers: number; persons: number; vacancies: number; indexes: number; vacuum: number };
}

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then builds them again from their own
 * definitions (pg_indexes), as a restore does: a GIN index built once is much faster than one
 * updated row by row (100k vacancies took minutes with the bigram index in place).
 */
async function withIndexesRebuilt(db: Database, tables: string[], load: () => Promise<void>): Promise<number> {
  const defs = await rowsOf<{ name: string; def: string }>(
    db,
    sql`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (${sql.join(
      tables.map((t) => sql`${t}`),
      sql`, `,
    )}) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const d of defs) await db.execute(sql.raw(`DROP INDEX ${d.name}`));
  await load();
  const start = performance.now();
  for (const d of defs) {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '256MB'`));
      await tx.execute(sql.raw(d.def));
    });
  }
  return performance.now() - start;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const yuanToFen = (yuan: number) => Math.round(yuan / 100) * 100 * 100;

async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

interface EmployerRow {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  industry: string;
  size: string;
  address: string;
  sector: number;
}

interface PersonRow {
  id: string;
  idIndex: string;
  masked: string;
  name: string;
  sex: string;
  birthDate: string;
  education: string;
  householdType: string;
  address: string;
  regionCode: string;
  labourCapacity: string;
  skills: string[];
  occupation: string | null;
  jobWishes: unknown;
  matchKeys: string[];
  categories: string[];
  employmentStatus: string;
  statusSince: string | null;
  jobSeeking: boolean;
}

interface VacancyRow {
  id: string;
  employerId: string;
  title: string;
  occupation: string;
  headcount: number;
  filled: number;
  wageMin: number;
  wageMax: number;
  education: string | null;
  skills: string[];
  hours: string;
  regionCode: string;
  address: string;
  description: string;
  validUntil: string;
  source: string;
  publishedAt: Date;
  matchKeys: string[];
  tokens: string[];
}

const now = new Date();
const stamp = now.toISOString();

const employerColumns: BulkColumn<EmployerRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'credit_code', type: 'varchar', value: (r) => r.creditCode },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'industry', type: 'text', value: (r) => r.industry },
  { name: 'size', type: 'text', value: (r) => r.size },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'contact_name', type: 'text', value: () => '人事部' },
  { name: 'source', type: 'text', value: () => 'counter' },
  { name: 'created_at', type: 'timestamptz', value: () => stamp },
  { name: 'updated_at', type: 'timestamptz', value: () => stamp },
];

const personColumns: BulkColumn<PersonRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'id_number_sealed', type: 'text', value: () => 'bench:not-sealed' },
  { name: 'id_number_index', type: 'text', value: (r) => r.idIndex },
  { name: 'id_number_masked', type: 'text', value: (r) => r.masked },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'sex', type: 'varchar', value: (r) => r.sex },
  { name: 'birth_date', type: 'date', value: (r) => r.birthDate },
  { name: 'ethnicity', type: 'text', value: () => '汉族' },
  { name: 'education', type: 'text', value: (r) => r.education },
  { name: 'household_type', type: 'text', value: (r) => r.householdType },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'labour_capacity', type: 'text', value: (r) => r.labourCapacity },
  { name: 'skills', type: 'text[]', value: (r) => r.skills },
  { name: 'occupation', type: 'text', value: (r) => r.occupation },
  { name: 'job_wishes', type: 'jsonb', value: (r) => r.jobWishes },
  { name: 'match_keys', type: 'text[]', value: (r) => r.matchKeys },
  { name: 'categories', type: 'text[]', value: (r) => r.categories },
  { name: 'employment_status', type: 'text', value: (r) => r.employmentStatus },
  { name: 'status_since', type: 'date', value: (r) => r.statusSince },
  { name: 'job_seeking', type: 'boolean', value: (r) => r.jobSeeking },
  { name: 'created_at', type: 'timestamptz', value: () => stamp },
  { name: 'updated_at', type: 'timestamptz', value: () => stamp },
];

const vacancyColumns: BulkColumn<VacancyRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'employer_id', type: 'uuid', value: (r) => r.employerId },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'occupation', type: 'text', value: (r) => r.occupation },
  { name: 'headcount', type: 'integer', value: (r) => r.headcount },
  { name: 'filled', type: 'integer', value: (r) => r.filled },
  { name: 'wage_min', type: 'integer', value: (r) => r.wageMin },
  { name: 'wage_max', type: 'integer', value: (r) => r.wageMax },
  { name: 'education', type: 'text', value: (r) => r.education },
  { name: 'skills', type: 'text[]', value: (r) => r.skills },
  { name: 'hours', type: 'text', value: (r) => r.hours },
  { name: 'region_code', type: 'varchar', value: (r) => r.regionCode },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'description', type: 'text', value: (r) => r.description },
  { name: 'valid_until', type: 'date', value: (r) => r.validUntil },
  { name: 'source', type: 'text', value: (r) => r.source },
  { name: 'status', type: 'text', value: () => 'published' },
  { name: 'screening', type: 'jsonb', value: () => ({ flags: [] }) },
  { name: 'reviewed_by', type: 'text', value: () => 'taiyuan_reviewer' },
  { name: 'reviewed_at', type: 'timestamptz', value: (r) => r.publishedAt },
  { name: 'published_at', type: 'timestamptz', value: (r) => r.publishedAt },
  { name: 'match_keys', type: 'text[]', value: (r) => r.matchKeys },
  { name: 'search', type: 'tsvector', value: (r) => r.tokens },
  { name: 'created_by', type: 'text', value: () => 'taiyuan_job' },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.publishedAt },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.publishedAt },
];

/** Generates and bulk-inserts the market; returns the ids samples are drawn from. */
export async function loadMarket(db: Database): Promise<Market> {
  for (const t of Object.values(trades))
    if (!occupationName(t.code)) throw new Error(`occupation ${t.code} is not in src/shared/occupations.ts`);
  const rand = seededRandom(2026_11_23);
  const pick = pickOf(rand);
  const today = shanghaiDateOf(now);
  const communities = await rowsOf<{ code: string }>(db, sql`SELECT code FROM regions WHERE code LIKE '1401%' AND level = 5 ORDER BY code`);
  const districts = new Map(
    (await rowsOf<{ code: string; name: string }>(db, sql`SELECT code, name FROM regions WHERE code LIKE '1401%' AND level = 3`)).map(
      (r) => [r.code.slice(0, 6), r.name],
    ),
  );
  // Urban communities (居委会, 1xx) hold more people than villages (2xx); the six city districts most.
  const urbanDistricts = ['140105', '140106', '140107', '140108', '140109', '140110'];
  const communityWeights: [string, number][] = communities.map(({ code }) => [
    code,
    (code[9] === '1' ? 3 : 1) * (urbanDistricts.includes(code.slice(0, 6)) ? 2 : 1),
  ]);
  const community = weighted(rand, communityWeights);
  const place = (code: string) => `${districts.get(code.slice(0, 6)) ?? ''}${pick(roads)}${1 + Math.floor(rand() * 300)}号`;

  // Employers.
  let t0 = performance.now();
  const sector = weighted(
    rand,
    sectors.map((s, i) => [i, s.share] as [number, number]),
  );
  const names = new Set<string>();
  const employerRows: EmployerRow[] = [];
  for (let i = 0; i < employerCount; i++) {
    const s = sector();
    let name: string;
    do
      name = `${pick(['太原', '山西', '太原市', '山西省', '太原市'])}${pick(brandWords)}${pick(sectors[s]!.words)}${pick(['有限公司', '有限公司', '有限责任公司', '股份有限公司'])}`;
    while (names.has(name) && names.size < 50_000);
    names.add(name);
    const regionCode = community();
    const body = `9114${regionCode.slice(2, 6)}MA${String(i).padStart(7, '0')}`.slice(0, 17);
    employerRows.push({
      id: crypto.randomUUID(),
      name,
      creditCode: body + creditCodeCheckCharacter(body),
      regionCode,
      industry: sectors[s]!.industry,
      size: pick(['micro', 'small', 'small', 'medium', 'large']),
      address: place(regionCode),
      sector: s,
    });
  }
  await bulkInsert(db, 'employers', employerColumns, employerRows);
  const employersMs = performance.now() - t0;

  let personsMs = 0;
  let vacanciesMs = 0;
  const seekerIds: string[] = [];
  const vacancyIds: string[] = [];
  const matchTables = ['seeker_match_profiles', 'seeker_match_lookup', 'vacancy_match_profiles'];
  const indexesMs = await withIndexesRebuilt(db, ['persons', 'vacancies', ...matchTables], async () => {
    // Persons, in chunks so a million rows never sit in memory at once.
    t0 = performance.now();
    const seekerTrade = weighted(
      rand,
      Object.entries(trades).map(([k, t]) => [k as TradeKey, t.seekers] as [TradeKey, number]),
    );
    const education = weighted(rand, educationMix);
    const allSkills = [
      ...new Set(
        Object.values(trades)
          .flatMap((t) => [t.skill, ...(t.extra ?? [])])
          .filter((s): s is string => !!s),
      ),
    ];
    const chunk = 20_000;
    for (let start = 0; start < personCount; start += chunk) {
      const rows: PersonRow[] = [];
      for (let i = start; i < Math.min(personCount, start + chunk); i++) {
        const regionCode = community();
        const age = 16 + Math.floor(rand() * 45);
        const year = Number(today.slice(0, 4)) - age;
        const birthDate = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
        const sex = rand() < 0.5 ? 'M' : 'F';
        const r = rand();
        // ~6% registered unemployed (most of them seeking), ~4% seeking without that registration
        // (graduates, people changing jobs), ~55% employed, the rest not registered.
        const employmentStatus = r < 0.06 ? 'unemployed' : r < 0.1 ? 'not_registered' : r < 0.65 ? 'employed' : 'not_registered';
        const jobSeeking = r < 0.06 ? rand() < 0.85 : r < 0.1;
        const seeker = jobSeeking || employmentStatus === 'unemployed';
        const skills = new Set<string>();
        let occupation: string | null = null;
        let jobWishes: unknown = null;
        const wished: TradeKey[] = [];
        if (seeker) {
          const n = rand() < 0.1 ? 0 : rand() < 0.65 ? 1 : 2;
          for (let k = 0; k < n; k++) wished.push(seekerTrade());
          const own = wished[0] ?? seekerTrade();
          if (rand() < 0.5) occupation = trades[rand() < 0.7 ? own : seekerTrade()]!.code;
          for (const w of [own, ...wished]) if (trades[w]!.skill && rand() < 0.8) skills.add(trades[w]!.skill!);
          if (rand() < 0.2) skills.add(pick(allSkills));
          const keywords = rand() < 0.3 && trades[own]!.skill ? [trades[own]!.skill!] : undefined;
          const wage = rand() < 0.6 ? yuanToFen(trades[own]!.wage[0] * (0.8 + rand() * 0.5)) : undefined;
          // Wished places as the API takes them: 12-digit codes (a district is its code padded with zeros).
          const regionCodes = rand() < 0.2 ? [(rand() < 0.7 ? regionCode.slice(0, 6) : pick(urbanDistricts)).padEnd(12, '0')] : undefined;
          const hours = rand() < 0.5 ? undefined : pick(['full_time', 'full_time', 'part_time', '不限']);
          jobWishes = {
            occupations: [...new Set(wished.map((w) => trades[w]!.code))],
            ...(keywords ? { keywords } : {}),
            ...(wage ? { wageMinFen: wage } : {}),
            ...(regionCodes ? { regionCodes } : {}),
            ...(hours ? { hours } : {}),
          };
        } else {
          if (employmentStatus === 'employed' ? rand() < 0.8 : rand() < 0.2) occupation = trades[seekerTrade()]!.code;
          const n = Math.floor(rand() * 3);
          for (let k = 0; k < n; k++) {
            const s = trades[seekerTrade()]!.skill;
            if (s) skills.add(s);
          }
        }
        const wishes = (jobWishes ?? {}) as { occupations?: string[]; keywords?: string[] };
        // As the persons service computes them: wished occupations and the occupation, skills and keywords.
        const matchKeys = matchKeysOf([...(wishes.occupations ?? []), occupation], [...skills, ...(wishes.keywords ?? [])]);
        const categories: string[] = [];
        if (seeker && ((sex === 'F' && age >= 40) || (sex === 'M' && age >= 50))) categories.push('4050人员');
        if (seeker && rand() < 0.08) categories.push('就业困难人员');
        if (age <= 24 && rand() < 0.3) categories.push('高校毕业生');
        const id = crypto.randomUUID();
        if (seeker) seekerIds.push(id);
        const idIndex = crypto.createHash('sha256').update(`bench:${i}`).digest('hex');
        rows.push({
          id,
          idIndex,
          masked: `${regionCode.slice(0, 6)}********${String(1000 + (i % 9000))}`,
          name: pick(surnameList) + pick(givenList) + (rand() < 0.6 ? pick(givenList) : ''),
          sex,
          birthDate,
          education: education(),
          householdType: regionCode[9] === '1' ? 'urban' : 'rural',
          address: place(regionCode),
          regionCode,
          labourCapacity: rand() < 0.96 ? 'full' : 'partial',
          skills: [...skills],
          occupation,
          jobWishes,
          matchKeys,
          categories,
          employmentStatus,
          statusSince: employmentStatus === 'not_registered' ? null : addDays(today, -Math.floor(rand() * 720)),
          jobSeeking,
        });
      }
      await bulkInsert(db, 'persons', personColumns, rows);
      // The seekers' match profiles and lookup keys, as the persons repo writes them beside every person;
      // a category stands in for a hard-to-employ recognition (AID-1), which the bench does not make.
      const seekers = rows.map((r) => matchProfileRows(r, r.categories.length > 0)).filter((r) => r !== null);
      await bulkInsert(
        db,
        'seeker_match_profiles',
        seekerProfileBulkColumns,
        seekers.map((r) => r.profile),
      );
      await bulkInsert(
        db,
        'seeker_match_lookup',
        seekerLookupBulkColumns,
        seekers.map((r) => r.lookup),
      );
    }
    personsMs = performance.now() - t0;

    // Vacancies: each employer hires from its sector's trades (and now and then an office post).
    t0 = performance.now();
    const hires = sectors.map((s) => weighted(rand, s.hires));
    for (let start = 0; start < vacancyCount; start += chunk) {
      const rows: VacancyRow[] = [];
      for (let i = start; i < Math.min(vacancyCount, start + chunk); i++) {
        const employer = employerRows[Math.floor(Math.pow(rand(), 1.6) * employerRows.length)]!; // a few large recruiters
        const key = rand() < 0.08 ? pick(officeTrades) : hires[employer.sector]!();
        const trade = trades[key]!;
        const title = pick(trade.titles);
        const headcount = rand() < 0.6 ? 1 + Math.floor(rand() * 3) : 2 + Math.floor(rand() * 19);
        const low = trade.wage[0] + Math.floor(rand() * (trade.wage[1] - trade.wage[0]) * 0.6);
        const wageMin = yuanToFen(low);
        const wageMax = yuanToFen(low * (1.2 + rand() * 0.6));
        const skills = trade.skill && rand() < 0.85 ? [trade.skill] : [];
        if (trade.extra && rand() < 0.3) skills.push(pick(trade.extra));
        const regionCode = rand() < 0.8 ? employer.regionCode : community();
        const short = employer.name.replace(/^(山西省|太原市|山西|太原)/, '').replace(/(股份)?有限(责任)?公司$/, '');
        const duties = [...trade.duties].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * trade.duties.length));
        const asks = [...requirements].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * 3));
        const offers = [...benefits].sort(() => rand() - 0.5).slice(0, 2 + Math.floor(rand() * 4));
        const address = place(regionCode);
        const description = `${short}招聘${title}${headcount}名。${duties.join('；')}。要求：${asks.join('，')}。待遇：月薪${low}-${Math.round(low * 1.4)}元，${offers.join('，')}。工作地点：${address}。`;
        const publishedAt = new Date(now.getTime() - Math.floor(rand() * 60 * 86_400_000));
        const id = crypto.randomUUID();
        vacancyIds.push(id);
        rows.push({
          id,
          employerId: employer.id,
          title,
          occupation: trade.code,
          headcount,
          filled: rand() < 0.2 ? Math.floor(rand() * headcount) : 0,
          wageMin,
          wageMax,
          education: pick(trade.education),
          skills,
          hours: rand() < 0.12 ? 'part_time' : 'full_time',
          regionCode,
          address,
          description,
          validUntil: addDays(today, 5 + Math.floor(rand() * 85)),
          source: pick(['counter', 'counter', 'employer', 'employer', 'fair', 'survey']),
          publishedAt,
          // Exactly as createVacancy derives them.
          matchKeys: matchKeysOf([trade.code], skills),
          tokens: searchTokens(title, description, skills.join(' '), employer.name),
        });
      }
      await bulkInsert(db, 'vacancies', vacancyColumns, rows, 2000);
      await insertVacancyProfilesInBulk(
        db,
        rows.map((r) => ({ ...r, status: 'published' })),
      );
    }
    vacanciesMs = performance.now() - t0;
  });

  t0 = performance.now();
  for (const table of ['employers', 'persons', 'vacancies', ...matchTables]) await db.execute(sql.raw(`VACUUM ANALYZE ${table}`));
  const vacuumMs = performance.now() - t0;
  return {
    seekerIds,
    vacancyIds,
    loadMs: { employers: employersMs, persons: personsMs, vacancies: vacanciesMs, indexes: indexesMs, vacuum: vacuumMs },
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
}

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function timed(n: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** Completed calls per second with `workers` callers for `secs` seconds. */
async function throughput(workers: number, secs: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const end = start + secs * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        await fn();
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

/** The baseline: the same page of the board by plain ILIKE on title and description. */
async function ilikeSearch(db: Database, today: string, q: string) {
  const where = and(publiclyVisible(today), or(ilike(vacancies.title, `%${q}%`), ilike(vacancies.description, `%${q}%`)));
  const items = await db
    .select(publicColumns)
    .from(vacancies)
    .innerJoin(employers, eq(employers.id, vacancies.employerId))
    .leftJoin(regions, eq(regions.code, vacancies.regionCode))
    .where(where)
    .orderBy(desc(vacancies.publishedAt), desc(vacancies.id))
    .limit(20);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(vacancies)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(7);
const row = (label: string, s: Stats, goal = '') => `  ${label.padEnd(44)} ${f(s.p50)} ${f(s.p99)} ${f(s.mean)}   ${goal}`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Loads the market into the target's (fresh) database and prints the figures. */
export async function jobsSection(t: JobsTarget): Promise<void> {
  const db = t.handle.db;
  console.log(
    `\n[${t.name}] job market: ${personCount.toLocaleString()} persons, ${vacancyCount.toLocaleString()} vacancies, ${employerCount.toLocaleString()} employers`,
  );
  // Other work on the machine shows in the figures: the 1-minute load average before loading says how quiet it was.
  const [before = 0] = os.loadavg();
  // The load drops and rebuilds indexes and vacuums: on PostgreSQL only the owner may (the
  // application's role is bound by row-level security and owns nothing), so it loads as the owner.
  const owner = await ownerOf(t);
  let market: Market;
  try {
    market = await loadMarket(owner.db);
  } finally {
    await owner.close();
  }
  const sizes = await rowsOf<{ name: string; mb: number }>(
    db,
    sql`SELECT c.relname AS name, round(pg_total_relation_size(c.oid) / 1048576.0)::int AS mb FROM pg_class c WHERE c.relname IN ('persons', 'vacancies', 'vacancies_search_idx', 'seeker_match_profiles', 'seeker_match_lookup', 'vacancy_match_profiles') ORDER BY c.relname`,
  );
  const { loadMs } = market;
  console.log(
    `  loaded: employers ${secs(loadMs.employers)}, persons ${secs(loadMs.persons)} (${Math.round(personCount / (loadMs.persons / 1000)).toLocaleString()}/s), vacancies ${secs(loadMs.vacancies)}, indexes built ${secs(loadMs.indexes)}, VACUUM ANALYZE ${secs(loadMs.vacuum)}; ${market.seekerIds.length.toLocaleString()} seekers`,
  );
  console.log(
    `  load average before loading ${before.toFixed(1)} on ${os.cpus().length} cores${before > 0.5 ? ' (other processes were running: figures are noisy)' : ''}`,
  );
  console.log(`  sizes (MB, with indexes): ${sizes.map((s) => `${s.name} ${s.mb}`).join(', ')}`);

  const ctx: Ctx = {
    db,
    actor: { id: null, username: 'bench', name: '基准测试', unitId: null, scope: '1401', roles: ['clerk', 'job_officer'] },
    requestId: 'bench',
    now: () => new Date(),
    sealer: t.sealer,
  };
  const rand = seededRandom(7);
  const pick = pickOf(rand);
  const today = shanghaiDateOf(new Date());

  const [measuring = 0] = os.loadavg();
  console.log(`  load average before measuring ${measuring.toFixed(1)}`);
  console.log(`  ${''.padEnd(44)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'mean'.padStart(7)}   goal`);
  const forPerson = stats(await timed(samples, 10, () => matchesForPerson(ctx, pick(market.seekerIds), 20)));
  const matchGoal = t.handle.kind === 'postgres' ? 'p50 ≤ 10, p99 ≤ 50' : 'p50 ≤ 25';
  console.log(row('matchesForPerson, top 20', forPerson, matchGoal));
  const forVacancy = stats(await timed(samples, 10, () => matchesForVacancy(ctx, pick(market.vacancyIds), 20)));
  console.log(row('matchesForVacancy, top 20', forVacancy, matchGoal));

  const board = (q: string) => searchPublic(db, { today, tsquery: searchQuery(q) }, { limit: 20, offset: 0 });
  const hits = new Map<string, [number, number]>();
  for (const q of searchTerms) hits.set(q, [(await board(q)).total, (await ilikeSearch(db, today, q)).total]);
  const search = await timed(samples, 10, () => board(pick(searchTerms)));
  console.log(
    row(`public search (bigram tsvector + count)`, stats(search), t.handle.kind === 'postgres' ? 'p50 ≤ 5, p99 ≤ 30' : 'p50 ≤ 10'),
  );
  const baselineN = Math.max(20, Math.round(samples / 4));
  const baseline = await timed(baselineN, 3, () => ilikeSearch(db, today, pick(searchTerms)));
  console.log(row(`baseline: ILIKE title/description + count`, stats(baseline), `(${baselineN} samples)`));
  for (const q of searchTerms) {
    const own = stats(await timed(15, 1, () => board(q)));
    const [n, m] = hits.get(q)!;
    console.log(
      `    q=${q.padEnd(5, '　')} tsvector p50 ${f(own.p50)}  hits ${String(n).padStart(6)} | ILIKE hits ${String(m).padStart(6)}`,
    );
  }

  const workers = t.handle.kind === 'postgres' ? [1, 2, 4] : [1];
  const rates: string[] = [];
  const perSecond: number[] = [];
  for (const w of workers) {
    perSecond.push(await throughput(w, seconds, () => board(pick(searchTerms))));
    rates.push(`${w} worker${w > 1 ? 's' : ''} ${perSecond[perSecond.length - 1]!.toFixed(0)}/s`);
  }
  const baseRate = await throughput(workers[workers.length - 1]!, Math.min(seconds, 5), () => ilikeSearch(db, today, pick(searchTerms)));
  console.log(
    `  search throughput (${seconds} s each): ${rates.join(', ')}; baseline ILIKE with ${workers[workers.length - 1]} ${baseRate.toFixed(1)}/s (goal ≥ 200/s on 2 cores)`,
  );
  results[t.handle.kind] = {
    matchPersonP50Ms: ms2(forPerson.p50),
    matchPersonP99Ms: ms2(forPerson.p99),
    matchVacancyP50Ms: ms2(forVacancy.p50),
    matchVacancyP99Ms: ms2(forVacancy.p99),
    searchP50Ms: ms2(stats(search).p50),
    searchP99Ms: ms2(stats(search).p99),
    searchPerSecond: Math.round(Math.max(...perSecond)),
    ilikeP50Ms: ms2(stats(baseline).p50),
  };
  console.log(`  results written to ${writeBenchResults('jobs', results)}`);
}

const ms2 = (ms: number) => Math.round(ms * 100) / 100;

/** bench/results/jobs.json (shared/API.md "Benchmarks"): the sizes, then one entry per database run so far. */
const results: { persons: number; vacancies: number; postgres?: object; pglite?: object } = {
  persons: personCount,
  vacancies: vacancyCount,
};

/** The database's owner: on PostgreSQL a second pool as the owner of the target's database; on PGlite the one user there is. */
async function ownerOf(t: JobsTarget): Promise<{ db: Database; close: () => Promise<void> }> {
  if (t.handle.kind === 'pglite') return { db: t.handle.db, close: async () => {} };
  const [{ name } = { name: '' }] = await rowsOf<{ name: string }>(t.handle.db, sql`SELECT current_database() AS name`);
  const url = new URL(process.env.OPENPES_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  const owner = await openDatabase({ url: url.toString(), migrate: false });
  return { db: owner.db, close: owner.close };
}
