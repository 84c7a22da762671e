// The demo region's job market, made through the same use cases as real data: employers posting
// vacancies of their own trade over the past six weeks (screened and reviewed by the demo reviewer;
// a few left waiting with flags), job fairs with booths and the vacancies offered there, and, when
// the demo has people, referrals of unemployed welders and electricians with outcomes.
import { and, eq, sql } from 'drizzle-orm';
import { creditCodeCheckCharacter } from '../../shared/creditCode.js';
import { persons, regions, staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { addDays, shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { createEmployer } from '../modules/employers/index.js';
import { addBooth, createFair, updateFair } from '../modules/fairs/index.js';
import { createReferral, recordOutcome } from '../modules/referrals/index.js';
import { createVacancy, reviewVacancy } from '../modules/vacancies/index.js';
import { seededRandom } from './people.js';

/**
 * Vacancy templates by title. Two carry wording the screening flags (保安员 of the security
 * company: 限男性，仅限本地户口; 养老护理员: 35岁以下，已婚已育优先), so the review queue has work.
 */
const templates = {
  电焊工: {
    occupation: '6-18-02-04',
    skills: ['焊工'],
    wage: [550000, 800000],
    education: '初中',
    text: '招聘电焊工，持特种作业操作证（焊接与热切割），能看懂图纸，有二保焊、氩弧焊经验者优先。男女不限，五险一金，包午餐。',
  },
  氩弧焊工: {
    occupation: '6-18-02-04',
    skills: ['焊工'],
    wage: [650000, 900000],
    education: '初中',
    text: '钢结构车间招聘氩弧焊工，持证上岗，能焊不锈钢薄板。计件工资，多劳多得，缴纳社会保险。',
  },
  维修电工: {
    occupation: '6-31-01-03',
    skills: ['电工'],
    wage: [500000, 700000],
    education: '高中/中专/技校',
    text: '负责供配电设备和线路的日常维护，持低压电工作业证，能适应倒班。',
  },
  装配钳工: {
    occupation: '6-20-01-01',
    skills: ['钳工'],
    wage: [500000, 700000],
    education: '高中/中专/技校',
    text: '机械设备装配与调试，能识读装配图，有钳工职业资格证书。',
  },
  车工: {
    occupation: '6-18-01-01',
    skills: ['车工'],
    wage: [550000, 750000],
    education: '高中/中专/技校',
    text: '操作普通车床和数控车床加工轴类零件，能看懂零件图，有两年以上经验。',
  },
  钢筋工: {
    occupation: '6-29-01-04',
    skills: ['钢筋工'],
    wage: [600000, 850000],
    education: null,
    text: '工地钢筋下料、绑扎，能看懂施工图，按天计酬，工程结束前稳定用工，缴纳工伤保险。',
  },
  砌筑工: {
    occupation: '6-29-01-01',
    skills: ['砌筑'],
    wage: [550000, 800000],
    education: null,
    text: '住宅项目砌墙、抹灰，有施工经验者优先，提供工地宿舍。',
  },
  货车司机: {
    occupation: '4-02-02-02',
    skills: ['驾驶'],
    wage: [600000, 850000],
    education: null,
    text: '驾驶厢式货车负责太原市内及周边配送，持B2及以上驾驶证和道路货物运输从业资格证，三年以上驾龄。',
  },
  班车司机: {
    occupation: '4-02-02-01',
    skills: ['驾驶'],
    wage: [450000, 600000],
    education: null,
    text: '驾驶单位通勤班车，早晚接送员工，持A1或B1驾驶证，无重大事故记录，周末双休。',
  },
  救援车司机: {
    occupation: '4-02-02-02',
    skills: ['驾驶'],
    wage: [500000, 700000],
    education: null,
    text: '驾驶道路救援车辆，负责故障车辆拖运，持C1以上驾驶证，能接受夜间轮值。',
  },
  保洁员: {
    occupation: '4-09-08-01',
    skills: ['保洁'],
    wage: [250000, 300000],
    education: null,
    text: '小区公共区域保洁，早八晚五，月休四天，缴纳社会保险，适合就近就业。',
  },
  园林绿化工: {
    occupation: '4-09-10-01',
    skills: ['绿化'],
    wage: [280000, 350000],
    education: null,
    text: '小区绿地修剪、浇灌和病虫害防治，有绿化养护经验者优先。',
  },
  家政服务员: {
    occupation: '4-10-01-06',
    skills: ['家政服务'],
    wage: [350000, 550000],
    education: null,
    text: '提供居家保洁、做饭、照护服务，公司免费培训，按单结算，时间灵活。',
  },
  育婴员: {
    occupation: '4-10-01-03',
    skills: ['育婴员'],
    wage: [450000, 700000],
    education: '初中',
    text: '照护0至3岁婴幼儿的日常生活，持育婴员证书，公司提供岗前培训和体检。',
  },
  中式烹调师: {
    occupation: '4-03-02-01',
    skills: ['厨师'],
    wage: [450000, 650000],
    education: null,
    text: '招聘热菜厨师，会做晋菜，有健康证，工作时间10:00-21:00，包食宿。',
  },
  中式面点师: {
    occupation: '4-03-02-02',
    skills: ['面点'],
    wage: [400000, 550000],
    education: null,
    text: '制作刀削面、剔尖等山西面食和包子花卷，有健康证，包食宿。',
  },
  餐厅服务员: {
    occupation: '4-03-02-05',
    skills: ['餐厅服务'],
    wage: [280000, 350000],
    education: null,
    text: '负责点餐、传菜和餐厅清洁，两班倒，提供工作餐，可安排住宿。',
  },
  仓储管理员: {
    occupation: '4-02-06-01',
    skills: ['仓储管理'],
    wage: [400000, 500000],
    education: '高中/中专/技校',
    text: '负责出入库登记、盘点，会使用电脑和仓储管理系统，有叉车证者优先。',
  },
  快递员: {
    occupation: '4-02-07-08',
    skills: [],
    wage: [500000, 800000],
    education: null,
    text: '负责小店区片区派件揽件，公司提供电动车，多劳多得。',
  },
  装卸搬运工: {
    occupation: '4-02-05-01',
    skills: [],
    wage: [400000, 550000],
    education: null,
    text: '物流园区货物装卸、分拣，计件工资，按月结算，缴纳社会保险。',
  },
  计算机程序设计员: {
    occupation: '4-04-05-01',
    skills: ['计算机编程'],
    wage: [700000, 1200000],
    education: '大学专科',
    text: '参与企业管理软件的开发与维护，熟悉Java或Python，欢迎应届高校毕业生，提供导师带教。',
  },
  网络管理员: {
    occupation: '4-04-04-02',
    skills: ['网络管理'],
    wage: [550000, 800000],
    education: '大学专科',
    text: '负责公司网络、服务器和办公电脑的维护，能处理常见网络故障。',
  },
  会计: {
    occupation: '2-06-03-00',
    skills: ['会计'],
    wage: [450000, 600000],
    education: '大学专科',
    text: '负责总账、报税和成本核算，熟悉金蝶或用友软件，三年以上工作经验。',
  },
  商品营业员: {
    occupation: '4-01-02-03',
    skills: ['销售'],
    wage: [300000, 450000],
    education: null,
    text: '商场专柜商品销售和陈列，有销售经验者优先，底薪加提成，缴纳社会保险。',
  },
  收银员: {
    occupation: '4-01-02-04',
    skills: ['收银'],
    wage: [280000, 350000],
    education: '高中/中专/技校',
    text: '超市前台收银，会使用收银系统，做六休一，提供工作餐。',
  },
  理货员: {
    occupation: '4-02-06-02',
    skills: ['理货'],
    wage: [300000, 380000],
    education: null,
    text: '负责卖场商品上架、补货和盘点，早晚两班。',
  },
  养老护理员: {
    occupation: '4-10-01-05',
    skills: [],
    wage: [380000, 500000],
    education: null,
    text: '照护失能老人，持养老护理员证书者优先，提供岗前培训，35岁以下，已婚已育优先。',
  },
  医疗护理员: {
    occupation: '4-14-01-02',
    skills: [],
    wage: [380000, 480000],
    education: null,
    text: '协助护士做好老人的生活照护和康复训练，有护理经验者优先，包食宿。',
  },
  汽车维修工: {
    occupation: '4-12-01-01',
    skills: ['汽车维修'],
    wage: [500000, 800000],
    education: '高中/中专/技校',
    text: '负责乘用车保养、故障诊断和维修，持汽车维修工职业技能等级证书者优先。',
  },
  汽车涂装工: {
    occupation: '6-18-03-03',
    skills: ['喷漆'],
    wage: [550000, 800000],
    education: null,
    text: '车身钣喷车间调漆、喷漆，有两年以上汽车喷漆经验。',
  },
  保安员: {
    occupation: '4-07-05-01',
    skills: [],
    wage: [300000, 380000],
    education: null,
    text: '写字楼保安，持保安员证，做二休一，提供住宿，限男性，仅限本地户口。',
  },
  商场保安员: {
    occupation: '4-07-05-01',
    skills: [],
    wage: [320000, 400000],
    education: null,
    text: '商场巡逻、监控室值守，持保安员证，三班倒，男女不限，缴纳社会保险。',
  },
  安检员: {
    occupation: '4-07-05-02',
    skills: [],
    wage: [350000, 450000],
    education: '高中/中专/技校',
    text: '地铁站进站安检，持安检员证书者优先，公司组织培训考证。',
  },
  消防设施操作员: {
    occupation: '4-07-05-03',
    skills: ['消防'],
    wage: [450000, 600000],
    education: '高中/中专/技校',
    text: '消防控制室值班和消防设施巡检，持消防设施操作员证书。',
  },
} as const;
type Title = keyof typeof templates;

/** The demo employers, each posting vacancies of its own trade. */
const employerNames: [string, string, 'small' | 'medium' | 'large', string, Title[]][] = [
  ['山西晋阳重工机械有限公司', 'C', 'medium', '140105', ['电焊工', '氩弧焊工', '维修电工', '装配钳工']],
  ['太原龙城钢结构工程有限公司', 'E', 'medium', '140105', ['电焊工', '钢筋工', '货车司机']],
  ['太原市汾河物业管理有限公司', 'K', 'medium', '140105', ['保洁员', '维修电工', '园林绿化工']],
  ['山西亲贤家政服务有限公司', 'O', 'small', '140105', ['家政服务员', '育婴员', '保洁员']],
  ['太原并州餐饮管理有限公司', 'H', 'small', '140105', ['中式烹调师', '中式面点师', '餐厅服务员']],
  ['山西坞城物流有限公司', 'G', 'medium', '140105', ['货车司机', '快递员', '仓储管理员', '装卸搬运工']],
  ['太原学府电子科技有限公司', 'I', 'small', '140105', ['计算机程序设计员', '网络管理员', '会计']],
  ['山西迎泽商贸有限公司', 'F', 'small', '140106', ['会计', '商品营业员', '货车司机']],
  ['太原市五一路百货有限公司', 'F', 'medium', '140106', ['商品营业员', '收银员', '理货员']],
  ['太原双塔建筑安装工程有限公司', 'E', 'large', '140106', ['砌筑工', '钢筋工', '电焊工', '班车司机']],
  ['山西柳巷养老服务有限公司', 'Q', 'small', '140106', ['养老护理员', '医疗护理员', '中式烹调师']],
  ['太原杏花岭汽车维修有限公司', 'O', 'small', '140107', ['汽车维修工', '汽车涂装工', '救援车司机']],
  ['山西胜利机电设备有限公司', 'C', 'medium', '140107', ['维修电工', '装配钳工', '车工']],
  ['太原北城保安服务有限公司', 'L', 'medium', '140107', ['保安员', '商场保安员', '安检员', '消防设施操作员']],
];

/** The employers with booths at the demo fairs (their first vacancies are offered there). */
const fairEmployers = 6;

/** Publications spread over the past six weeks, as a bureau's list looks after some time in use. */
const spreadDays = 42;

async function demoActor(ctx: Ctx, username: string): Promise<Ctx> {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.username, username));
  if (!row) throw new Error(`demo account ${username} is missing`);
  return { ...ctx, actor: actorOf(row) };
}

/** A context whose clock reads 10:00 Beijing time on `day`, so the records carry that day. */
function on(ctx: Ctx, day: string): Ctx {
  const at = new Date(`${day}T10:00:00+08:00`);
  return { ...ctx, now: () => at };
}

/** Creates the demo job market; returns what it made. */
export async function createDemoJobs(ctx: Ctx): Promise<{ employers: number; vacancies: number; published: number; referrals: number }> {
  const officer = await demoActor(ctx, 'taiyuan_job');
  const reviewer = await demoActor(ctx, 'taiyuan_reviewer');
  const today = shanghaiDateOf(ctx.now());
  const rand = seededRandom(20261123);
  const communitiesOf = async (district: string) =>
    (
      await ctx.db
        .select({ code: regions.code })
        .from(regions)
        .where(and(sql`${regions.code} LIKE ${`${district}%`}`, eq(regions.level, 5)))
        .orderBy(regions.code)
        .limit(9)
    ).map((r) => r.code);
  // The fairs come first, so the booth employers' vacancies can be offered at them.
  const upcoming = await createFair(on(officer, addDays(today, -spreadDays)), {
    name: '小店区2026年冬季农民工专场招聘会',
    kind: 'rural_migrants',
    date: addDays(today, 12),
    venue: '小店区人力资源市场（坞城路）',
    regionCode: '140105001001',
    description: '免费入场，现场提供岗位推荐和政策咨询。',
  });
  const past = await createFair(on(officer, addDays(today, -spreadDays)), {
    name: '太原市高校毕业生秋季双选会',
    kind: 'graduates',
    date: addDays(today, -20),
    venue: '山西大学体育馆',
    regionCode: '140106001001',
  });
  let vacancyCount = 0;
  let published = 0;
  const byTitle = new Map<string, { id: string; published: string }[]>();
  const employerIds: string[] = [];
  for (const [i, [name, industry, size, district, titles]] of employerNames.entries()) {
    const communities = await communitiesOf(district);
    const body = `91${district}MA0${String(i + 1).padStart(2, '0')}K${String(100 + i)}`.slice(0, 17);
    const employer = await createEmployer(on(officer, addDays(today, -spreadDays - 14)), {
      name,
      creditCode: body + creditCodeCheckCharacter(body),
      regionCode: communities[i % communities.length]!,
      industry,
      size,
      contactName: '人事部',
      contactPhone: `0351-${7000000 + i * 131}`,
    });
    employerIds.push(employer.id);
    for (const [k, title] of titles.entries()) {
      const t = templates[title];
      // Each booth employer offers its first vacancy at one of the fairs (the welders at the coming one).
      const fair = i < fairEmployers && k === 0 ? (title === '电焊工' || i % 2 === 0 ? upcoming : past) : undefined;
      // Registered some day of the past six weeks (before the fair it is offered at) and reviewed
      // the same day or the next.
      const latest = fair === past ? 21 : 1;
      const registered = addDays(today, -latest - Math.floor(rand() * (spreadDays - latest)));
      const reviewed = addDays(registered, Math.floor(rand() * 2));
      const v = await createVacancy(on(officer, registered), {
        employerId: employer.id,
        title,
        occupation: t.occupation,
        headcount: 1 + Math.floor(rand() * 5),
        wageMin: t.wage[0],
        wageMax: t.wage[1],
        education: t.education,
        skills: [...t.skills],
        regionCode: communities[(i + k) % communities.length]!,
        description: t.text,
        validUntil: addDays(registered, 60 + Math.floor(rand() * 29)),
        fairId: fair?.id,
      });
      vacancyCount++;
      // Flagged vacancies stay in the review queue for the demo reviewer to edit and approve.
      if (v.screening.flags.some((f) => f.severity === 'flag')) continue;
      await reviewVacancy(on(reviewer, reviewed), v.id, 'approve', undefined);
      published++;
      byTitle.set(title, [...(byTitle.get(title) ?? []), { id: v.id, published: reviewed }]);
    }
  }
  for (const [k, employerId] of employerIds.slice(0, fairEmployers).entries()) {
    await addBooth(officer, upcoming.id, { employerId, boothNo: `A${String(k + 1).padStart(2, '0')}` });
    await addBooth(officer, past.id, { employerId, boothNo: `B${String(k + 1).padStart(2, '0')}` });
  }
  await updateFair(officer, past.id, { attendance: 1860, intentions: 312, deals: 97 });
  const referrals = await referDemoSeekers(ctx, byTitle, today);
  return { employers: employerIds.length, vacancies: vacancyCount, published, referrals };
}

/** Refers unemployed welders and electricians of the demo population; some are hired. */
async function referDemoSeekers(ctx: Ctx, byTitle: Map<string, { id: string; published: string }[]>, today: string): Promise<number> {
  const clerk = await demoActor(ctx, 'xiaodian_clerk');
  let made = 0;
  for (const [skill, title] of [
    ['焊工', '电焊工'],
    ['电工', '维修电工'],
  ] as const) {
    // Referred from ten days ago on, to vacancies published by then.
    const first = addDays(today, -10);
    const vacancyIds = (byTitle.get(title) ?? []).filter((v) => v.published <= first).map((v) => v.id);
    if (vacancyIds.length === 0) continue;
    const seekers = await ctx.db
      .select({ id: persons.id })
      .from(persons)
      .where(
        and(sql`${persons.regionCode} LIKE '140105%'`, eq(persons.employmentStatus, 'unemployed'), sql`${skill} = ANY(${persons.skills})`),
      )
      .orderBy(persons.name)
      .limit(6);
    for (const [k, s] of seekers.entries()) {
      const referral = await createReferral(clerk, {
        personId: s.id,
        vacancyId: vacancyIds[k % vacancyIds.length]!,
        date: addDays(today, -10 + k),
      });
      made++;
      if (k % 3 === 0) await recordOutcome(clerk, referral.id, { outcome: 'hired', date: addDays(today, -3) });
      else if (k % 3 === 1) await recordOutcome(clerk, referral.id, { outcome: 'interviewed', date: addDays(today, -5 + k) });
    }
  }
  return made;
}
