import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { educationRank, matchFactors, matchKeysOf, scoreMatch, type MatchWeights, type SeekerProfile, type VacancyProfile } from './rules.js';

const weights: MatchWeights = { occupation: 30, skills: 20, place: 20, wage: 15, education: 10, hours: 5, priority: 10 };
const seeker: SeekerProfile = { regionCode: '140105001001', occupations: ['6-18-02-04'], skills: ['焊工'], wageMinFen: 500000, education: '高中', hours: null, regionCodes: [], priority: false };
const vacancy: VacancyProfile = { regionCode: '140105001002', occupation: '6-18-02-04', skills: ['焊工'], wageMin: 500000, wageMax: 700000, education: '初中', hours: 'full_time' };

describe('JOB-4 matching rules', () => {
  it('JOB-4 the score is the sum of the reasons, each within its weight', () => {
    const { score, reasons } = scoreMatch(seeker, vacancy, weights);
    expect(score).toBe(reasons.reduce((s, r) => s + r.weight, 0));
    for (const r of reasons) expect(r.weight).toBeLessThanOrEqual(r.maxWeight);
    expect(reasons.map((r) => r.factor)).toEqual(matchFactors);
  });

  it('JOB-4 same code scores the full occupation weight, same group half, another group nothing', () => {
    const occ = (occupation: string) => scoreMatch(seeker, { ...vacancy, occupation }, weights).reasons.find((r) => r.factor === 'occupation')!.weight;
    expect(occ('6-18-02-04')).toBe(30);
    expect(occ('6-18-02-01')).toBe(15);
    expect(occ('4-09-08-01')).toBe(0);
  });

  it('JOB-4 place decreases from community to street, district and city', () => {
    const place = (regionCode: string) => scoreMatch(seeker, { ...vacancy, regionCode }, weights).reasons.find((r) => r.factor === 'place')!.weight;
    expect([place('140105001001'), place('140105001002'), place('140105002001'), place('140106001001'), place('140200000000')]).toEqual([20, 14, 8, 2, 0]);
  });

  it('JOB-4 ledger spellings of education are placed on the list (高中 = 高中/中专/技校, 大专 = 大学专科)', () => {
    expect(educationRank('高中')).toBe(educationRank('高中/中专/技校'));
    expect(educationRank('大专')).toBe(educationRank('大学专科'));
    expect(educationRank('火星学历')).toBe(-1);
  });

  it('JOB-4 (property) a weight of zero removes its factor: it gives no points (priority is not listed at all) and the score is the sum of the other factors', () => {
    const weight = fc.nat(50);
    const anyWeights = fc.record({ occupation: weight, skills: weight, place: weight, wage: weight, education: weight, hours: weight, priority: weight });
    fc.assert(
      fc.property(anyWeights, fc.constantFrom(...matchFactors, 'priority' as const), fc.nat(2_000_000), (w, zeroed, wageMinFen) => {
        const profile = { ...seeker, wageMinFen, priority: true };
        const withFactor = scoreMatch(profile, vacancy, w);
        const without = scoreMatch(profile, vacancy, { ...w, [zeroed]: 0 });
        const reason = without.reasons.find((r) => r.factor === zeroed);
        if (zeroed === 'priority') expect(reason).toBeUndefined();
        else expect(reason).toMatchObject({ weight: 0, maxWeight: 0 });
        // The other factors score as before, and the score is exactly their sum.
        const others = (reasons: typeof without.reasons) => reasons.filter((r) => r.factor !== zeroed);
        expect(others(without.reasons)).toEqual(others(withFactor.reasons));
        const pointsOf = (factor: string) => withFactor.reasons.find((r) => r.factor === factor)?.weight ?? 0;
        expect(without.score).toBeCloseTo(withFactor.score - pointsOf(zeroed), 5);
        expect(without.score).toBeCloseTo(others(withFactor.reasons).reduce((sum, r) => sum + r.weight, 0), 5);
        expect(without.score).toBeLessThanOrEqual(Object.values(w).reduce((a, b) => a + b, 0) - w[zeroed] + 0.5);
      }),
    );
  });

  it('JOB-4 with every weight zero the score is 0 and no reason gives points', () => {
    const zero: MatchWeights = { occupation: 0, skills: 0, place: 0, wage: 0, education: 0, hours: 0, priority: 0 };
    const { score, reasons } = scoreMatch({ ...seeker, priority: true }, vacancy, zero);
    expect(score).toBe(0);
    expect(reasons.map((r) => r.factor)).not.toContain('priority');
    expect(reasons.every((r) => r.weight === 0)).toBe(true);
  });

  it('JOB-4 match keys hold occupation codes, their groups and skills', () => {
    expect(matchKeysOf(['6-18-02-04', null], ['焊工', ' '])).toEqual(['g:6-18-02', 'o:6-18-02-04', 's:焊工']);
  });
});
