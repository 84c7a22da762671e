import { describe, expect, it } from 'vitest';
import { benefitRanIn, rateOf, type BenefitSpan } from './reemploymentRate.js';

const span = (over: Partial<BenefitSpan>): BenefitSpan => ({
  personId: 'p',
  regionCode: '140105001001',
  startMonth: '2026-06',
  entitlementMonths: 12,
  stoppedOn: null,
  stopReason: null,
  ...over,
});

describe('UI-4 claimants whose benefit ran in a year (种子文件 003 §(十七))', () => {
  it('UI-4 a benefit from June 2026 for 12 months runs in 2026 and 2027, not 2025 or 2028', () => {
    expect([2025, 2026, 2027, 2028].map((y) => benefitRanIn(span({}), y))).toEqual([false, true, true, false]);
  });

  it('UI-4 a claim stopped before its first month never ran; one stopped in December 2026 did not run in 2027', () => {
    expect(benefitRanIn(span({ stoppedOn: '2026-05-20' }), 2026)).toBe(false);
    expect(benefitRanIn(span({ stoppedOn: '2026-12-02' }), 2026)).toBe(true);
    expect(benefitRanIn(span({ stoppedOn: '2026-12-02' }), 2027)).toBe(false);
  });

  it('UI-4 条例第十五条第（一）项: re-employed counts stops as re_employed within the year, each person once; no claimants gives no rate', () => {
    const claims = [
      span({ personId: 'a', stoppedOn: '2026-09-01', stopReason: 're_employed' }),
      span({ personId: 'b', stoppedOn: '2026-09-01', stopReason: 'moved_away' }),
      span({ personId: 'c' }),
      span({ personId: 'd', startMonth: '2025-10', stoppedOn: '2025-12-01', stopReason: 're_employed' }),
    ];
    expect(rateOf(claims, 2026)).toEqual({ claimants: 3, reemployed: 1, rate: 33.3 });
    expect(rateOf(claims, 2025)).toEqual({ claimants: 1, reemployed: 1, rate: 100 });
    expect(rateOf([], 2026)).toEqual({ claimants: 0, reemployed: 0, rate: null });
  });
});
