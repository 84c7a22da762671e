import { describe, expect, it } from 'vitest';
import { approveBlockOf, parseReturnLines, progressPercent } from './paymentRunTypes.js';

const a = '0b6c1c5e-8f0e-4f7a-9d7e-1c2b3a4d5e6f';
const b = '1A2B3C4D-0000-4000-8000-00000000000B';

describe('UI-3 bank returns pasted on the payment run page', () => {
  it('UI-3 reads the id and the reason from a typed line, a line of the bank file with the reason appended, and a reason before the id', () => {
    const text = [
      '序号,姓名,身份证号码,金额（分）,待遇月份,支付编号,退回原因',
      `${a} 账户已销户`,
      `2,张三,140105197303080028,158400,2026-10,${b},户名不符`,
      `卡号错误，${a}`,
      '',
    ].join('\r\n');
    expect(parseReturnLines(text)).toEqual({
      lines: [
        { line: 2, paymentId: a, reason: '账户已销户' },
        { line: 3, paymentId: b.toLowerCase(), reason: '户名不符' },
        { line: 4, paymentId: a, reason: '卡号错误' },
      ],
      bad: [],
    });
  });

  it('UI-3 a bank-file row without a reason has none (the name is not a reason), and a line with digits but no id is reported', () => {
    expect(parseReturnLines(`1,张三,140105197303080028,158400,2026-10,${a}\n12345 退回`)).toEqual({
      lines: [{ line: 1, paymentId: a, reason: '' }],
      bad: [2],
    });
  });

  it('UI-3 progress of a building run is the share of claims seen, 0 before they are counted', () => {
    expect(progressPercent({ progress: { claimsSeen: 0, claimsTotal: 0 } })).toBe(0);
    expect(progressPercent({ progress: { claimsSeen: 333, claimsTotal: 1000 } })).toBe(33);
    expect(progressPercent({ progress: { claimsSeen: 5, claimsTotal: 4 } })).toBe(100);
  });

  it('UI-3 four eyes: neither the creator nor one who resumed the run after a crash (续跑人) may approve it; a third finance officer may', () => {
    const run = { createdBy: 'finance_a', resumedBy: ['finance_b'] };
    expect(approveBlockOf(run, 'finance_a')).toContain('本人生成');
    expect(approveBlockOf(run, 'finance_b')).toContain('续跑人不能审批');
    expect(approveBlockOf(run, 'finance_c')).toBeNull();
    expect(approveBlockOf({ createdBy: 'finance_a', resumedBy: [] }, 'finance_b')).toBeNull();
  });
});
