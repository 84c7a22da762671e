import { describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { isParamName, paramDefinitions, paramSeedValues } from './catalogue.js';
import { param } from './service.js';

describe('DESIGN idea 3: the catalogue is the list of parameter names', () => {
  it('a misspelt parameter name does not compile, and is not a name at run time either', () => {
    const misspelt = (db: Database) =>
      // @ts-expect-error 'vacancy.max_valdity' is not in the catalogue
      param(db, 'vacancy.max_valdity', '140105000000', '2024-01-01');
    expect(misspelt).toBeTypeOf('function');
    expect(isParamName('vacancy.max_valdity')).toBe(false);
    expect(isParamName('vacancy.max_validity')).toBe(true);
  });

  it('every seeded value names a defined parameter and a source', () => {
    const names = new Set<string>(paramDefinitions.map((d) => d.name));
    for (const v of paramSeedValues) {
      expect(names.has(v.name), v.name).toBe(true);
      expect(v.source.length, v.name).toBeGreaterThan(10);
    }
  });

  it('every parameter has a seeded figure except those no seed document or national rule sets: startup.target_success_rate and the monthly post and social-insurance subsidies (set by each region)', () => {
    const seeded = new Set(paramSeedValues.map((v) => v.name));
    const unseeded = paramDefinitions.filter((d) => !seeded.has(d.name)).map((d) => d.name);
    expect(unseeded.sort()).toEqual([
      'startup.target_success_rate',
      'subsidy.public_welfare_post.amount',
      'subsidy.social_insurance.amount',
    ]);
  });
});
