// AID-5 the eligibility rules and the yearly check's due date, as pure functions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../platform/clock.js';
import { eligibilityReasons, nextCheckDue, type EligibilityFacts } from './rules.js';

const ages = { min: 16, maxMale: 60, maxFemale: 50 };
const facts: EligibilityFacts = {
  employmentStatus: 'unemployed',
  statusSince: '2026-03-02',
  householdType: 'urban',
  labourCapacity: 'full',
  sex: 'M',
  birthDate: '1980-05-05',
};
const failed = (f: EligibilityFacts, date = '2026-11-23') =>
  eligibilityReasons(f, date, ages)
    .filter((r) => !r.met)
    .map((r) => r.rule);

describe('AID-5 eligibility rules', () => {
  it('AID-5 an urban registered unemployed man of 46 with labour capacity meets every rule, each with a seed clause', () => {
    const reasons = eligibilityReasons(facts, '2026-11-23', ages);
    expect(reasons.every((r) => r.met)).toBe(true);
    expect(reasons.every((r) => /种子文件 00[23]/.test(r.source))).toBe(true);
  });

  it('AID-5 each failed condition is named: employed, rural, no labour capacity, a woman of 50 past the female working age', () => {
    expect(failed({ ...facts, employmentStatus: 'employed' })).toEqual(['REGISTERED_UNEMPLOYED']);
    expect(failed({ ...facts, householdType: 'rural' })).toEqual(['URBAN_HOUSEHOLD']);
    expect(failed({ ...facts, labourCapacity: 'none' })).toEqual(['LABOUR_CAPACITY']);
    expect(failed({ ...facts, sex: 'F', birthDate: '1976-11-23' })).toEqual(['WORKING_AGE']);
    expect(failed({ ...facts, sex: 'F', birthDate: '1976-11-24' })).toEqual([]);
  });
});

describe('AID-5 yearly check due date', () => {
  it('AID-5 a check falls due one interval after the later of the last issue and the last check (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(day, { nil: null }), fc.integer({ min: 1, max: 36 }), (issued, checked, months) => {
        const due = nextCheckDue(issued, checked, months);
        const base = checked && checked > issued ? checked : issued;
        expect(due).toBe(addMonths(base, months));
        expect(due > issued).toBe(true);
        if (checked) expect(due > checked).toBe(true);
      }),
    );
  });
});
