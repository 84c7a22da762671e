import { describe, expect, it } from 'vitest';
import type { UnitType } from '../shared/roles.js';
import type { Unit } from './types.js';
import { buildUnitTree, parentIds, type UnitNode } from './unitTree.js';

const unit = (id: string, scope: string, type: UnitType, name = id): Unit => ({
  id,
  name,
  type,
  scope,
  regionCode: scope.padEnd(12, '0'),
  regionName: null,
  address: null,
  phone: null,
  disabled: false,
  createdAt: '2024-01-01T00:00:00Z',
});

const shape = (nodes: UnitNode[]): unknown => nodes.map((n) => (n.children.length ? { [n.unit.id]: shape(n.children) } : n.unit.id));

describe('units tree (NET-1 four-level network)', () => {
  it('NET-2: a unit nests under the leading unit of the nearest shorter scope; units sharing a scope are siblings', () => {
    const units = [
      unit('street-station', '140105001001', 'community_station'),
      unit('district-centre', '140105', 'employment_centre'),
      unit('street', '140105001', 'street_office'),
      unit('district-bureau', '140105', 'labour_bureau'),
      unit('city-bureau', '1401', 'labour_bureau'),
    ];
    expect(shape(buildUnitTree(units))).toEqual([
      { 'city-bureau': [{ 'district-bureau': [{ street: ['street-station'] }] }, 'district-centre'] },
    ]);
  });

  it('NET-2: a street clerk sees their street office as the root, even without the district above', () => {
    const tree = buildUnitTree([unit('s', '140105004', 'street_office'), unit('c', '140105004001', 'community_station')]);
    expect(shape(tree)).toEqual([{ s: ['c'] }]);
    expect(parentIds(tree)).toEqual(['s']);
  });

  it('skips missing levels: a community under a district when its street has no unit', () => {
    expect(shape(buildUnitTree([unit('d', '140105', 'labour_bureau'), unit('c', '140105009001', 'community_station')]))).toEqual([
      { d: ['c'] },
    ]);
  });
});
