import { describe, expect, it } from 'vitest';
import { fileNameOf, queryString } from './api.js';
import { ageOn, daysBetween, deadlineText, formatDateTime, formatParamValue, shanghaiToday, yuanToFen } from './format.js';
import { chainBelow } from './regions.js';

describe('display formats', () => {
  it('DESIGN idea 4: money is integer fen, shown as yuan with two decimals', () => {
    expect(formatParamValue(2_000_000, '分')).toBe('20,000.00 元');
    expect(formatParamValue(50, '分')).toBe('0.50 元');
    expect(yuanToFen(50000)).toBe(5_000_000);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
  });

  it('parameter units: %, 月, 年, 周岁, 个; no value is 未设置', () => {
    expect(formatParamValue(4.5, '%')).toBe('4.5%');
    expect(formatParamValue(24, '月')).toBe('24 个月');
    expect(formatParamValue(3, '年')).toBe('3 年');
    expect(formatParamValue(16, '周岁')).toBe('16 周岁');
    expect(formatParamValue(3, '个')).toBe('3 个');
    expect(formatParamValue(null, '分')).toBe('未设置');
  });

  it('DESIGN idea 4: times are shown in Asia/Shanghai', () => {
    expect(formatDateTime('2024-03-01T16:30:05Z')).toBe('2024-03-02 00:30:05');
    expect(shanghaiToday(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});

describe('api helpers', () => {
  it('builds query strings from set values only', () => {
    expect(queryString({ q: '王', page: 2, role: undefined, disabled: false, unitId: '' })).toBe('?q=%E7%8E%8B&page=2&disabled=false');
    expect(queryString({})).toBe('');
  });

  it('reads the Excel file name the server sends', () => {
    expect(fileNameOf(`attachment; filename*=UTF-8''${encodeURIComponent('审计日志')}.xlsx`)).toBe('审计日志.xlsx');
    expect(fileNameOf('attachment; filename="units.xlsx"')).toBe('units.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('region picker chain', () => {
  it('lists one code per level below the base scope', () => {
    expect(chainBelow('140105', '140105004001')).toEqual(['140105004000', '140105004001']);
    expect(chainBelow('', '140100000000')).toEqual(['140000000000', '140100000000']);
    expect(chainBelow('1401', '140100000000')).toEqual([]);
    expect(chainBelow('1401', '150100000000')).toEqual([]);
    expect(chainBelow('1401', undefined)).toEqual([]);
  });
});

describe('dates of people and deadlines', () => {
  it('age in whole years turns on the birthday', () => {
    expect(ageOn('1980-03-01', '2026-02-28')).toBe(45);
    expect(ageOn('1980-03-01', '2026-03-01')).toBe(46);
  });

  it('days between calendar dates, negative when past', () => {
    expect(daysBetween('2026-11-23', '2027-02-23')).toBe(92);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('AID-3 a deadline reads as days left, due today, or days overdue', () => {
    expect(deadlineText('2027-02-23', '2026-11-23')).toBe('剩余 92 天');
    expect(deadlineText('2026-11-23', '2026-11-23')).toBe('今天到期');
    expect(deadlineText('2026-11-20', '2026-11-23')).toBe('已超期 3 天');
  });
});
