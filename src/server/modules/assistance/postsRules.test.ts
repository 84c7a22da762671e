import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, monthBounds, monthsAndDays, placementEnd, proRata, usedMonths, type PastPlacement } from './postsRules.js';

const dateArb = fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2020-01-01', d));

describe('AID-4 public-welfare post rules', () => {
  it('AID-4 months and days between two dates, both included', () => {
    expect(monthsAndDays('2024-11-01', '2025-10-31')).toEqual({ months: 12, days: 0 });
    expect(monthsAndDays('2026-01-15', '2026-02-13')).toEqual({ months: 0, days: 30 });
    expect(monthsAndDays('2026-01-15', '2026-02-14')).toEqual({ months: 1, days: 0 });
    expect(monthsAndDays('2026-01-31', '2026-02-27')).toEqual({ months: 1, days: 0 }); // a month from 31 January ends with February
    expect(monthsAndDays('2026-03-10', '2026-03-10')).toEqual({ months: 0, days: 1 });
  });

  it('AID-4 a first placement runs the whole term (36 months) unless the post ends first', () => {
    expect(placementEnd('2023-11-01', '2030-12-31', 36, [])).toBe('2026-10-31');
    expect(placementEnd('2023-11-01', '2025-06-30', 36, [])).toBe('2025-06-30');
    expect(usedMonths([{ startDate: '2024-11-01', endDate: '2027-01-01', exitedOn: '2025-11-03' }])).toBe(13); // a month begun counts
  });

  it('AID-4 the term is never exceeded: a placement to the end of what is left leaves nothing (property)', () => {
    const pastArb = fc.array(
      fc.tuple(dateArb, fc.integer({ min: 0, max: 500 })).map(([start, days]): PastPlacement => {
        const end = addDays(start, days);
        return { startDate: start, endDate: end, exitedOn: end };
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(pastArb, dateArb, fc.integer({ min: 1, max: 60 }), (past, start, maxTerm) => {
        const end = placementEnd(start, '2099-12-31', maxTerm, past);
        if (end === null) {
          expect(usedMonths(past)).toBeGreaterThanOrEqual(maxTerm);
          return;
        }
        expect(end >= start).toBe(true);
        const after = [...past, { startDate: start, endDate: end, exitedOn: end }];
        expect(usedMonths(after)).toBe(maxTerm);
        expect(placementEnd(addDays(end, 1), '2099-12-31', maxTerm, after)).toBeNull();
      }),
    );
  });

  it('AID-4 a month of a placement: whole when it ran all month, else its share by days, to the fen', () => {
    const p = { startDate: '2026-11-10', endDate: '2027-12-31', exitedOn: null };
    expect(daysInMonth(p, '2026-11')).toBe(21);
    expect(daysInMonth(p, '2026-10')).toBe(0);
    expect(daysInMonth({ ...p, exitedOn: '2026-12-05' }, '2026-12')).toBe(5);
    expect(proRata(150000, 21, 30)).toBe(105000);
    expect(proRata(150000, 31, 31)).toBe(150000);
    expect(proRata(100000, 1, 3)).toBe(33333);
  });

  it('SYS-3 a month of a far year keeps four digits in its dates (the fuzzer sent 0292-01; a 500 before)', () => {
    expect(monthBounds('0292-01')).toEqual({ first: '0292-01-01', last: '0292-01-31' });
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
  });
});
