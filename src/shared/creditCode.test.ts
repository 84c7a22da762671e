import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, parseCreditCode, type CreditCodeProblem } from './creditCode.js';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function problemOf(input: string): CreditCodeProblem | 'OK' {
  const result = parseCreditCode(input);
  return result.ok ? 'OK' : result.problem;
}

/** Appends the correct check character, so only the part under test is wrong. */
function withCheck(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

describe('JOB-1 unified social credit codes (GB 32100-2015)', () => {
  it('JOB-1 accepts the example of the standard, 91350100M000100Y43, and reads its parts', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        creditCode: '91350100M000100Y43',
        registrationAuthorityCode: '9',
        organisationTypeCode: '1',
        regionCode: '350100',
        organisationCode: 'M000100Y4',
      },
    });
  });

  it('JOB-1 computes the check character by MOD 31 (cross-checked by hand, GB 32100 §4.3)', () => {
    // 91350100M000100Y4: values 9,1,3,5,0,1,0,0,21,0,0,0,1,0,0,30,4; products 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112
    // sum to 1640; 1640 mod 31 = 28; 31 - 28 = 3 -> '3'.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it("JOB-1 writes the check value 31 as '0' (GB 32100 §4.3)", () => {
    // 91350100M0001000D: products 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+0+364 sum to 992 = 32 × 31, so 31 - 0 = 31, written as 0.
    expect(creditCodeCheckCharacter('91350100M0001000D')).toBe('0');
    expect(problemOf('91350100M0001000D0')).toBe('OK');
  });

  it.each([
    ['914403001922038216', '华为技术有限公司 (Wikipedia infobox)'],
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司 (check-china.com sample report)'],
    ['91310115591693856A', 'test data of hutool CreditCodeUtilTest'],
    ['91310110666007217T', 'test data of hutool CreditCodeUtilTest'],
    ['91230184MA1BUFLT44', 'documentation example of winjs-dev/cloud-utils, an MA code issued after 2015'],
    ['92371000MA3MXH0E3W', 'documentation example of winjs-dev/cloud-utils, an individual business (92)'],
    ['9144030071526726XG', '腾讯科技（深圳）有限公司, as recalled from its published business information'],
    ['91330100799655058B', '阿里巴巴（中国）有限公司, as recalled from its published business information'],
    ['91110108551385082Q', '小米科技有限责任公司, as recalled from its published business information'],
  ])('JOB-1 accepts the real code %s (%s)', (creditCode) => {
    const result = parseCreditCode(creditCode);
    expect(result.ok && result.value.creditCode).toBe(creditCode);
  });

  it('JOB-1 rejects a credit code whose check character is wrong (GB 32100)', () => {
    expect(parseCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      problem: 'CHECK_CHARACTER',
      message: '统一社会信用代码校验位错误，请核对最后一位',
    });
  });

  it('JOB-1 rejects 91350211M00013FA1N, a real early pilot code that does not follow GB 32100 (known limitation)', () => {
    // Reported in hutool's CreditCodeUtilTest: some pilot areas issued codes before the standard, and
    // their check characters do not agree with it. Such an employer needs a clerk's override, not a looser check.
    expect(problemOf('91350211M00013FA1N')).toBe('CHECK_CHARACTER');
  });

  it('JOB-1 uppercases the input and trims surrounding whitespace, including the full-width space', () => {
    const result = parseCreditCode(' \u300091350100m000100y43\t ');
    expect(result.ok && result.value.creditCode).toBe('91350100M000100Y43');
  });

  it.each([
    ['', 'empty'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y431', '19 characters'],
    ['914403001922038', '15 digits, an old registration number'],
  ])('JOB-1 rejects %j (%s) with LENGTH', (input) => {
    expect(parseCreditCode(input)).toEqual({ ok: false, problem: 'LENGTH', message: '统一社会信用代码应为18位' });
  });

  it.each([
    ['91350100MOOO100Y43', 'letter O for zero'],
    ['91350100M000I00Y43', 'letter I'],
    ['91350100M000100S43', 'letter S'],
    ['91350100M000100V43', 'letter V'],
    ['91350100M000100Z43', 'letter Z'],
    ['913501A0M000100Y43', 'a letter in the division code (positions 3-8)'],
    ['91350100 M000100Y43', 'an inner space'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', 'full-width characters'],
    ['91350100-M000100Y4', 'a hyphen'],
  ])('JOB-1 rejects %j (%s) with CHARACTERS', (input) => {
    expect(parseCreditCode(input)).toEqual({
      ok: false,
      problem: 'CHARACTERS',
      message: '统一社会信用代码只能包含数字和大写字母（不使用I、O、S、V、Z），第3至8位应为数字',
    });
  });

  it('JOB-1 reports a letter in the division code as CHARACTERS even when the check character agrees', () => {
    expect(problemOf(withCheck('913501A0M000100Y4'))).toBe('CHARACTERS');
  });

  it('JOB-1 rejects malformed arguments to creditCodeCheckCharacter', () => {
    expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100M000100Y43')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100m000100Y4')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100O000100Y4')).toThrow(RangeError);
  });
});

describe('JOB-1 properties of the GB 32100 check character', () => {
  const codeCharacter = fc.constantFrom(...alphabet);
  const digit = fc.constantFrom(...'0123456789');
  const anyFirst17 = fc.array(codeCharacter, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));
  // Positions 3-8 must be digits for parseCreditCode to reach the check character.
  const parseableFirst17 = fc
    .tuple(
      fc.array(codeCharacter, { minLength: 2, maxLength: 2 }),
      fc.array(digit, { minLength: 6, maxLength: 6 }),
      fc.array(codeCharacter, { minLength: 9, maxLength: 9 }),
    )
    .map(([head, division, tail]) => [...head, ...division, ...tail].join(''));

  it('JOB-1 property: 17 valid characters followed by their computed check character parse', () => {
    fc.assert(
      fc.property(parseableFirst17, (first17) => {
        const creditCode = withCheck(first17);
        const result = parseCreditCode(creditCode);
        expect(result.ok && result.value).toEqual({
          creditCode,
          registrationAuthorityCode: first17[0],
          organisationTypeCode: first17[1],
          regionCode: first17.slice(2, 8),
          organisationCode: first17.slice(8, 17),
        });
      }),
    );
  });

  it('JOB-1 property: MOD 31 detects every single substitution in any of the 18 positions', () => {
    // True by arithmetic: every weight (and the implied weight 1 of the check character) is non-zero
    // mod the prime 31, and two different characters differ by 1..30, so the weighted sum always moves.
    fc.assert(
      fc.property(anyFirst17, fc.integer({ min: 0, max: 17 }), codeCharacter, (first17, position, replacement) => {
        const creditCode = withCheck(first17);
        fc.pre(replacement !== creditCode[position]);
        const mutated = creditCode.slice(0, position) + replacement + creditCode.slice(position + 1);
        expect(creditCodeCheckCharacter(mutated.slice(0, 17))).not.toBe(mutated[17]);
      }),
    );
  });

  it('JOB-1 property: changing one character of a parseable code to another allowed there fails with CHECK_CHARACTER', () => {
    fc.assert(
      fc.property(parseableFirst17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (first17, position, shift) => {
        const creditCode = withCheck(first17);
        const allowed = position >= 2 && position <= 7 ? '0123456789' : alphabet;
        const replacement = allowed[(allowed.indexOf(creditCode[position]!) + shift) % allowed.length]!;
        fc.pre(replacement !== creditCode[position]);
        const mutated = creditCode.slice(0, position) + replacement + creditCode.slice(position + 1);
        expect(problemOf(mutated)).toBe('CHECK_CHARACTER');
      }),
    );
  });

  it('JOB-1 property: MOD 31 detects every swap of two adjacent different characters', () => {
    // Neighbouring weights satisfy w(i+1) = 3·w(i) mod 31, so a swap moves the sum by 2·w(i)·(a - b), never 0 mod 31;
    // the last pair (weight 28 against the check character's 1) moves it by 27·(a - b).
    fc.assert(
      fc.property(anyFirst17, fc.integer({ min: 0, max: 16 }), (first17, position) => {
        const creditCode = withCheck(first17);
        fc.pre(creditCode[position] !== creditCode[position + 1]);
        const swapped = creditCode.slice(0, position) + creditCode[position + 1] + creditCode[position] + creditCode.slice(position + 2);
        expect(creditCodeCheckCharacter(swapped.slice(0, 17))).not.toBe(swapped[17]);
      }),
    );
  });
});
