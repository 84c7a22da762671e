import { describe, expect, it } from 'vitest';
import { monthsBetween, paymentRows, stopReasonText } from './uiTypes.js';

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

describe('UI-3 the claim page’s 发放记录', () => {
  it('UI-3 a month the bank returned comes before its re-payment (补发), months in order, the other months not marked', () => {
    const rows = paymentRows({
      payments: [
        { month: '2026-09', amountFen: 158_400, runId: 'run-3', status: 'draft' },
        { month: '2026-07', amountFen: 158_400, runId: 'run-1', status: 'paid' },
        { month: '2026-08', amountFen: 158_400, runId: 'run-2', status: 'paid' },
      ],
      returnedPayments: [
        { month: '2026-08', amountFen: 158_400, runId: 'run-1', failureReason: '账户已销户', returnedAt: '2026-09-05T02:00:00.000Z' },
      ],
    });
    expect(rows.map((r) => [r.month, r.status, r.repaid, r.runId])).toEqual([
      ['2026-07', 'paid', false, 'run-1'],
      ['2026-08', 'failed', false, 'run-1'],
      ['2026-08', 'paid', true, 'run-2'],
      ['2026-09', 'draft', false, 'run-3'],
    ]);
    expect(rows[1]!.failureReason).toBe('账户已销户');
    expect(new Set(rows.map((r) => r.key)).size, 'row keys are unique').toBe(4);
  });
});
