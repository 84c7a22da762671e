import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickParamValue } from './pick.js';

const prefixOf = (code: string) => fc.constantFrom('', code.slice(0, 2), code.slice(0, 4), code.slice(0, 6), code.slice(0, 9), code);
const region = fc.stringMatching(/^\d{12}$/);
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('DESIGN idea 3: param() picks the most specific region, then the latest date not after the date', () => {
  it('picks the national value when nothing more specific applies', () => {
    const values = [
      { regionPrefix: '', effectiveFrom: '2000-01-01', v: 1 },
      { regionPrefix: '42', effectiveFrom: '2000-01-01', v: 2 },
    ];
    expect(pickParamValue(values, '140105000000', '2020-01-01')?.v).toBe(1);
    expect(pickParamValue(values, '420100000000', '2020-01-01')?.v).toBe(2);
  });

  it('a more specific region wins over a newer value of a wider region', () => {
    const values = [
      { regionPrefix: '1401', effectiveFrom: '2001-01-01', v: 1 },
      { regionPrefix: '14', effectiveFrom: '2020-01-01', v: 2 },
    ];
    expect(pickParamValue(values, '140105000000', '2021-01-01')?.v).toBe(1);
  });

  it('a value whose date is after the date does not apply, and the wider region fills in', () => {
    const values = [
      { regionPrefix: '1401', effectiveFrom: '2021-01-01', v: 1 },
      { regionPrefix: '14', effectiveFrom: '2000-01-01', v: 2 },
    ];
    expect(pickParamValue(values, '140105000000', '2020-12-31')?.v).toBe(2);
    expect(pickParamValue(values, '140105000000', '2021-01-01')?.v).toBe(1);
  });

  it('property: the pick covers the region, is in force, and no applicable value is more specific or (equally specific and) newer', () => {
    fc.assert(
      fc.property(region, day, fc.array(fc.tuple(fc.boolean(), day), { maxLength: 12 }), (code, date, raw) => {
        // Half the values are prefixes of the asked region, half of an unrelated region.
        const values = raw.map(([related, effectiveFrom], i) => ({
          regionPrefix: related ? code.slice(0, [0, 2, 4, 6, 9, 12][i % 6]) : '99',
          effectiveFrom,
          i,
        }));
        const picked = pickParamValue(values, code, date);
        const applicable = values.filter((v) => code.startsWith(v.regionPrefix) && v.effectiveFrom <= date);
        if (applicable.length === 0) return picked === undefined;
        if (!picked || !applicable.includes(picked)) return false;
        return applicable.every(
          (v) =>
            v.regionPrefix.length < picked.regionPrefix.length ||
            (v.regionPrefix.length === picked.regionPrefix.length && v.effectiveFrom <= picked.effectiveFrom),
        );
      }),
    );
  });

  it('property: adding a value for an unrelated region never changes the pick', () => {
    fc.assert(
      fc.property(region, day, fc.array(fc.tuple(prefixOf('140105001001'), day), { maxLength: 8 }), day, (_, date, raw, otherDate) => {
        const values = raw.map(([regionPrefix, effectiveFrom]) => ({ regionPrefix, effectiveFrom }));
        const before = pickParamValue(values, '140105001001', date);
        const after = pickParamValue([...values, { regionPrefix: '1402', effectiveFrom: otherDate }], '140105001001', date);
        return before === after;
      }),
    );
  });
});
