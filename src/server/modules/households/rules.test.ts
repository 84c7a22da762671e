import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, isZeroEmploymentHousehold, type MemberFacts } from './rules.js';

const ages = { min: 16, maxMale: 60, maxFemale: 50 };
const member = (over: Partial<MemberFacts>): MemberFacts => ({
  sex: 'M',
  birthDate: '1980-05-01',
  labourCapacity: 'full',
  employmentStatus: 'unemployed',
  ...over,
});

describe('REG-5 / AID-3 zero-employment household (seed 003 §(四))', () => {
  it('an urban household whose two working-age members are both registered unemployed qualifies', () => {
    expect(isZeroEmploymentHousehold('urban', [member({}), member({ sex: 'F', birthDate: '1985-01-01' })], '2026-11-23', ages)).toBe(true);
  });
  it('one employed member means it does not qualify', () => {
    expect(isZeroEmploymentHousehold('urban', [member({}), member({ employmentStatus: 'employed' })], '2026-11-23', ages)).toBe(false);
  });
  it('a working-age member who is not registered unemployed means it does not qualify', () => {
    expect(isZeroEmploymentHousehold('urban', [member({}), member({ employmentStatus: 'not_registered' })], '2026-11-23', ages)).toBe(
      false,
    );
  });
  it('a child, a retiree and a member without labour capacity do not count', () => {
    const members = [
      member({}),
      member({ birthDate: '2015-01-01', employmentStatus: 'not_registered' }),
      member({ sex: 'F', birthDate: '1960-01-01', employmentStatus: 'not_registered' }),
      member({ labourCapacity: 'none', employmentStatus: 'not_registered' }),
    ];
    expect(isZeroEmploymentHousehold('urban', members, '2026-11-23', ages)).toBe(true);
  });
  it('a rural household never qualifies, nor one with nobody of working age', () => {
    expect(isZeroEmploymentHousehold('rural', [member({})], '2026-11-23', ages)).toBe(false);
    expect(isZeroEmploymentHousehold('urban', [member({ birthDate: '1950-01-01' })], '2026-11-23', ages)).toBe(false);
  });
  it('age counts whole years; three months after 30 November is the end of February', () => {
    expect(ageOn('1980-11-24', '2026-11-23')).toBe(45);
    expect(ageOn('1980-11-23', '2026-11-23')).toBe(46);
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-11-23', 3)).toBe('2027-02-23');
  });
});
