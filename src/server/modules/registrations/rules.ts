// Registrations are events and status is derived from them (REG-3, DESIGN idea 2). This file
// holds the rules without I/O: how corrections apply, which order of events is allowed, and the
// status as of a date.
import type { EmploymentStatus, RegistrationType } from '../../../shared/labels.js';

export { registrationTypeNames, registrationTypes, type EmploymentStatus, type RegistrationType } from '../../../shared/labels.js';

export interface RegistrationEventLike {
  id: string;
  type: RegistrationType;
  date: string;
  correctsEventId?: string | null;
  /** For corrections: `{ action: 'void' }` or `{ action: 'redate', date }`. */
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface StatusAsOf {
  employmentStatus: EmploymentStatus;
  statusSince: string | null;
  jobSeeking: boolean;
}

export interface RuleViolation {
  eventId: string;
  rule: string;
  message: string;
}

/** Events with corrections applied: voided ones dropped, redated ones moved; ordered by date then entry. */
export function effectiveEvents<E extends RegistrationEventLike>(events: readonly E[]): E[] {
  const byEntry = [...events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const corrected = new Map<string, E | null>();
  for (const e of byEntry) {
    if (e.type !== 'correction' || !e.correctsEventId) continue;
    const target = events.find((x) => x.id === e.correctsEventId);
    if (!target) continue;
    corrected.set(target.id, e.details.action === 'void' ? null : { ...target, date: String(e.details.date) });
  }
  return byEntry
    .filter((e) => e.type !== 'correction')
    .map((e) => (corrected.has(e.id) ? corrected.get(e.id)! : e))
    .filter((e): e is E => e !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt.getTime() - b.createdAt.getTime()));
}

const initial: StatusAsOf = { employmentStatus: 'not_registered', statusSince: null, jobSeeking: false };

/** One step of the state machine: the new status, or the rule the event breaks. */
function step(s: StatusAsOf, e: RegistrationEventLike): StatusAsOf | { rule: string; message: string } {
  switch (e.type) {
    case 'employment':
      if (s.employmentStatus === 'employed') return { rule: 'ALREADY_EMPLOYED', message: `${e.date} 时已处于就业状态，须先登记就业终止` };
      return { employmentStatus: 'employed', statusSince: e.date, jobSeeking: false };
    case 'employment_end':
      if (s.employmentStatus !== 'employed') return { rule: 'NOT_EMPLOYED', message: `${e.date} 时未处于就业状态，不能登记就业终止` };
      return { ...s, employmentStatus: 'not_registered', statusSince: e.date };
    case 'unemployment':
      if (s.employmentStatus === 'employed')
        return { rule: 'EMPLOYED_NOT_ENDED', message: `${e.date} 时仍处于就业状态，须先登记就业终止，才能进行失业登记` };
      if (s.employmentStatus === 'unemployed') return { rule: 'ALREADY_UNEMPLOYED', message: `${e.date} 时已是登记失业状态` };
      return { ...s, employmentStatus: 'unemployed', statusSince: e.date };
    case 'unemployment_end':
      if (s.employmentStatus !== 'unemployed')
        return { rule: 'NOT_UNEMPLOYED', message: `${e.date} 时未处于登记失业状态，不能注销失业登记` };
      return { ...s, employmentStatus: 'not_registered', statusSince: e.date };
    case 'job_seeking':
      if (s.jobSeeking) return { rule: 'ALREADY_SEEKING', message: `${e.date} 时已有有效的求职登记` };
      return { ...s, jobSeeking: true };
    case 'job_seeking_end':
      if (!s.jobSeeking) return { rule: 'NOT_SEEKING', message: `${e.date} 时没有有效的求职登记` };
      return { ...s, jobSeeking: false };
    case 'correction':
      return s;
  }
}

/** Replays the events (corrections applied) up to and including `asOf`; reports the first broken rule. */
export function replayRegistrations(
  events: readonly RegistrationEventLike[],
  asOf?: string,
): { status: StatusAsOf; violation: RuleViolation | null } {
  let status = initial;
  for (const e of effectiveEvents(events)) {
    if (asOf && e.date > asOf) break;
    const next = step(status, e);
    if ('rule' in next) return { status, violation: { eventId: e.id, ...next } };
    status = next;
  }
  return { status, violation: null };
}
