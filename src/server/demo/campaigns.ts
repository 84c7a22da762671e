// A campaign in the demo city (AID-7): 小店区's clerk plans last month's 就业援助月 for the district
// through the same use case as the 专项活动 page, with targets; its results are whatever the demo's
// records dated in that month add up to (services, hires, referrals, fairs, placements), never typed.
import { eq } from 'drizzle-orm';
import { staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import { addMonths, monthBounds, shanghaiDateOf } from '../platform/clock.js';
import type { Ctx } from '../platform/context.js';
import { createCampaign } from '../modules/assistance/index.js';

/** Last month's assistance month of 小店区; none where the demo has no district clerk. */
export async function createDemoCampaigns(ctx: Ctx): Promise<{ campaigns: number }> {
  const [member] = await ctx.db.select().from(staff).where(eq(staff.username, 'xiaodian_clerk'));
  if (!member) return { campaigns: 0 };
  const today = shanghaiDateOf(ctx.now());
  const month = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const { first, last } = monthBounds(month);
  await createCampaign(
    { ...ctx, actor: actorOf(member) },
    {
      name: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月小店区就业援助月`,
      kind: 'assistance_month',
      regionCode: '140105000000',
      startDate: first,
      endDate: last,
      targetGroups: [],
      targets: { persons_served: 30, persons_placed: 15, referrals: 20, job_fairs: 2, welfare_post_placements: 3 },
      note: '送政策、送技能、送岗位、送服务（种子文件 002 §(十)、003 §(四)）',
    },
  );
  return { campaigns: 1 };
}
