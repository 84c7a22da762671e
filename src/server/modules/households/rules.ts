// The zero-employment household (零就业家庭, REG-5, AID-3) is derived, never typed: an urban
// household in which every member of working age with labour capacity is registered unemployed
// and none is employed. Working ages come from policy parameters.
import type { CaseResolution, EmploymentStatus } from '../../../shared/labels.js';
import { ageOn } from '../../platform/clock.js';

export { addMonths, ageOn } from '../../platform/clock.js';

export interface MemberFacts {
  sex: 'M' | 'F';
  birthDate: string;
  labourCapacity: string;
  employmentStatus: EmploymentStatus;
  /** The date of the registration that gave the current status (null when unknown). */
  statusSince?: string | null;
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

/**
 * The day a zero-employment household became one by its events (AID-3): the day the last of its
 * able members of working age was registered unemployed, not the day a clerk typed it in. A
 * household entered late can thus be past its deadline at once. A status of unknown date, or one
 * dated after `today`, counts from `today`.
 */
export function zeroEmploymentSince(members: readonly MemberFacts[], today: string, ages: WorkingAges): string {
  const dates = members
    .filter((m) => m.labourCapacity !== 'none' && isWorkingAge(m, today, ages))
    .map((m) => (m.statusSince && m.statusSince <= today ? m.statusSince : today));
  return dates.reduce((latest, d) => (d > latest ? d : latest), dates[0] ?? today);
}

/** How an employment registration of the given form resolves a case (registrations' employmentForm). */
export function resolutionOfEmployment(employmentForm: string | null | undefined): CaseResolution {
  if (employmentForm === 'self_employed') return 'self_employment';
  if (employmentForm === 'flexible') return 'flexible_employment';
  if (employmentForm === 'public_welfare_post') return 'public_welfare_post';
  return 'employment';
}

export type CaseStatus = 'open' | 'due_soon' | 'overdue' | 'resolved';

/** A case's status on `today`: due soon from `dueSoonBy` (parameter zero_employment.due_soon_days). */
export function caseStatusOn(c: { resolvedOn: string | null; deadline: string }, today: string, dueSoonBy: string): CaseStatus {
  if (c.resolvedOn) return 'resolved';
  if (c.deadline < today) return 'overdue';
  return c.deadline <= dueSoonBy ? 'due_soon' : 'open';
}
