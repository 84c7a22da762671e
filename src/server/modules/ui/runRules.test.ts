// UI-3 which months a payment run pays, without I/O: 条例第十七条 (the entitlement's months from the
// start month), 第十五条 (none from the stop's month on), catch-up of back months and of months the
// bank returned unpaid, and never a month twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueMonths, monthPlus, payableMonth, type RunClaim } from './runRules.js';
import { monthsFrom } from './rules.js';

const claim = (over: Partial<RunClaim> = {}): RunClaim => ({
  status: 'active',
  decidedBy: 'reviewer1',
  startMonth: '2026-06',
  entitlementMonths: 12,
  stoppedOn: null,
  ...over,
});

describe('UI-3 the months a run pays', () => {
  it('UI-3 monthPlus crosses years both ways', () => {
    expect([monthPlus('2026-11', 1), monthPlus('2026-12', 1), monthPlus('2026-01', -1), monthPlus('2026-06', 24)]).toEqual([
      '2026-12',
      '2027-01',
      '2025-12',
      '2028-06',
    ]);
  });

  it('UI-3 a claim approved late gets its back months; nothing before the start month', () => {
    expect(dueMonths(claim(), '2026-09', new Set())).toEqual(['2026-06', '2026-07', '2026-08', '2026-09']);
    expect(dueMonths(claim(), '2026-05', new Set())).toEqual([]);
    expect(dueMonths(claim(), '2026-09', new Set(['2026-06', '2026-08']))).toEqual(['2026-07', '2026-09']);
  });

  it('UI-3 条例第十五条: no month from the stop month on; 条例第十七条: no month past the entitlement', () => {
    expect(dueMonths(claim({ status: 'stopped', stoppedOn: '2026-08-01' }), '2026-11', new Set())).toEqual(['2026-06', '2026-07']);
    expect(dueMonths(claim({ status: 'stopped', stoppedOn: '2026-06-30' }), '2026-11', new Set())).toEqual([]);
    expect(dueMonths(claim({ entitlementMonths: 2 }), '2026-11', new Set())).toEqual(['2026-06', '2026-07']);
  });

  it('UI-3 a pending, rejected or never approved claim is paid nothing', () => {
    expect(dueMonths(claim({ status: 'pending', decidedBy: null }), '2026-11', new Set())).toEqual([]);
    expect(dueMonths(claim({ status: 'rejected' }), '2026-11', new Set())).toEqual([]);
    expect(dueMonths(claim({ status: 'stopped', decidedBy: null, stoppedOn: '2026-09-01' }), '2026-11', new Set())).toEqual([]);
  });

  it('UI-3 property: monthly runs with bank failures pay each payable month once live, never one outside the entitlement or from the stop month on, and in the end every payable month', () => {
    const month = fc.integer({ min: 0, max: 47 }).map((n) => monthPlus('2025-01', n));
    fc.assert(
      fc.property(
        month,
        fc.integer({ min: 1, max: 24 }),
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        fc.integer({ min: -3, max: 30 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        (startMonth, entitlementMonths, stopAfter, firstRunOffset, fails) => {
          const stoppedOn = stopAfter === null ? null : `${monthPlus(startMonth, stopAfter)}-15`;
          const c = claim({ startMonth, entitlementMonths, stoppedOn, status: stoppedOn ? 'stopped' : 'active' });
          const live = new Set<string>();
          let failIndex = 0;
          const runs = 36;
          for (let r = 0; r < runs; r++) {
            const runMonth = monthPlus(startMonth, firstRunOffset + r);
            const due = dueMonths(c, runMonth, live);
            for (const m of due) {
              expect(live.has(m), `month ${m} paid twice`).toBe(false);
              expect(payableMonth(c, m)).toBe(true);
              expect(m <= runMonth).toBe(true);
              expect(monthsFrom(startMonth, m)).toBeLessThan(entitlementMonths);
              if (stoppedOn) expect(m < stoppedOn.slice(0, 7)).toBe(true);
              // The bank returns some payments unpaid (not in the last runs): they stop counting.
              if (r < runs - 3 && fails[failIndex++ % fails.length]) continue;
              live.add(m);
            }
          }
          const lastRun = monthPlus(startMonth, firstRunOffset + runs - 1);
          const expected = Array.from({ length: entitlementMonths }, (_, i) => monthPlus(startMonth, i)).filter(
            (m) => m <= lastRun && (!stoppedOn || m < stoppedOn.slice(0, 7)),
          );
          expect([...live].sort()).toEqual(expected);
        },
      ),
    );
  });
});
