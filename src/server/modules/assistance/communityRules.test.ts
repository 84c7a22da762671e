// AID-9 full-employment community rules (seed 002 §(八), seed 003 §(四)) as a table of cases, and
// the ranking's invariant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommunityCounts } from './communityRepo.js';
import { judgeCommunity, rankCommunities, scoreOf } from './communityRules.js';

const t = {
  registration: { value: 100, parameter: 'full_employment_community.min_registration_rate', source: '002 §(八)' },
  certificates: { value: 100, parameter: 'full_employment_community.min_certificate_rate', source: '002 §(八)' },
  placement4050: { value: 90, parameter: 'full_employment_community.min_4050_placed_rate', source: '002 §(八)' },
  zeroEmploymentSource: '003 §(四)',
};
const base: CommunityCounts = {
  regionCode: '140105002001',
  regionName: '社区',
  streetName: '街道',
  jobless: 5,
  registeredUnemployed: 5,
  unemployedAll: 5,
  certified: 5,
  persons4050: 10,
  placed4050: 9,
  zeroEmploymentCases: 1,
  zeroEmploymentOverdue: 0,
};
const met = (c: Partial<CommunityCounts>) => Object.fromEntries(judgeCommunity({ ...base, ...c }, t).map((f) => [f.criterion, f.met]));

describe('AID-9 full-employment community criteria', () => {
  it.each([
    ['9 of 10 4050 persons placed meets 90%', { placed4050: 9 }, 'placement_4050', true],
    ['8 of 10 does not', { placed4050: 8 }, 'placement_4050', false],
    ['899 of 1000 does not, though it rounds to 89.9%', { persons4050: 1000, placed4050: 899 }, 'placement_4050', false],
    ['no 4050 person: nothing pending, met', { persons4050: 0, placed4050: 0 }, 'placement_4050', true],
    ['one jobless person not registered misses 100% registration', { jobless: 6 }, 'registration', false],
    ['one registered unemployed without a certificate misses 100%', { certified: 4 }, 'certificates', false],
    ['a zero-employment household open past its deadline', { zeroEmploymentOverdue: 1 }, 'zero_employment', false],
  ] as const)('AID-9 %s', (_, counts, criterion, expected) => {
    expect(met(counts)[criterion]).toBe(expected);
  });

  it('AID-9 the score is the mean of the shares, the zero-employment criterion counting 100 when met', () => {
    expect(scoreOf(judgeCommunity(base, t))).toBe((100 + 100 + 90 + 100) / 4);
    expect(scoreOf(judgeCommunity({ ...base, zeroEmploymentOverdue: 1 }, t))).toBe((100 + 100 + 90 + 0) / 4);
  });

  it('AID-9 ranking: more criteria met first, then the higher score; ranks are 1..n', () => {
    const item = fc.record({
      regionCode: fc.stringMatching(/^\d{12}$/),
      criteriaMet: fc.integer({ min: 0, max: 4 }),
      score: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const ranked = rankCommunities(items);
        expect(ranked.map((r) => r.rank)).toEqual(items.map((_, i) => i + 1));
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(a.criteriaMet > b.criteriaMet || (a.criteriaMet === b.criteriaMet && a.score >= b.score)).toBe(true);
        }
      }),
    );
  });
});
