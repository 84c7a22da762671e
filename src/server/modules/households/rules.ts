// The zero-employment household (零就业家庭, REG-5, AID-3) is derived, never typed: an urban
// household in which every member of working age with labour capacity is registered unemployed
// and none is employed. Working ages come from policy parameters.
import type { EmploymentStatus } from '../registrations/rules.js';

export interface MemberFacts {
  sex: 'M' | 'F';
  birthDate: string;
  labourCapacity: string;
  employmentStatus: EmploymentStatus;
}

export interface WorkingAges {
  min: number;
  maxMale: number;
  maxFemale: number;
}

/** Whole years of age on a date. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** True when the person is of working age on the date: at least the minimum, below their retirement age. */
export function isWorkingAge(m: Pick<MemberFacts, 'sex' | 'birthDate'>, date: string, ages: WorkingAges): boolean {
  const age = ageOn(m.birthDate, date);
  return age >= ages.min && age < (m.sex === 'M' ? ages.maxMale : ages.maxFemale);
}

/** The rule of seed 003 §(四) and seed 001 §一(二) as stated in GLOSSARY.md. */
export function isZeroEmploymentHousehold(householdType: string, members: readonly MemberFacts[], date: string, ages: WorkingAges): boolean {
  if (householdType !== 'urban') return false;
  if (members.some((m) => m.employmentStatus === 'employed')) return false;
  const able = members.filter((m) => m.labourCapacity !== 'none' && isWorkingAge(m, date, ages));
  return able.length > 0 && able.every((m) => m.employmentStatus === 'unemployed');
}

/** A date some whole months later, clamped to the month's end (2026-11-30 + 3 → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
