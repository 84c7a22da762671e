import { describe, expect, it } from 'vitest';
import { monthsBetween } from './uiTypes.js';

describe('UI-1 the months of one contribution entry', () => {
  it('UI-1 a run of months crosses the year end, one month when both ends agree, none when reversed', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
    expect(monthsBetween('2025-11', '2026-10')).toHaveLength(12);
  });
});
