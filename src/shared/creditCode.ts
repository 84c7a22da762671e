// Unified social credit codes (统一社会信用代码, GB 32100-2015) identify employers, agencies and
// other organisations (JOB-1). 18 characters: registration authority 1, organisation type 1,
// administrative division of the registering office 6 digits, organisation code (GB 11714) 9, and a
// MOD 31 check character. Pure, so the web form and the server give the same verdict on the same input.

export type CreditCodeProblem = 'LENGTH' | 'CHARACTERS' | 'CHECK_CHARACTER';

export interface ParsedCreditCode {
  /** Normalised 18-character form, uppercase. */
  creditCode: string;
  /** Position 1: the registration authority (登记管理部门), e.g. '9' market regulation, '5' civil affairs, '1' staffing office. */
  registrationAuthorityCode: string;
  /** Position 2: the organisation type within that authority (机构类别), e.g. '1' enterprise and '2' individual business under '9'. */
  organisationTypeCode: string;
  /** Positions 3-8: GB/T 2260 administrative division of the registering office, not of the premises. */
  regionCode: string;
  /** Positions 9-17: the organisation code (主体标识码, GB 11714). */
  organisationCode: string;
}

export type CreditCodeResult = { ok: true; value: ParsedCreditCode } | { ok: false; problem: CreditCodeProblem; message: string };

/** What the clerk sees: the code is copied from a business licence, so each message says what to compare. */
const messages: Record<CreditCodeProblem, string> = {
  LENGTH: '统一社会信用代码应为18位',
  CHARACTERS: '统一社会信用代码只能包含数字和大写字母（不使用I、O、S、V、Z），第3至8位应为数字',
  CHECK_CHARACTER: '统一社会信用代码校验位错误，请核对最后一位',
};

/** GB 32100 table: the 31 characters in value order; I, O, S, V and Z are left out so they cannot be misread as 1, 0, 5, U and 2. */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100 weights for positions 1-17: 3^(i-1) mod 31. */
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const first17Pattern = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** The check character for the first 17 characters (GB 32100 MOD 31); throws unless given 17 characters of the code alphabet. */
export function creditCodeCheckCharacter(first17: string): string {
  if (!first17Pattern.test(first17))
    throw new RangeError(`creditCodeCheckCharacter expects 17 characters of ${alphabet}, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]!) * weights[i]!;
  // C18 = 31 - (sum mod 31), and 31 itself is written as '0': the same as (-sum) mod 31.
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/** Validates and parses a unified social credit code; trims and uppercases the input first. */
export function parseCreditCode(input: string): CreditCodeResult {
  const text = input.trim().toUpperCase();
  // Characters are checked before length so that a stray O, I or space is reported as such, not as a miscount.
  if (/[^0-9A-HJ-NPQRTUWXY]/.test(text)) return fail('CHARACTERS');
  if (text.length !== 18) return fail('LENGTH');
  if (!/^\d{6}$/.test(text.slice(2, 8))) return fail('CHARACTERS');

  // The GB 11714 check character inside positions 9-17 is not verified: GB 32100 only requires the
  // code-level check, and rejecting a code printed on a valid licence would stop the employer's registration.
  if (creditCodeCheckCharacter(text.slice(0, 17)) !== text[17]) return fail('CHECK_CHARACTER');

  return {
    ok: true,
    value: {
      creditCode: text,
      registrationAuthorityCode: text[0]!,
      organisationTypeCode: text[1]!,
      regionCode: text.slice(2, 8),
      organisationCode: text.slice(8, 17),
    },
  };
}

function fail(problem: CreditCodeProblem): CreditCodeResult {
  return { ok: false, problem, message: messages[problem] };
}
