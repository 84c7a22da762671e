import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { convertLegacyIdNumber, idCheckCharacter, parseIdNumber, type IdNumberProblem } from './idNumber.js';

// A fixed "today" keeps date-bound tests from changing verdict as the calendar moves on.
const today = '2024-06-30';

function problemOf(input: string, opts: Parameters<typeof parseIdNumber>[1] = { today }): IdNumberProblem | 'OK' {
  const result = parseIdNumber(input, opts);
  return result.ok ? 'OK' : result.problem;
}

/** Builds an ID from parts and appends the correct check character, so only the part under test is wrong. */
function withCheck(first17: string): string {
  return first17 + idCheckCharacter(first17);
}

describe('REG-2 citizen ID numbers (GB 11643-1999)', () => {
  it('REG-2 accepts the standard example 11010519491231002X and reads region, birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X', { today })).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'F' },
    });
  });

  it('REG-2 computes the check character by ISO 7064 MOD 11-2 (cross-checked by hand)', () => {
    // 11010519491231002: products 7,9,0,5,0,20,2,9,24,27,7,18,30,5,0,0,4 sum to 167; 167 mod 11 = 2 -> 'X'.
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    // 51010720120815987: products 35,9,0,5,0,28,4,0,6,6,0,72,10,25,72,32,14 sum to 318; 318 mod 11 = 10 -> '2'.
    expect(idCheckCharacter('51010720120815987')).toBe('2');
    // 44052418800101001 (the example in the standard): sum 195; 195 mod 11 = 8 -> '4'.
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  it.each([
    ['31010419900307123X', '310104', '1990-03-07', 'M'],
    ['440306200002294560', '440306', '2000-02-29', 'F'],
    ['510107201208159872', '510107', '2012-08-15', 'M'],
    ['650102199912310002', '650102', '1999-12-31', 'F'],
    ['810000198501010109', '810000', '1985-01-01', 'F'],
  ] as const)('REG-2 accepts the valid ID %s', (idNumber, regionCode, birthDate, sex) => {
    expect(parseIdNumber(idNumber, { today })).toEqual({ ok: true, value: { idNumber, regionCode, birthDate, sex } });
  });

  it('REG-2 rejects an ID whose check character is wrong', () => {
    const result = parseIdNumber('110105194912310021', { today });
    expect(result).toEqual({ ok: false, problem: 'CHECK_CHARACTER', message: '身份证号校验位错误，请核对最后一位' });
  });

  it('REG-2 accepts a lowercase x check character and normalises it to X', () => {
    const result = parseIdNumber('11010519491231002x', { today });
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('REG-2 trims surrounding whitespace, including the full-width space', () => {
    const result = parseIdNumber(' \u300011010519491231002X\t ', { today });
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('REG-2 converts a 15-digit legacy number to 18 digits in the 1900s', () => {
    expect(convertLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(parseIdNumber('110105491231002', { today })).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'F',
        convertedFrom15: '110105491231002',
      },
    });
  });

  it('REG-2 checks region and birth date of a legacy number too', () => {
    expect(problemOf('990105491231002')).toBe('REGION');
    expect(problemOf('110105490230002')).toBe('BIRTH_DATE');
  });

  it.each([
    ['', 'empty'],
    ['1101051949123100', '16 digits'],
    ['11010519491231002X1', '19 characters'],
    ['11010549123100', '14 digits'],
  ])('REG-2 rejects %j (%s) with LENGTH', (input) => {
    expect(parseIdNumber(input, { today })).toEqual({ ok: false, problem: 'LENGTH', message: '身份证号应为18位（或15位旧号码）' });
  });

  it.each([
    ['11010519491231002Y', 'a letter other than X'],
    ['1101051949123100X2', 'X not in last place'],
    ['11010549123100X', 'X in a 15-digit number'],
    ['110105 19491231002X', 'an inner space'],
    ['１１０１０５１９４９１２３１００２Ｘ', 'full-width digits'],
    ['abc', 'no digits at all'],
  ])('REG-2 rejects %j (%s) with CHARACTERS', (input) => {
    expect(parseIdNumber(input, { today })).toEqual({ ok: false, problem: 'CHARACTERS', message: '身份证号只能包含数字，最后一位可以是X' });
  });

  it('REG-2 rejects an address code that isKnownRegion does not know', () => {
    const known = new Set(['110105']);
    const isKnownRegion = (code6: string) => known.has(code6);
    expect(problemOf('11010519491231002X', { today, isKnownRegion })).toBe('OK');
    expect(parseIdNumber(withCheck('11010619491231002'), { today, isKnownRegion })).toEqual({
      ok: false,
      problem: 'REGION',
      message: '身份证号前6位地址码不存在，请核对',
    });
  });

  it('REG-2 by default rejects an address code without a valid province prefix', () => {
    for (const prefix of ['00', '10', '16', '20', '24', '30', '38', '47', '55', '60', '66', '70', '72', '80', '83', '91', '99']) {
      expect(problemOf(withCheck(`${prefix}010519491231002`)), prefix).toBe('REGION');
    }
    for (const prefix of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82']) {
      expect(problemOf(withCheck(`${prefix}010519491231002`)), prefix).toBe('OK');
    }
  });

  it.each([
    ['19490230', 'Feb 30'],
    ['20230229', 'Feb 29 in a non-leap year'],
    ['19000229', 'Feb 29 in 1900 (divisible by 100, not by 400)'],
    ['19491301', 'month 13'],
    ['19490001', 'month 00'],
    ['19490100', 'day 00'],
    ['19490431', 'April 31'],
    ['18991231', 'before 1900-01-01'],
    ['20240701', 'the day after today'],
    ['20990101', 'far in the future'],
  ])('REG-2 rejects birth date %s (%s) with BIRTH_DATE', (date) => {
    expect(parseIdNumber(withCheck(`110105${date}002`), { today })).toEqual({
      ok: false,
      problem: 'BIRTH_DATE',
      message: '身份证号中的出生日期无效，请核对第7至14位',
    });
  });

  it('REG-2 rejects the standard example 440524188001010014, born before 1900, despite its correct check character', () => {
    expect(problemOf('440524188001010014')).toBe('BIRTH_DATE');
  });

  it.each([
    ['19000101', 'the earliest allowed date'],
    ['20000229', 'Feb 29 in 2000 (divisible by 400)'],
    ['20240229', 'Feb 29 in a leap year'],
    ['20240630', 'today'],
  ])('REG-2 accepts birth date %s (%s)', (date) => {
    expect(problemOf(withCheck(`110105${date}002`))).toBe('OK');
  });

  it('REG-2 reads the 17th digit: odd is male, even is female', () => {
    for (let d = 0; d <= 9; d++) {
      const result = parseIdNumber(withCheck(`1101051949123100${d}`), { today });
      expect(result.ok && result.value.sex).toBe(d % 2 === 1 ? 'M' : 'F');
    }
  });

  it('REG-2 reports region before birth date before check character, pointing the clerk at the most specific digits', () => {
    expect(problemOf('990105194902300021')).toBe('REGION');
    expect(problemOf('110105194902300021')).toBe('BIRTH_DATE');
  });

  it('REG-2 rejects malformed arguments to the helpers and a malformed today', () => {
    expect(() => idCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckCharacter('1101051949123100X')).toThrow(RangeError);
    expect(() => convertLegacyIdNumber('11010549123100')).toThrow(RangeError);
    expect(() => parseIdNumber('11010519491231002X', { today: '2024/06/30' })).toThrow(RangeError);
  });

  describe('REG-2 default today is the date in Asia/Shanghai', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('REG-2 at 00:30 Beijing time (still the previous day in UTC) accepts a birth that day and rejects the next day', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2024-06-30T16:30:00Z')); // 2024-07-01 00:30 in Shanghai
      expect(problemOf(withCheck('11010520240701002'), {})).toBe('OK');
      expect(problemOf(withCheck('11010520240702002'), {})).toBe('BIRTH_DATE');
    });
  });
});

describe('REG-2 properties of citizen ID numbers', () => {
  const provinces = [
    '11',
    '12',
    '13',
    '14',
    '15',
    '21',
    '22',
    '23',
    '31',
    '32',
    '33',
    '34',
    '35',
    '36',
    '37',
    '41',
    '42',
    '43',
    '44',
    '45',
    '46',
    '50',
    '51',
    '52',
    '53',
    '54',
    '61',
    '62',
    '63',
    '64',
    '65',
    '71',
    '81',
    '82',
  ];
  const firstDay = Date.UTC(1900, 0, 1);
  const lastDay = Date.UTC(2024, 5, 30); // `today`
  const dayMs = 86_400_000;

  const generatedId = fc
    .record({
      province: fc.constantFrom(...provinces),
      rest: fc.integer({ min: 0, max: 9999 }),
      day: fc.integer({ min: 0, max: (lastDay - firstDay) / dayMs }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ province, rest, day, sequence }) => {
      const birthDate = new Date(firstDay + day * dayMs).toISOString().slice(0, 10);
      const first17 = `${province}${String(rest).padStart(4, '0')}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      return { idNumber: withCheck(first17), regionCode: first17.slice(0, 6), birthDate, sex: sequence % 2 === 1 ? 'M' : 'F' };
    });

  it('REG-2 property: a generated valid ID parses, with the generated region, birth date and sex', () => {
    fc.assert(
      fc.property(generatedId, (generated) => {
        expect(parseIdNumber(generated.idNumber, { today })).toEqual({ ok: true, value: generated });
      }),
    );
  });

  it('REG-2 property: replacing the check character with any other fails with CHECK_CHARACTER', () => {
    fc.assert(
      fc.property(generatedId, fc.constantFrom(...'0123456789X'), ({ idNumber }, replacement) => {
        fc.pre(replacement !== idNumber[17]);
        expect(problemOf(idNumber.slice(0, 17) + replacement)).toBe('CHECK_CHARACTER');
      }),
    );
  });

  it('REG-2 property: changing any one of the first 17 digits while keeping the check character never parses', () => {
    fc.assert(
      fc.property(generatedId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), ({ idNumber }, position, shift) => {
        const changed = String((Number(idNumber[position]) + shift) % 10);
        const mutated = idNumber.slice(0, position) + changed + idNumber.slice(position + 1);
        const problem = problemOf(mutated);
        expect(['REGION', 'BIRTH_DATE', 'CHECK_CHARACTER']).toContain(problem);
        // Digits 3-6 of the address and the sequence cannot make region or date invalid, so MOD 11-2 alone must catch them.
        if ((position >= 2 && position <= 5) || position >= 14) expect(problem).toBe('CHECK_CHARACTER');
      }),
    );
  });

  it('REG-2 property: a 15-digit legacy number parses like its 18-digit conversion', () => {
    const legacyId = generatedId.filter(({ birthDate }) => birthDate.startsWith('19'));
    fc.assert(
      fc.property(legacyId, ({ idNumber }) => {
        const id15 = idNumber.slice(0, 6) + idNumber.slice(8, 17);
        const full = parseIdNumber(idNumber, { today });
        if (!full.ok) throw new Error(`generated ID ${idNumber} did not parse`);
        expect(convertLegacyIdNumber(id15)).toBe(idNumber);
        expect(parseIdNumber(id15, { today })).toEqual({ ok: true, value: { ...full.value, convertedFrom15: id15 } });
      }),
    );
  });
});
