// Region codes (统计用区划代码): 12 digits = province 2, city 2, district 2, street 3, community 3.

export type RegionLevel = 1 | 2 | 3 | 4 | 5;

/** Significant prefix length of each level: province 2, city 4, district 6, street 9, community 12. */
export const prefixLengthByLevel: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

export const levelNames: Record<RegionLevel, string> = { 1: '省', 2: '市', 3: '区县', 4: '街道乡镇', 5: '社区村' };

/** True when the string is twelve digits. */
export function isRegionCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

/** The level of a 12-digit code, read from where its trailing zeros start. */
export function regionLevel(code: string): RegionLevel {
  if (code.slice(2) === '0000000000') return 1;
  if (code.slice(4) === '00000000') return 2;
  if (code.slice(6) === '000000') return 3;
  if (code.slice(9) === '000') return 4;
  return 5;
}

/** The significant prefix of a code: the scope a unit at that code covers (NET-2, DESIGN idea 1). */
export function scopeOf(code: string): string {
  return code.slice(0, prefixLengthByLevel[regionLevel(code)]);
}

/** Pads a 2/4/6/9/12-digit prefix to a full 12-digit code. */
export function padRegionCode(prefix: string): string {
  return prefix.padEnd(12, '0');
}

/** The parent code of a code, or null for a province. */
export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === 1) return null;
  return padRegionCode(code.slice(0, prefixLengthByLevel[(level - 1) as RegionLevel]));
}

/** True when `scope` covers `code` (the empty scope covers the whole country). */
export function inScope(scope: string, code: string): boolean {
  return code.startsWith(scope);
}
