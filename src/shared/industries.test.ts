import { describe, expect, it } from 'vitest';
import {
  industryDivisions,
  industryLabel,
  industryName,
  industrySectionOf,
  industrySections,
  industryTree,
  isIndustryCode,
} from './industries.js';

describe('JOB-1 GB/T 4754-2017 industry codes', () => {
  it('JOB-1 the list has the standard’s 20 门类 A–T and 97 大类 01–97, each 大类 under one 门类', () => {
    expect(industrySections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryDivisions).toHaveLength(97);
    expect(industryDivisions.map((d) => Number(d.code.slice(1)))).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    expect(industryTree.reduce((n, s) => n + s.divisions.length, 0)).toBe(97);
    expect(industryTree.every((s) => s.divisions.length > 0)).toBe(true);
    // Spot checks against the standard: the first and last 大类 of 制造业, and the single ones.
    expect(industryName('C13')).toBe('农副食品加工业');
    expect(industryName('C43')).toBe('金属制品、机械和设备修理业');
    expect(industryName('K70')).toBe('房地产业');
    expect(industryName('P83')).toBe('教育');
    expect(industryName('T97')).toBe('国际组织');
  });

  it('JOB-1 a 门类 or a 大类 of its own 门类 is a code; a number out of the list, a 大类 under the wrong letter or a letter past T is not', () => {
    for (const code of ['C', 'C34', 'A01', 'S96']) expect(isIndustryCode(code), code).toBe(true);
    for (const code of ['C99', 'Z', 'D34', '34', 'c34', 'C3', 'C034', '']) expect(isIndustryCode(code), code).toBe(false);
  });

  it('JOB-1 statistics by industry roll a 大类 up to its 门类', () => {
    expect(industrySectionOf('C34')).toBe('C');
    expect(industrySectionOf('C')).toBe('C');
    expect(industrySectionOf('F52')).toBe('F');
    expect(industrySectionOf('C99')).toBeUndefined();
    expect(industryLabel('C34')).toBe('C34 通用设备制造业');
    expect(industryLabel('X1')).toBe('X1');
  });
});
