import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryOf, wholeMonthsBetween, type CategoryParams, type PersonFacts } from './categories.js';

const params: CategoryParams = {
  'person_4050.min_age_female': { value: 40, source: '中发〔2002〕12号：女40周岁以上' },
  'person_4050.min_age_male': { value: 50, source: '中发〔2002〕12号：男50周岁以上' },
  'long_term_unemployed.min_months': { value: 12, source: 'OpenPES 缺省值' },
  'graduate_unemployed.window_years': { value: 2, source: 'OpenPES 缺省值' },
};
const facts = (over: Partial<PersonFacts>): PersonFacts => ({
  sex: 'F',
  birthDate: '1985-06-01',
  employmentStatus: 'unemployed',
  statusSince: '2026-03-01',
  graduationYear: null,
  disability: null,
  categories: [],
  zeroEmploymentSince: null,
  ...over,
});
const check = (code: Parameters<typeof categoryOf>[0], f: Partial<PersonFacts>, date = '2026-11-23') =>
  categoryOf(code).check(facts(f), date, params);

describe('AID-1 category rules (pure)', () => {
  it('AID-1 person_4050: a registered unemployed woman of 41 qualifies, a man of 45 does not, nor a woman of 41 who is employed', () => {
    expect(check('person_4050', {}).met).toBe(true);
    const man = check('person_4050', { sex: 'M', birthDate: '1981-06-01' });
    expect(man.met).toBe(false);
    expect(man.failed.map((r) => r.rule)).toEqual(['person_4050.min_age_male']);
    expect(check('person_4050', { employmentStatus: 'employed' }).failed.map((r) => r.rule)).toEqual(['person_4050.registered_unemployed']);
  });

  it('AID-1 person_4050: the age boundary is the birthday as of the date asked (property)', () => {
    // The first day a person born on `birth` is `age` years old: the birthday, or 1 March for a 29 February birth in a common year.
    const isDate = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
    const birthday = (birth: string, age: number) => {
      const d = `${Number(birth.slice(0, 4)) + age}-${birth.slice(5)}`;
      return isDate(d) ? d : `${d.slice(0, 4)}-03-01`;
    };
    const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom<'M' | 'F'>('M', 'F'),
        fc.integer({ min: 30, max: 60 }),
        (born, sex, minAge) => {
          const birthDate = born.toISOString().slice(0, 10);
          const p = { ...params, [`person_4050.min_age_${sex === 'F' ? 'female' : 'male'}`]: { value: minAge, source: 's' } };
          const first = birthday(birthDate, minAge);
          const rule = categoryOf('person_4050');
          expect(rule.check(facts({ sex, birthDate }), first, p).met).toBe(true);
          expect(rule.check(facts({ sex, birthDate }), dayBefore(first), p).met).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('AID-1 long_term_unemployed counts whole months of continuous unemployment to the date', () => {
    expect(wholeMonthsBetween('2025-11-23', '2026-11-23')).toBe(12);
    expect(wholeMonthsBetween('2025-11-24', '2026-11-23')).toBe(11);
    expect(wholeMonthsBetween('2025-01-31', '2025-02-28')).toBe(1);
    expect(check('long_term_unemployed', { statusSince: '2025-11-23' }).met).toBe(true);
    expect(check('long_term_unemployed', { statusSince: '2025-11-24' }).met).toBe(false);
    expect(check('long_term_unemployed', { statusSince: '2020-01-01', employmentStatus: 'employed' }).met).toBe(false);
  });

  it('AID-1 zero_employment_household reads the household state; graduate_unemployed the graduation year window', () => {
    expect(check('zero_employment_household', { zeroEmploymentSince: '2026-10-01' }).met).toBe(true);
    expect(check('zero_employment_household', {}).met).toBe(false);
    expect(check('graduate_unemployed', { graduationYear: 2025 }).met).toBe(true);
    expect(check('graduate_unemployed', { graduationYear: 2024 }).met).toBe(false);
    expect(check('graduate_unemployed', { graduationYear: 2026, employmentStatus: 'not_registered' }).met).toBe(false);
  });

  it('AID-1 evidence categories read the fact recorded on the person', () => {
    expect(check('disabled', { disability: '视力二级' }).met).toBe(true);
    expect(check('disabled', {}).met).toBe(false);
    expect(check('minimum_living_allowance', { categories: ['低保人员'] }).met).toBe(true);
    expect(check('land_lost_farmer', { categories: ['被征地农民'] }).met).toBe(true);
    expect(check('extreme_hardship', { categories: ['特困群体'] }).met).toBe(true);
    expect(check('extreme_hardship', { categories: ['低保'] }).met).toBe(false);
  });
});
