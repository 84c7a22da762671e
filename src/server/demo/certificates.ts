// Yearly checks of the 就业失业登记证 (AID-5) in the demo city, made through the certificates
// module's use cases by the street clerks of 小店区's first streets: the holders whose check falls
// due soonest are checked and continue. The policies enjoyed arise on their own from the demo's
// placements and paid subsidies (the assistance module records them through certificates). No
// seed document sets Taiyuan's policy-rate target, so the demo sets seed 002's 80% as an example.
import { eq } from 'drizzle-orm';
import { staff } from '../db/schema.js';
import { actorOf } from '../platform/auth.js';
import type { Ctx } from '../platform/context.js';
import { addParamValue } from '../policy/service.js';
import { checksDue, recordYearlyCheck } from '../modules/certificates/index.js';

async function as(ctx: Ctx, username: string): Promise<Ctx | undefined> {
  const [member] = await ctx.db.select().from(staff).where(eq(staff.username, username));
  return member ? { ...ctx, actor: actorOf(member) } : undefined;
}

/** Up to `perStreet` yearly checks in each of the first `streets` streets; answers how many. */
export async function createDemoCertificateChecks(ctx: Ctx, streets = 3, perStreet = 3): Promise<number> {
  const admin = await as(ctx, 'taiyuan_admin');
  if (admin)
    await addParamValue(admin, 'reemployment_certificate.target_policy_rate', {
      regionPrefix: '1401',
      effectiveFrom: '2020-01-01',
      value: 80,
      source: '演示数据：太原市目标尚未录入，参照种子文件 002 沈阳市 §一(二) 80% 的示例取值，正式使用前请按本地文件修改',
    });
  let checks = 0;
  for (let i = 1; i <= streets; i++) {
    const clerk = await as(ctx, `s140105${String(i).padStart(3, '0')}_clerk`);
    if (!clerk) continue;
    const due = await checksDue(clerk, { withinDays: 60 }, { limit: perStreet, offset: 0 });
    for (const holder of due.items) {
      await recordYearlyCheck(clerk, holder.personId, { result: 'continue', comment: '本人到场核实，证件继续有效' });
      checks++;
    }
  }
  return checks;
}
