// The demo region's policy notices (JOB-8), written, submitted and reviewed by the demo staff
// through the notices module's use cases, so they carry the same audit trail and four-eyes rule
// as real ones. Their sources are seed 000 (Taiyuan's own plan) and the national documents it
// names; nothing here states a figure the sources do not.
import { eq } from 'drizzle-orm';
import type { NoticeCategory } from '../../shared/notices.js';
import { staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { createNotice, reviewNotice, submitNotice, type NoticeSourceInput } from '../modules/notices/index.js';

/** Seed 000: Taiyuan's plan, issued by the city's labour bureau (it names no document number or date). */
const seed000: NoticeSourceInput = {
  title: '太原市劳动力市场“三化”建设推进试点实施方案',
  documentNumber: null,
  issuer: '太原市劳动和社会保障局',
};
/** The national notice seed 000 carries out (its 指导思想). */
const reemploymentNotice: NoticeSourceInput = {
  title: '中共中央 国务院关于进一步做好下岗失业人员再就业工作的通知',
  documentNumber: '中发〔2002〕12号',
  issuer: '中共中央 国务院',
  date: '2002-09-30',
};
/** The regulations seed 000 §(六)18 tells the UI office to carry out in full. */
const uiRegulations: NoticeSourceInput = {
  title: '失业保险条例',
  documentNumber: '国务院令第258号',
  issuer: '国务院',
  date: '1999-01-22',
};

interface DemoNotice {
  author: string;
  /** published: reviewed and published; submitted: waiting for review; returned: sent back with the reason. */
  state: 'published' | 'submitted' | { returned: string };
  title: string;
  category: NoticeCategory;
  regionCode: string;
  /** Days from today the notice stays valid; none = until withdrawn. */
  validDays?: number;
  sources: NoticeSourceInput[];
  body: string[];
}

const notices: DemoNotice[] = [
  {
    author: 'taiyuan_job',
    state: 'published',
    title: '公共就业服务“一站式”服务和首问负责制告知',
    category: 'employment_policy',
    regionCode: '140100000000',
    sources: [seed000, reemploymentNotice],
    body: [
      '为方便下岗失业人员求职就业、用人单位招聘用人，市公共就业服务机构设立“一站式”服务窗口，实行“首问负责制”：您到任何一个窗口咨询，首位接待的工作人员负责解答或引导办理，不让群众来回跑。',
      '窗口可办理：求职登记、职业指导、职业介绍、招聘洽谈、培训申请、职业技能鉴定、档案托管、劳动保障事务代理；用人单位可办理政策咨询、招聘登记以及有关就业和社会保险手续。',
      '公共就业服务机构的求职登记、推荐介绍、参加招聘洽谈会、职业指导和劳动力市场信息服务一律免费。各街道（乡镇）劳动保障事务所、社区劳动保障工作站可就近办理求职登记和政策咨询。',
      '办理时请携带本人居民身份证；已领取就业失业登记证的请一并携带。政策咨询电话：12333。',
    ],
  },
  {
    author: 'taiyuan_job',
    state: 'published',
    title: '失业保险金申领须知',
    category: 'subsidy',
    regionCode: '140100000000',
    sources: [uiRegulations, seed000],
    body: [
      '根据《失业保险条例》，同时具备下列条件的失业人员，可以领取失业保险金：',
      '一、按照规定参加失业保险，所在单位和本人已按照规定履行缴费义务满1年的；\n二、非因本人意愿中断就业的；\n三、已办理失业登记，并有求职要求的。',
      '申领办法：失业人员应当持原单位出具的终止或者解除劳动关系的证明和本人居民身份证，及时到失业保险经办机构办理失业登记和失业保险金申领手续。领取期限和标准由经办机构按缴费时间和本市现行标准核定，按月发放。',
      '领取期间请按约定接受职业指导、职业介绍和职业培训。重新就业、应征服兵役、移居境外、享受基本养老保险待遇或者无正当理由拒不接受介绍的工作的，按规定停止领取。',
      '咨询：市失业保险管理中心及各区县经办窗口，或拨打 12333。',
    ],
  },
  {
    author: 'xiaodian_clerk',
    state: 'published',
    title: '小店区公益性岗位优先安置就业困难人员的公告',
    category: 'recruitment',
    regionCode: '140105000000',
    validDays: 60,
    sources: [seed000],
    body: [
      '按照全市公益性岗位优先安排就业困难对象的要求，小店区对政府开发的公益性岗位实行统筹管理，优先安置本区登记的就业困难人员。',
      '安置对象：在本区办理失业登记、经认定为就业困难人员的“4050”人员、零就业家庭成员、残疾人等。名单由社区劳动保障工作站和区就业服务中心核实后列出，实行专人帮扶，制定个人就业计划。',
      '报名方式：本人携带居民身份证和就业失业登记证，到所在社区劳动保障工作站或街道劳动保障事务所登记意向，岗位空出时由工作人员优先推荐。',
      '岗位名称和待遇以用人单位公布的为准。报名、推荐均不收取任何费用。',
    ],
  },
  {
    author: 'taiyuan_job',
    state: 'published',
    title: '创业指导和创业培训服务公告',
    category: 'training',
    regionCode: '140100000000',
    validDays: 90,
    sources: [seed000],
    body: [
      '市、区两级公共就业服务机构和定点培训机构为有意自谋职业、自主创业的下岗失业人员、高校毕业生和农民工提供创业指导和创业培训服务。',
      '服务内容：创业项目选择指导、开业指导、创业培训和开业后的跟踪服务；符合条件的，可按规定申请创业担保贷款等扶持政策。',
      '参加方式：携带居民身份证到就近的公共就业服务机构或街道（乡镇）劳动保障事务所报名，由工作人员推荐到定点培训机构。未能继续升学的初、高中毕业生可报名参加劳动预备制培训。',
      '培训补贴按本市现行政策执行，报名时由工作人员告知。',
    ],
  },
  {
    author: 'yingze_clerk',
    state: 'submitted',
    title: '迎泽区就业困难人员就业援助服务告知',
    category: 'employment_policy',
    regionCode: '140106000000',
    sources: [seed000, reemploymentNotice],
    body: [
      '对在本区办理失业登记的就业困难人员，区就业服务中心和社区劳动保障工作站实行专人帮扶：建立台账，制定个人就业计划，提供职业指导、岗位推荐和培训推荐。',
      '愿意接受公益性岗位安置的，由公共职业介绍机构在一定时间内提供公益性岗位。请携带居民身份证到所在社区劳动保障工作站登记。',
    ],
  },
  {
    author: 'xiaodian_clerk',
    state: { returned: '请写明报名截止日期和培训地点后再提交' },
    title: '小店区家政服务员技能培训报名通知',
    category: 'training',
    regionCode: '140105000000',
    validDays: 45,
    sources: [],
    body: [
      '小店区就业服务中心组织家政服务员就业技能培训，面向本区登记失业人员和农村转移劳动力，培训合格的推荐到家政服务企业就业。',
      '报名请携带居民身份证到所在街道劳动保障事务所。',
    ],
  },
];

async function demoActor(ctx: Ctx, username: string): Promise<Ctx> {
  const [row] = await ctx.db.select().from(staff).where(eq(staff.username, username));
  if (!row) throw new Error(`demo account ${username} is missing`);
  return { ...ctx, actor: actorOf(row) };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Writes the demo notices and takes each to its state; returns how many are on the board. */
export async function createDemoNotices(ctx: Ctx): Promise<{ notices: number; published: number }> {
  const reviewer = await demoActor(ctx, 'taiyuan_reviewer');
  const today = shanghaiDateOf(ctx.now());
  let published = 0;
  for (const n of notices) {
    const author = await demoActor(ctx, n.author);
    const draft = await createNotice(author, {
      title: n.title,
      body: n.body.join('\n\n'),
      category: n.category,
      regionCode: n.regionCode,
      validUntil: n.validDays ? addDays(today, n.validDays) : null,
      sources: n.sources,
    });
    await submitNotice(author, draft.id);
    if (n.state === 'submitted') continue;
    if (n.state === 'published') published++;
    await reviewNotice(
      reviewer,
      draft.id,
      n.state === 'published' ? 'approve' : 'return',
      n.state === 'published' ? undefined : n.state.returned,
    );
  }
  return { notices: notices.length, published };
}
