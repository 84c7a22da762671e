// The demo region's job market, made through the same use cases as real data: employers, their
// vacancies (screened and reviewed by the demo reviewer; a few left waiting with flags), job fairs
// and, when the demo has people, referrals of unemployed welders and electricians with outcomes.
import { and, eq, sql } from 'drizzle-orm';
import { creditCodeCheckCharacter } from '../../shared/creditCode.js';
import { persons, regions, staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { createEmployer } from '../modules/employers/index.js';
import { addBooth, createFair, updateFair } from '../modules/fairs/index.js';
import { createReferral, recordOutcome } from '../modules/referrals/index.js';
import { createVacancy, reviewVacancy } from '../modules/vacancies/index.js';
import { seededRandom } from './people.js';

const employerNames = [
  ['山西晋阳重工机械有限公司', 'C', 'medium', '140105'],
  ['太原龙城钢结构工程有限公司', 'E', 'medium', '140105'],
  ['太原市汾河物业管理有限公司', 'K', 'medium', '140105'],
  ['山西亲贤家政服务有限公司', 'O', 'small', '140105'],
  ['太原并州餐饮管理有限公司', 'H', 'small', '140105'],
  ['山西坞城物流有限公司', 'G', 'medium', '140105'],
  ['太原学府电子科技有限公司', 'I', 'small', '140105'],
  ['山西迎泽商贸有限公司', 'F', 'small', '140106'],
  ['太原市五一路百货有限公司', 'F', 'medium', '140106'],
  ['太原双塔建筑安装工程有限公司', 'E', 'large', '140106'],
  ['山西柳巷养老服务有限公司', 'Q', 'small', '140106'],
  ['太原杏花岭汽车维修有限公司', 'O', 'small', '140107'],
  ['山西胜利机电设备有限公司', 'C', 'medium', '140107'],
  ['太原北城保安服务有限公司', 'L', 'medium', '140107'],
] as const;

/** Vacancy templates; `{e}` is the employer's short name. Two carry wording the screening flags. */
const templates = [
  {
    title: '电焊工',
    occupation: '6-18-02-04',
    skills: ['焊工'],
    wage: [550000, 800000],
    education: '初中',
    text: '招聘电焊工，持特种作业操作证（焊接与热切割），能看懂图纸，有二保焊、氩弧焊经验者优先。男女不限，五险一金，包午餐。',
  },
  {
    title: '氩弧焊工',
    occupation: '6-18-02-04',
    skills: ['焊工'],
    wage: [650000, 900000],
    education: '初中',
    text: '钢结构车间招聘氩弧焊工，持证上岗，能焊不锈钢薄板。计件工资，多劳多得，缴纳社会保险。',
  },
  {
    title: '维修电工',
    occupation: '6-31-01-03',
    skills: ['电工'],
    wage: [500000, 700000],
    education: '高中/中专/技校',
    text: '负责厂区供配电设备日常维护，持低压电工作业证，能适应倒班。',
  },
  {
    title: '保洁员',
    occupation: '4-09-08-01',
    skills: ['保洁'],
    wage: [250000, 300000],
    education: null,
    text: '小区公共区域保洁，早八晚五，月休四天，缴纳社会保险，适合就近就业。',
  },
  {
    title: '中式烹调师',
    occupation: '4-03-02-01',
    skills: ['厨师'],
    wage: [450000, 650000],
    education: null,
    text: '招聘热菜厨师，会做晋菜，有健康证，工作时间10:00-21:00，包食宿。',
  },
  {
    title: '家政服务员',
    occupation: '4-10-01-06',
    skills: ['家政服务'],
    wage: [350000, 550000],
    education: null,
    text: '提供居家保洁、做饭、照护服务，公司免费培训，按单结算，时间灵活。',
  },
  {
    title: '仓储管理员',
    occupation: '4-02-06-01',
    skills: ['仓储管理'],
    wage: [400000, 500000],
    education: '高中/中专/技校',
    text: '负责出入库登记、盘点，会使用电脑和仓储管理系统，有叉车证者优先。',
  },
  {
    title: '会计',
    occupation: '2-06-03-00',
    skills: ['会计'],
    wage: [450000, 600000],
    education: '大学专科',
    text: '负责总账、报税和成本核算，熟悉金蝶或用友软件，三年以上工作经验。',
  },
  {
    title: '保安员',
    occupation: '4-07-05-01',
    skills: [],
    wage: [300000, 380000],
    education: null,
    text: '写字楼保安，持保安员证，做二休一，提供住宿，限男性，仅限本地户口。',
  },
  {
    title: '养老护理员',
    occupation: '4-10-01-05',
    skills: [],
    wage: [380000, 500000],
    education: null,
    text: '照护失能老人，持养老护理员证书者优先，提供岗前培训，35岁以下，已婚已育优先。',
  },
  {
    title: '装配钳工',
    occupation: '6-20-01-01',
    skills: ['钳工'],
    wage: [500000, 700000],
    education: '高中/中专/技校',
    text: '机械设备装配与调试，能识读装配图，有钳工职业资格证书。',
  },
  {
    title: '快递员',
    occupation: '4-02-07-08',
    skills: [],
    wage: [500000, 800000],
    education: null,
    text: '负责小店区片区派件揽件，公司提供电动车，多劳多得。',
  },
] as const;

const vacanciesPerEmployer = 4;

async function demoActor(ctx: Ctx, username: string): Promise<Ctx> {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.username, username));
  if (!row) throw new Error(`demo account ${username} is missing`);
  return { ...ctx, actor: actorOf(row) };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

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
  let vacancyCount = 0;
  let published = 0;
  const byTitle = new Map<string, string[]>();
  const employerIds: string[] = [];
  for (const [i, [name, industry, size, district]] of employerNames.entries()) {
    const communities = await communitiesOf(district);
    const body = `91${district}MA0${String(i + 1).padStart(2, '0')}K${String(100 + i)}`.slice(0, 17);
    const employer = await createEmployer(officer, {
      name,
      creditCode: body + creditCodeCheckCharacter(body),
      regionCode: communities[i % communities.length]!,
      industry,
      size,
      contactName: '人事部',
      contactPhone: `0351-${7000000 + i * 131}`,
    });
    employerIds.push(employer.id);
    for (let k = 0; k < vacanciesPerEmployer; k++) {
      const t = templates[(i * vacanciesPerEmployer + k) % templates.length]!;
      const v = await createVacancy(officer, {
        employerId: employer.id,
        title: t.title,
        occupation: t.occupation,
        headcount: 1 + Math.floor(rand() * 5),
        wageMin: t.wage[0],
        wageMax: t.wage[1],
        education: t.education,
        skills: [...t.skills],
        regionCode: communities[(i + k) % communities.length]!,
        description: t.text,
        validUntil: addDays(today, 30 + Math.floor(rand() * 50)),
      });
      vacancyCount++;
      // Flagged vacancies stay in the review queue for the demo reviewer to edit and approve.
      if (v.screening.flags.some((f) => f.severity === 'flag')) continue;
      await reviewVacancy(reviewer, v.id, 'approve', undefined);
      published++;
      byTitle.set(t.title, [...(byTitle.get(t.title) ?? []), v.id]);
    }
  }
  const upcoming = await createFair(officer, {
    name: '小店区2026年冬季农民工专场招聘会',
    kind: 'rural_migrants',
    date: addDays(today, 12),
    venue: '小店区人力资源市场（坞城路）',
    regionCode: '140105001001',
    description: '免费入场，现场提供岗位推荐和政策咨询。',
  });
  const past = await createFair(officer, {
    name: '太原市高校毕业生秋季双选会',
    kind: 'graduates',
    date: addDays(today, -20),
    venue: '山西大学体育馆',
    regionCode: '140106001001',
  });
  for (const [k, employerId] of employerIds.slice(0, 6).entries()) {
    await addBooth(officer, upcoming.id, { employerId, boothNo: `A${String(k + 1).padStart(2, '0')}` });
    await addBooth(officer, past.id, { employerId, boothNo: `B${String(k + 1).padStart(2, '0')}` });
  }
  await updateFair(officer, past.id, { attendance: 1860, intentions: 312, deals: 97 });
  const referrals = await referDemoSeekers(ctx, byTitle, today);
  return { employers: employerIds.length, vacancies: vacancyCount, published, referrals };
}

/** Refers unemployed welders and electricians of the demo population; some are hired. */
async function referDemoSeekers(ctx: Ctx, byTitle: Map<string, string[]>, today: string): Promise<number> {
  const clerk = await demoActor(ctx, 'xiaodian_clerk');
  let made = 0;
  for (const [skill, title] of [
    ['焊工', '电焊工'],
    ['电工', '维修电工'],
  ] as const) {
    const vacancyIds = byTitle.get(title) ?? [];
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
