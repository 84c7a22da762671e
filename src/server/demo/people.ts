// Generated people for the demo region, import tests and benchmarks: valid citizen IDs, real
// community codes, plausible Chinese names; deterministic for a seed.
import { idCheckCharacter } from '../../shared/idNumber.js';
import type { ledgerColumns } from '../modules/ledgerImport/index.js';

export type LedgerRow = Record<(typeof ledgerColumns)[number]['key'], string>;

const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力梅鑫斌宇浩凯秀云莉健俊帅婷雪琳晨阳佳欣';
const roads = ['坞城路', '学府街', '长治路', '并州南路', '体育路', '平阳路', '北营南路', '亲贤街', '五一路', '迎泽大街'];
const skills = ['焊工', '电工', '叉车司机', '保洁', '厨师', '育婴员', '会计', '仓储管理', '钳工', '家政服务'];

/** Deterministic pseudo-random numbers (mulberry32), so generated files are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` distinct valid ledger rows spread over the communities; `used` keeps IDs distinct across calls. */
export function makeLedgerRows(
  n: number,
  communities: string[],
  seed = 1,
  used = new Set<string>(),
  birthYears: [number, number] = [1966, 2003],
): LedgerRow[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rand() * xs.length)] as T;
  const rows: LedgerRow[] = [];
  for (let i = 0; i < n; i++) {
    const community = communities[i % communities.length]!;
    const year = birthYears[0] + Math.floor(rand() * (birthYears[1] - birthYears[0] + 1));
    const birth = `${year}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    // The 3-digit sequence is bumped until the ID is new, so every row is a different person.
    let seq = i % 1000;
    while (used.has(`${community.slice(0, 6)}${birth}${seq}`)) seq = (seq + 1) % 1000;
    used.add(`${community.slice(0, 6)}${birth}${seq}`);
    const body = `${community.slice(0, 6)}${birth}${String(seq).padStart(3, '0')}`;
    const r = rand();
    const registration = r < 0.25 ? '失业' : r < 0.75 ? '就业' : '';
    rows.push({
      idNumber: body + idCheckCharacter(body),
      name: pick<string>(surnames) + pick<string>(given) + (rand() < 0.5 ? pick<string>(given) : ''),
      regionCode: community,
      householdType: rand() < 0.8 ? '城镇' : '农村',
      phone: `13${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
      ethnicity: '汉族',
      education: pick(['初中', '高中', '大学专科', '大学本科']),
      address: `${pick(roads)} ${1 + Math.floor(rand() * 200)} 号 ${1 + Math.floor(rand() * 6)} 单元 ${1 + Math.floor(rand() * 6)}0${1 + Math.floor(rand() * 4)}`,
      labourCapacity: rand() < 0.95 ? '完全' : '部分',
      skills: pick(skills),
      categories: year < 1976 ? '4050人员' : '',
      registration,
      registrationDate: registration ? `2025-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-15` : '',
      employerName: registration === '就业' ? '太原市某有限公司' : '',
    });
  }
  return rows;
}
