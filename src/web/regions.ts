// Region look-ups for pickers and labels, cached for the page's life (divisions rarely change).
import { padRegionCode, prefixLengthByLevel, regionLevel, type RegionLevel } from '../shared/region.js';
import { get } from './api.js';
import type { Region, RegionDetail } from './types.js';

const children = new Map<string, Promise<Region[]>>();
const details = new Map<string, Promise<RegionDetail>>();

/** Child divisions of a 12-digit code ('' for the provinces). */
export function regionChildren(parent: string): Promise<Region[]> {
  let found = children.get(parent);
  if (!found) {
    found = get<Region[]>('/regions', parent ? { parent } : {});
    found.catch(() => children.delete(parent));
    children.set(parent, found);
  }
  return found;
}

/** One division with its ancestors, by scope prefix or full code. */
export function regionDetail(prefixOrCode: string): Promise<RegionDetail> {
  const code = padRegionCode(prefixOrCode);
  let found = details.get(code);
  if (!found) {
    found = get<RegionDetail>(`/regions/${code}`);
    found.catch(() => details.delete(code));
    details.set(code, found);
  }
  return found;
}

/** The level of a scope prefix: 0 for the whole country, else 1..5. */
export function scopeLevel(scope: string): number {
  return scope === '' ? 0 : regionLevel(padRegionCode(scope));
}

/**
 * The codes a cascading picker shows below a base scope for a chosen code: one per level from
 * the level under the base down to the code's own level ("140105" + 140105004001000 gives the
 * street and the community).
 */
export function chainBelow(baseScope: string, code: string | undefined): string[] {
  if (!code || !/^\d{12}$/.test(code) || !code.startsWith(baseScope)) return [];
  const chain: string[] = [];
  for (let level = scopeLevel(baseScope) + 1; level <= regionLevel(code); level++) {
    chain.push(padRegionCode(code.slice(0, prefixLengthByLevel[level as RegionLevel])));
  }
  return chain;
}
