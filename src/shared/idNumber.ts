// Citizen ID numbers (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male), 1 check character (ISO 7064 MOD 11-2). Pure, so the web form
// and the server give the same verdict on the same input.
import { isCalendarDate } from './dates.js';

export type IdNumberProblem = 'LENGTH' | 'CHARACTERS' | 'REGION' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export interface ParsedIdNumber {
  /** Normalised 18-character form, uppercase X. */
  idNumber: string;
  /** First 6 digits (address code). */
  regionCode: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  /** 17th digit odd = M, even = F. */
  sex: 'M' | 'F';
  /** The original 15-digit legacy number when it was converted. */
  convertedFrom15?: string;
}

export type IdNumberResult = { ok: true; value: ParsedIdNumber } | { ok: false; problem: IdNumberProblem; message: string };

/** What the clerk sees: each message says where to look, since the clerk has the card in hand. */
const messages: Record<IdNumberProblem, string> = {
  LENGTH: '身份证号应为18位（或15位旧号码）',
  CHARACTERS: '身份证号只能包含数字，最后一位可以是X',
  REGION: '身份证号前6位地址码不存在，请核对',
  BIRTH_DATE: '身份证号中的出生日期无效，请核对第7至14位',
  CHECK_CHARACTER: '身份证号校验位错误，请核对最后一位',
};

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkCharacters = '10X98765432';

/** Province-level codes (GB/T 2260); 71 Taiwan, 81 Hong Kong and 82 Macao are valid address prefixes too. */
const provinceCodes = new Set([
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
]);

const earliestBirthDate = '1900-01-01';

/** The check character for the first 17 digits (ISO 7064 MOD 11-2); throws unless given exactly 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`idCheckCharacter expects 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkCharacters[sum % 11]!;
}

/** Converts a 15-digit legacy number (19xx birth year) to 18 digits; throws unless given exactly 15 digits. */
export function convertLegacyIdNumber(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError(`convertLegacyIdNumber expects 15 digits, got ${JSON.stringify(id15)}`);
  // Legacy numbers were issued before 2000 and carry a two-digit year, so the century is always 19.
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/** Validates and parses an ID number; `today` ('YYYY-MM-DD') bounds the birth date, `isKnownRegion` vets the address code. */
export function parseIdNumber(input: string, opts: { today?: string; isKnownRegion?: (code6: string) => boolean } = {}): IdNumberResult {
  const today = opts.today ?? todayInShanghai();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`today must be 'YYYY-MM-DD', got ${JSON.stringify(today)}`);
  const isKnownRegion = opts.isKnownRegion ?? hasProvincePrefix;

  const text = input.trim().toUpperCase();
  // Characters are checked before length so that a stray letter or space is reported as such, not as a miscount.
  if (/[^0-9X]/.test(text)) return fail('CHARACTERS');
  if (text.length !== 18 && text.length !== 15) return fail('LENGTH');
  if (text.length === 18 ? !/^\d{17}[\dX]$/.test(text) : !/^\d{15}$/.test(text)) return fail('CHARACTERS');

  const legacy = text.length === 15 ? text : undefined;
  const idNumber = legacy === undefined ? text : convertLegacyIdNumber(legacy);

  // Region and date are checked before the check character because they point the clerk at the wrong digits.
  const regionCode = idNumber.slice(0, 6);
  if (!isKnownRegion(regionCode)) return fail('REGION');

  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  // ISO dates of equal length compare correctly as strings.
  if (!isCalendarDate(birthDate) || birthDate < earliestBirthDate || birthDate > today) return fail('BIRTH_DATE');

  // A converted legacy number gets its check character computed, so only 18-digit input can fail here.
  if (idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return fail('CHECK_CHARACTER');

  const sex = Number(idNumber[16]) % 2 === 1 ? 'M' : 'F';
  const value: ParsedIdNumber = { idNumber, regionCode, birthDate, sex };
  if (legacy !== undefined) value.convertedFrom15 = legacy;
  return { ok: true, value };
}

function fail(problem: IdNumberProblem): IdNumberResult {
  return { ok: false, problem, message: messages[problem] };
}

function hasProvincePrefix(code6: string): boolean {
  return provinceCodes.has(code6.slice(0, 2));
}

function todayInShanghai(): string {
  // The registration offices are on Beijing time; a server clock in UTC would otherwise reject
  // babies born after midnight local time for the first eight hours of the day.
  // formatToParts rather than format, so the result does not hang on the locale's separator.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
