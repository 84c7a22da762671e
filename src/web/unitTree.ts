// The units page's tree: units nest by scope, each under the leading unit of the nearest shorter
// scope present (a district's bureau and centre share one scope; streets go under the bureau).
import { unitTypes, type UnitType } from '../shared/roles.js';
import type { Unit } from './types.js';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const typeRank = Object.keys(unitTypes) as UnitType[];

/** Order inside one scope: bureau first, then centre, offices; then by name. */
function compareUnits(a: Unit, b: Unit): number {
  return (
    typeRank.indexOf(a.type) - typeRank.indexOf(b.type) || a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-CN')
  );
}

/** Builds the forest of units; roots are units with no shorter scope in the list. */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const byScope = new Map<string, UnitNode[]>();
  for (const unit of [...units].sort(compareUnits)) {
    const list = byScope.get(unit.scope) ?? [];
    list.push({ unit, children: [] });
    byScope.set(unit.scope, list);
  }
  const roots: UnitNode[] = [];
  const scopes = [...byScope.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const scope of scopes) {
    const nodes = byScope.get(scope)!;
    const parent = nearestParent(byScope, scope);
    (parent ? parent.children : roots).push(...nodes);
  }
  const sortDeep = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.scope.localeCompare(b.unit.scope) || compareUnits(a.unit, b.unit));
    list.forEach((n) => sortDeep(n.children));
  };
  sortDeep(roots);
  return roots;
}

/** The leading unit of the longest scope that is a proper prefix of `scope`. */
function nearestParent(byScope: Map<string, UnitNode[]>, scope: string): UnitNode | undefined {
  for (let len = scope.length - 1; len >= 0; len--) {
    const found = byScope.get(scope.slice(0, len));
    if (found?.[0]) return found[0];
  }
  return undefined;
}

/** Ids of every node that has children (to expand the whole tree). */
export function parentIds(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) => (n.children.length ? [n.unit.id, ...parentIds(n.children)] : []));
}
