// The demo region: Taiyuan (太原市, 1401, the city of seed 000) with real division codes, units at
// every level and staff at each, made through the same services the API uses.
import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '../../shared/roles.js';
import { regions } from '../db/schema.js';
import type { Ctx } from '../platform/context.js';
import { createStaff } from '../modules/staff/index.js';
import { createUnit } from '../modules/units/index.js';

export interface DemoAccount {
  username: string;
  name: string;
  unit: string;
  roles: Role[];
}

const city = '140100000000';
/** The demo's districts, with the pinyin used in usernames. */
const districts = [
  { code: '140105000000', pinyin: 'xiaodian' },
  { code: '140106000000', pinyin: 'yingze' },
  { code: '140107000000', pinyin: 'xinghualing' },
];
const streetsPerDistrict = 3;
const communitiesPerStreet = 3;

async function childRegions(ctx: Ctx, parent: string, limit: number) {
  return ctx.db.select().from(regions).where(eq(regions.parentCode, parent)).orderBy(asc(regions.code)).limit(limit);
}

async function regionName(ctx: Ctx, code: string): Promise<string> {
  const [row] = await ctx.db
    .select({ name: regions.name })
    .from(regions)
    .where(and(eq(regions.code, code)));
  if (!row) throw new Error(`demo region ${code} is missing: load province 14 (OPENPES_REGIONS)`);
  return row.name;
}

/** Short community name: 师范街社区居委会 → 师范街社区. */
const communityName = (name: string) => name.replace(/(居民委员会|居委会|村民委员会|村委会)$/, '').replace(/([^社区村])$/, '$1社区');

/** Creates the demo units and staff; returns the accounts to print. */
export async function createDemoRegion(ctx: Ctx, password: string): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  const addStaff = async (username: string, name: string, unit: { id: string; name: string }, roles: Role[], phone?: string) => {
    await createStaff(ctx, { username, name, unitId: unit.id, roles, password, phone });
    accounts.push({ username, name, unit: unit.name, roles });
  };
  const cityName = await regionName(ctx, city);
  const bureau = await createUnit(ctx, {
    name: `${cityName}人力资源和社会保障局`,
    regionCode: city,
    type: 'labour_bureau',
    address: '太原市小店区长治路',
  });
  const centre = await createUnit(ctx, { name: `${cityName}公共就业服务中心`, regionCode: city, type: 'employment_centre' });
  const uiOffice = await createUnit(ctx, { name: `${cityName}失业保险管理中心`, regionCode: city, type: 'ui_office' });
  await addStaff('taiyuan_admin', '王建国', bureau, ['admin'], '13903510001');
  await addStaff('taiyuan_leader', '李志强', bureau, ['leader']);
  await addStaff('taiyuan_auditor', '赵敏', bureau, ['auditor']);
  await addStaff('taiyuan_reviewer', '孙丽', centre, ['reviewer']);
  await addStaff('taiyuan_job', '周涛', centre, ['job_officer']);
  await addStaff('taiyuan_ui', '吴静', uiOffice, ['ui_officer']);
  await addStaff('taiyuan_finance', '郑华', uiOffice, ['finance']);

  let serial = 2;
  for (const d of districts) {
    const dName = await regionName(ctx, d.code);
    const dBureau = await createUnit(ctx, { name: `${dName}人力资源和社会保障局`, regionCode: d.code, type: 'labour_bureau' });
    const dCentre = await createUnit(ctx, { name: `${dName}就业服务中心`, regionCode: d.code, type: 'employment_centre' });
    await addStaff(`${d.pinyin}_admin`, `${dName}管理员`, dBureau, ['admin']);
    await addStaff(`${d.pinyin}_clerk`, `${dName}经办员`, dCentre, ['clerk', 'job_officer']);
    for (const street of await childRegions(ctx, d.code, streetsPerDistrict)) {
      const office = await createUnit(ctx, { name: `${street.name}劳动保障事务所`, regionCode: street.code, type: 'street_office' });
      const streetCode = street.code.slice(0, 9);
      await addStaff(`s${streetCode}_clerk`, `${street.name}经办员`, office, ['clerk'], `1390351${String(serial++).padStart(4, '0')}`);
      for (const community of await childRegions(ctx, street.code, communitiesPerStreet)) {
        const station = await createUnit(ctx, {
          name: `${communityName(community.name)}劳动保障工作站`,
          regionCode: community.code,
          type: 'community_station',
        });
        await addStaff(`c${community.code}_clerk`, `${communityName(community.name)}协理员`, station, ['clerk']);
      }
    }
  }
  return accounts;
}
