import { describe, expect, it } from 'vitest';
import { monthsBetween, stopReasonText } from './uiTypes.js';

describe('UI-1 the months of one contribution entry', () => {
  it('UI-1 a run of months crosses the year end, one month when both ends agree, none when reversed', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
    expect(monthsBetween('2025-11', '2026-10')).toHaveLength(12);
  });
});

describe('UI-3 a stop’s reason as the claim page names it', () => {
  it('UI-3 条例第十五条: each reason with its item, none without a stop', () => {
    expect(stopReasonText('conscripted')).toBe('应征服兵役（《失业保险条例》第十五条第（二）项）');
    expect(stopReasonText('re_employed')).toBe('重新就业（《失业保险条例》第十五条第（一）项）');
    expect(stopReasonText('other')).toContain('第十五条第（七）项');
    expect(stopReasonText(null)).toBe('');
  });
});
