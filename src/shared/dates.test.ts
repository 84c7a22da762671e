import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './dates.js';

describe('calendar dates', () => {
  it('SYS-3 a YYYY-MM-DD date must name a real day: no 30 February, no month 13, 29 February only in leap years', () => {
    expect(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true, true]);
    expect(
      ['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '20260101'].map(isCalendarDate),
    ).toEqual(Array(8).fill(false));
  });
});
