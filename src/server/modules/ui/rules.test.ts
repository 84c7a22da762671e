// UI-2 rules without I/O: the entitlement table of 条例第十七条 with the combination cap, the
// amount band of 第十八条 and the start month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideClaim, entitlementMonths, monthlyAmount, startMonthOf, usedMonths, type ClaimFigures } from './rules.js';

const limits = { minContributionMonths: 12, maxEntitlementMonths: 24 };
const figures: ClaimFigures = {
  ...limits,
  benefitRatePercent: 80,
  minimumWageFen: 198_000,
  livingAllowanceFen: 83_000,
  sources: { minContribution: 'a', maxEntitlement: 'b', rate: 'c', minimumWage: 'd', livingAllowance: 'e' },
};

describe('UI-2 entitlement and amount', () => {
  it('UI-2 条例第十七条: 11 months give none, 12 and 59 give 12, 60 and 119 give 18, 120 and more give 24', () => {
    expect([11, 12, 59, 60, 119, 120, 400].map((m) => entitlementMonths(m, 0, limits))).toEqual([0, 12, 12, 18, 18, 24, 24]);
  });

  it('UI-2 条例第十七条 property: entitlement is one of 0, 12, 18, 24 without a carry, never above the cap with one, and monotone in contribution months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 30 }), (a, b, carried) => {
        expect([0, 12, 18, 24]).toContain(entitlementMonths(a, 0, limits));
        const withCarry = entitlementMonths(a, carried, limits);
        expect(withCarry).toBeLessThanOrEqual(24);
        expect(withCarry).toBeGreaterThanOrEqual(entitlementMonths(a, 0, limits));
        if (a >= 12) expect(withCarry).toBe(Math.min(24, entitlementMonths(a, 0, limits) + carried));
        else expect(withCarry).toBe(0);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(entitlementMonths(lo, carried, limits)).toBeLessThanOrEqual(entitlementMonths(hi, carried, limits));
      }),
    );
  });

  it('UI-2 条例第十八条: the amount is the rate of the minimum wage held between the living allowance and the minimum wage', () => {
    expect(monthlyAmount(figures)).toBe(158_400);
    expect(monthlyAmount({ ...figures, benefitRatePercent: 30 })).toBe(83_000);
    expect(monthlyAmount({ ...figures, benefitRatePercent: 120 })).toBe(198_000);
    expect(monthlyAmount({ ...figures, livingAllowanceFen: 198_000 }), 'no band: the parameters are wrong').toBeNull();
    const refused = decideClaim(
      {
        separationDate: '2026-05-31',
        separationReason: 'employer_bankrupt',
        countedMonths: 30,
        carriedMonths: 0,
        employmentStatus: 'unemployed',
        statusSince: '2026-06-03',
        jobSeeking: true,
      },
      { ...figures, livingAllowanceFen: 200_000 },
    );
    expect(refused.eligible).toBe(false);
    expect(refused.failed.map((f) => f.rule)).toEqual(['amount_band']);
  });

  it('UI-2 办法第九条: the first benefit month is the month after the later of the separation and the unemployment registration', () => {
    expect(startMonthOf('2026-05-31', '2026-06-03')).toBe('2026-07');
    expect(startMonthOf('2026-05-31', '2026-05-31')).toBe('2026-06');
    expect(startMonthOf('2026-12-15', '2026-12-20')).toBe('2027-01');
    expect(startMonthOf('2026-05-31', null)).toBe('2026-06');
  });

  it('UI-2 条例第十七条: an earlier claim used the months from its start to the month it stopped, none if never approved', () => {
    const claim = { status: 'stopped', decidedBy: 'r', startMonth: '2024-02', entitlementMonths: 24, stoppedOn: '2024-06-10' };
    expect(usedMonths(claim)).toBe(4);
    expect(usedMonths({ ...claim, decidedBy: null })).toBe(0);
    expect(usedMonths({ ...claim, status: 'exhausted', stoppedOn: null })).toBe(24);
    expect(usedMonths({ ...claim, stoppedOn: '2030-01-01' })).toBe(24);
  });
});
