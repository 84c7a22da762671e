import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { canonicalJson } from './audit.js';

describe('CSV reader', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffcode,name\r\n110101,"东城区"\r\n1,"a ""b"", c"\n')).toEqual([
      ['code', 'name'],
      ['110101', '东城区'],
      ['1', 'a "b", c'],
    ]);
  });
});

describe('SYS-2 canonical JSON for audit hashes', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
