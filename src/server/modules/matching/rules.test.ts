import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  educationRank,
  matchFactors,
  matchKeysOf,
  scoreMatch,
  type MatchFigures,
  type MatchShares,
  type MatchWeights,
  type SeekerProfile,
  type VacancyProfile,
} from './rules.js';

const weights: MatchWeights = { occupation: 30, skills: 20, place: 20, wage: 15, education: 10, hours: 5, priority: 10 };
/** The seeded national defaults (matching.share.*, matching.city_prefix_digits). */
const shares: MatchShares = { sameGroup: 0.5, sameStreet: 0.7, sameDistrict: 0.4, sameCity: 0.1, cityPrefixDigits: 4 };
const figures: MatchFigures = { weights, shares };
const seeker: SeekerProfile = {
  regionCode: '140105001001',
  occupations: ['6-18-02-04'],
  skills: ['焊工'],
  wageMinFen: 500000,
  education: '高中',
  hours: null,
  regionCodes: [],
  priority: false,
};
const vacancy: VacancyProfile = {
  regionCode: '140105001002',
  occupation: '6-18-02-04',
  skills: ['焊工'],
  wageMin: 500000,
  wageMax: 700000,
  education: '初中',
  hours: 'full_time',
};

describe('JOB-4 matching rules', () => {
  it('JOB-4 the score is the sum of the reasons, each within its weight', () => {
    const { score, reasons } = scoreMatch(seeker, vacancy, figures);
    expect(score).toBe(reasons.reduce((s, r) => s + r.weight, 0));
    for (const r of reasons) expect(r.weight).toBeLessThanOrEqual(r.maxWeight);
    expect(reasons.map((r) => r.factor)).toEqual(matchFactors);
  });

  it('JOB-4 same code scores the full occupation weight, same group half, another group nothing', () => {
    const occ = (occupation: string) =>
      scoreMatch(seeker, { ...vacancy, occupation }, figures).reasons.find((r) => r.factor === 'occupation')!.weight;
    expect(occ('6-18-02-04')).toBe(30);
    expect(occ('6-18-02-01')).toBe(15);
    expect(occ('4-09-08-01')).toBe(0);
  });

  it('JOB-4 place decreases from community to street, district and city', () => {
    const place = (regionCode: string) =>
      scoreMatch(seeker, { ...vacancy, regionCode }, figures).reasons.find((r) => r.factor === 'place')!.weight;
    expect([place('140105001001'), place('140105001002'), place('140105002001'), place('140106001001'), place('140200000000')]).toEqual([
      20, 14, 8, 2, 0,
    ]);
  });

  it('JOB-4 the shares and the city boundary are figures passed in: a municipality counts 2 digits as one city', () => {
    const beijingSeeker = { ...seeker, regionCode: '110101001001' };
    const place = (regionCode: string, s: MatchShares) =>
      scoreMatch(beijingSeeker, { ...vacancy, regionCode }, { weights, shares: s }).reasons.find((r) => r.factor === 'place')!;
    expect(place('110228001001', shares)).toMatchObject({ weight: 0, detail: '岗位不在求职者所在城市' });
    expect(place('110228001001', { ...shares, cityPrefixDigits: 2, sameCity: 0.25 })).toMatchObject({
      weight: 5,
      detail: '岗位与求职者住址同一城市',
    });
    expect(place('110101001002', { ...shares, sameStreet: 0.9 }).weight).toBe(18);
    const occ = scoreMatch(
      seeker,
      { ...vacancy, occupation: '6-18-02-01' },
      { weights, shares: { ...shares, sameGroup: 0.8 } },
    ).reasons.find((r) => r.factor === 'occupation')!;
    expect(occ.weight).toBe(24);
  });

  it('JOB-4 ledger spellings of education are placed on the list (高中 = 高中/中专/技校, 大专 = 大学专科)', () => {
    expect(educationRank('高中')).toBe(educationRank('高中/中专/技校'));
    expect(educationRank('大专')).toBe(educationRank('大学专科'));
    expect(educationRank('火星学历')).toBe(-1);
  });

  it('JOB-4 (property) a weight of zero removes its factor: it is not among the reasons, and the score is the sum of the other factors', () => {
    const weight = fc.nat(50);
    const anyWeights = fc.record({
      occupation: weight,
      skills: weight,
      place: weight,
      wage: weight,
      education: weight,
      hours: weight,
      priority: weight,
    });
    fc.assert(
      fc.property(anyWeights, fc.constantFrom(...matchFactors, 'priority' as const), fc.nat(2_000_000), (w, zeroed, wageMinFen) => {
        const profile = { ...seeker, wageMinFen, priority: true };
        const withFactor = scoreMatch(profile, vacancy, { weights: w, shares });
        const without = scoreMatch(profile, vacancy, { weights: { ...w, [zeroed]: 0 }, shares });
        expect(without.reasons.map((r) => r.factor)).not.toContain(zeroed);
        // The other factors score as before, and the score is exactly their sum.
        const others = (reasons: typeof without.reasons) => reasons.filter((r) => r.factor !== zeroed);
        expect(others(without.reasons)).toEqual(others(withFactor.reasons));
        const pointsOf = (factor: string) => withFactor.reasons.find((r) => r.factor === factor)?.weight ?? 0;
        expect(without.score).toBeCloseTo(withFactor.score - pointsOf(zeroed), 5);
        expect(without.score).toBeCloseTo(
          others(withFactor.reasons).reduce((sum, r) => sum + r.weight, 0),
          5,
        );
        expect(without.score).toBeLessThanOrEqual(Object.values(w).reduce((a, b) => a + b, 0) - w[zeroed] + 0.5);
      }),
    );
  });

  it('JOB-4 with every weight zero the score is 0 and there are no reasons', () => {
    const zero: MatchWeights = { occupation: 0, skills: 0, place: 0, wage: 0, education: 0, hours: 0, priority: 0 };
    const { score, reasons } = scoreMatch({ ...seeker, priority: true }, vacancy, { weights: zero, shares });
    expect(score).toBe(0);
    expect(reasons).toEqual([]);
  });

  it('JOB-4 match keys hold occupation codes, their groups and skills', () => {
    expect(matchKeysOf(['6-18-02-04', null], ['焊工', ' '])).toEqual(['g:6-18-02', 'o:6-18-02-04', 's:焊工']);
  });
});
