// The zero-employment household (零就业家庭, REG-5, AID-3) is derived, never typed: an urban
// household in which every member of working age with labour capacity is registered unemployed
// and none is employed. Working ages come from policy parameters.
import type { EmploymentStatus } from '../../../shared/labels.js';
import { ageOn } from '../../platform/clock.js';

export { addMonths, ageOn } from '../../platform/clock.js';

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

/** True when the person is of working age on the date: at least the minimum, below their retirement age. */
export function isWorkingAge(m: Pick<MemberFacts, 'sex' | 'birthDate'>, date: string, ages: WorkingAges): boolean {
  const age = ageOn(m.birthDate, date);
  return age >= ages.min && age < (m.sex === 'M' ? ages.maxMale : ages.maxFemale);
}

/** The rule of seed 003 §(四) and seed 001 §一(二) as stated in GLOSSARY.md. */
export function isZeroEmploymentHousehold(
  householdType: string,
  members: readonly MemberFacts[],
  date: string,
  ages: WorkingAges,
): boolean {
  if (householdType !== 'urban') return false;
  if (members.some((m) => m.employmentStatus === 'employed')) return false;
  const able = members.filter((m) => m.labourCapacity !== 'none' && isWorkingAge(m, date, ages));
  return able.length > 0 && able.every((m) => m.employmentStatus === 'unemployed');
}
