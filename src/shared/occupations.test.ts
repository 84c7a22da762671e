import { describe, expect, it } from 'vitest';
import {
  employerOwnershipNames,
  employerOwnerships,
  employerSizeNames,
  employerSizes,
  industryName,
  industrySections,
} from './industries.js';
import {
  isOccupationCode,
  occupationGroup,
  occupationMajorGroup,
  occupationMajorGroupNames,
  occupationName,
  occupations,
} from './occupations.js';

describe('JOB-2 occupation list (职业分类大典 2022)', () => {
  it('every code has the shape 大类-中类-小类-细类 and appears once', () => {
    for (const { code } of occupations) expect(isOccupationCode(code), code).toBe(true);
    expect(new Set(occupations.map((o) => o.code)).size).toBe(occupations.length);
  });

  it('names are unique, Chinese, and carry no L/S green-or-digital marks', () => {
    expect(new Set(occupations.map((o) => o.name)).size).toBe(occupations.length);
    for (const { name } of occupations) expect(name, name).toMatch(/^[\u4e00-\u9fff、]+$/);
  });

  it('is a working subset of 80 to 120 occupations, sorted by code for reading', () => {
    expect(occupations.length).toBeGreaterThanOrEqual(80);
    expect(occupations.length).toBeLessThanOrEqual(120);
    const codes = occupations.map((o) => o.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('every code falls in one of the 8 大类 of the 2022 edition', () => {
    expect(Object.keys(occupationMajorGroupNames)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const { code } of occupations) expect(occupationMajorGroupNames[occupationMajorGroup(code)]).toBeTruthy();
  });

  // Each row was checked in two full transcriptions of the 2022 list and a third source named here.
  it.each([
    ['焊工', '6-18-02-04', 'national standard GZB 6-18-02-04'],
    ['保安员', '4-07-05-01', '大典 PDF p.232'],
    ['快递员', '4-02-07-08', '大典 PDF p.204'],
    ['井下采矿工', '6-16-01-05', '大典 PDF p.431, coal face work'],
    ['砌筑工', '6-29-01-01', '大典 PDF p.535'],
    ['农艺工', '5-01-02-01', '大典 PDF p.301'],
    ['客运车辆驾驶员', '4-02-02-01', 'its definition covers ride-hailing drivers'],
    ['网约配送员', '4-10-08-01', 'new-occupation mapping built on the OSTA catalogue'],
  ] as const)('JOB-2 %s is %s in the 2022 大典 (%s)', (name, code, source) => {
    expect(occupationName(code), source).toBe(name);
  });

  it('occupationName is undefined for a code that is not listed', () => {
    expect(occupationName('7-01-00-00')).toBeUndefined();
    expect(occupationName('焊工')).toBeUndefined();
  });
});

describe('JOB-4 occupation groups used by matching', () => {
  it('the group is the 小类: 焊工 and 铸造工 are both 机械热加工人员 6-18-02, 车工 is not', () => {
    expect(occupationGroup('6-18-02-04')).toBe('6-18-02');
    expect(occupationGroup('6-18-02-01')).toBe(occupationGroup('6-18-02-04'));
    expect(occupationGroup('6-18-01-01')).not.toBe(occupationGroup('6-18-02-04'));
  });

  it('a 小类 without 细类 (-00) is its own group', () => {
    expect(occupationGroup('2-06-03-00')).toBe('2-06-03');
  });

  it('the 大类 is the first segment: 保安员 is 4 社会生产服务和生活服务人员', () => {
    expect(occupationMajorGroup('4-07-05-01')).toBe('4');
    expect(occupationMajorGroupNames[occupationMajorGroup('4-07-05-01')]).toBe('社会生产服务和生活服务人员');
    expect(occupationMajorGroupNames[occupationMajorGroup('6-31-01-03')]).toBe('生产制造及有关人员');
  });

  it.each(['6180204', '6-18-2-04', ' 6-18-02-04', '6-18-02-04-01', '6-18-02', ''])('%j is not an occupation code', (s) => {
    expect(isOccupationCode(s)).toBe(false);
    expect(() => occupationGroup(s)).toThrow(RangeError);
    expect(() => occupationMajorGroup(s)).toThrow(RangeError);
  });

  it('a well-shaped code outside the 8 大类 has no major group', () => {
    expect(isOccupationCode('9-01-01-01')).toBe(true);
    expect(() => occupationMajorGroup('9-01-01-01')).toThrow(RangeError);
  });
});

// industries.ts has no test file of its own yet; these keep its lists honest until it does.
describe('JOB-1 employer classifications', () => {
  it('GB/T 4754-2017 has the 20 sections A to T, C is 制造业 and B 采矿业', () => {
    expect(industrySections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(industryName('C')).toBe('制造业');
    expect(industryName('B')).toBe('采矿业');
    expect(industryName('Z')).toBeUndefined();
    expect(industryName('c')).toBeUndefined();
  });

  it('every size and ownership code has a name', () => {
    expect(employerSizes.map((s) => employerSizeNames[s])).toEqual(['微型', '小型', '中型', '大型']);
    for (const o of employerOwnerships) expect(employerOwnershipNames[o]).toBeTruthy();
    expect(Object.keys(employerOwnershipNames)).toEqual([...employerOwnerships]);
  });
});
