// The graduate one-to-one service (AID-6, seed 003 §(五)) as a checklist, without I/O: from the day a
// graduate is registered unemployed, within `graduate_service.deadline` months, one policy
// consultation, one vocational guidance and `graduate_service.vacancies_offered` suitable vacancies
// (service records of type vacancy_information, and referrals). The checklist fills itself from the
// records; nobody ticks it.
import { addMonths } from '../../platform/clock.js';

export type GraduateServiceStatus = 'open' | 'complete' | 'overdue';

export interface GraduateServiceFacts {
  /** The day the current unemployment registration began. */
  since: string;
  /** Service record types and dates since then, and referral dates since then. */
  services: readonly { type: string; date: string }[];
  referrals: readonly string[];
}

export interface GraduateServiceFigures {
  deadlineMonths: number;
  vacanciesRequired: number;
}

/** The checklist on `today`: what was given by the deadline counts; complete when all of it was. */
export function graduateChecklist(facts: GraduateServiceFacts, figures: GraduateServiceFigures, today: string) {
  const deadline = addMonths(facts.since, figures.deadlineMonths);
  const inWindow = (date: string) => date >= facts.since && date <= deadline;
  const consultation = facts.services.some((s) => s.type === 'consultation' && inWindow(s.date));
  const guidance = facts.services.some((s) => s.type === 'vocational_guidance' && inWindow(s.date));
  const vacanciesOffered =
    facts.services.filter((s) => s.type === 'vacancy_information' && inWindow(s.date)).length + facts.referrals.filter(inWindow).length;
  const complete = consultation && guidance && vacanciesOffered >= figures.vacanciesRequired;
  const status: GraduateServiceStatus = complete ? 'complete' : today > deadline ? 'overdue' : 'open';
  return {
    since: facts.since,
    deadline,
    consultation,
    guidance,
    vacanciesOffered,
    vacanciesRequired: figures.vacanciesRequired,
    complete,
    status,
  };
}
