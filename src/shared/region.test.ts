import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inScope, parentRegionCode, regionLevel, scopeOf } from './region.js';

describe('NET-2 region codes and scopes (DESIGN idea 1)', () => {
  it.each([
    ['140000000000', 1, '14'],
    ['140100000000', 2, '1401'],
    ['140105000000', 3, '140105'],
    ['140105002000', 4, '140105002'],
    ['140105002003', 5, '140105002003'],
  ] as const)('%s is level %i with scope %s', (code, level, scope) => {
    expect(regionLevel(code)).toBe(level);
    expect(scopeOf(code)).toBe(scope);
  });

  it('the parent of a community is its street, of a street its district', () => {
    expect(parentRegionCode('140105002003')).toBe('140105002000');
    expect(parentRegionCode('140105002000')).toBe('140105000000');
    expect(parentRegionCode('140000000000')).toBeNull();
  });

  it('property: a code is in the scope of itself and of every ancestor, and in no sibling scope', () => {
    const code = fc.tuple(
      fc.integer({ min: 11, max: 65 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 1, max: 999 }),
      fc.integer({ min: 1, max: 999 }),
    );
    fc.assert(
      fc.property(code, ([p, c, d, s, v]) => {
        const full = `${p}${String(c).padStart(2, '0')}${String(d).padStart(2, '0')}${String(s).padStart(3, '0')}${String(v).padStart(3, '0')}`;
        const sibling = `${full.slice(0, 9)}${String((v % 999) + 1).padStart(3, '0')}`;
        let ancestors = 0;
        for (let a: string | null = full; a; a = parentRegionCode(a)) {
          expect(inScope(scopeOf(a), full)).toBe(true);
          ancestors++;
        }
        expect(ancestors).toBe(5);
        expect(inScope(scopeOf(full), sibling)).toBe(sibling === full);
        expect(inScope('', full)).toBe(true);
      }),
    );
  });
});
