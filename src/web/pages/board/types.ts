// Shapes of the public job board's API responses (src/server/modules/board/routes.ts). Kept apart
// from src/web/types.ts: the public pages see only these fields, never a staff view of a vacancy.

/** A published, unexpired vacancy as anyone may see it; wages are monthly, in fen. */
export interface PublicVacancy {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  /** 大典 code (6-18-02-04), or null. */
  occupation: string | null;
  headcount: number;
  filled: number;
  wageMin: number;
  wageMax: number;
  education: string | null;
  skills: string[];
  /** 'full_time' or 'part_time'. */
  hours: string;
  /** 12-digit code of the community where the work is. */
  regionCode: string;
  /** Name of that community (not of the district). */
  regionName: string | null;
  address: string | null;
  validUntil: string;
  source: string;
  fairId: string | null;
  publishedAt: string | null;
}

/** One vacancy's page: its description and the employer's public details. */
export interface PublicVacancyDetail extends PublicVacancy {
  description: string;
  employerAddress: string | null;
  employerContact: string | null;
  employerPhone: string | null;
  /** GB/T 4754 section letter. */
  employerIndustry: string | null;
  /** employerSizes code. */
  employerSize: string | null;
}

/** A job fair on the public calendar (today or later, not cancelled). */
export interface PublicFair {
  id: string;
  name: string;
  /** jobFairKindNames key. */
  kind: string;
  date: string;
  venue: string;
  regionCode: string;
  regionName: string | null;
  description: string | null;
  boothCount: number;
  vacancyCount: number;
  headcount: number;
}

/** What the employer sees when checking a referral letter's code; the name is masked by the API. */
export interface ReferralLetter {
  verificationCode: string;
  date: string;
  personName: string;
  vacancyTitle: string;
  employerName: string;
  unitName: string | null;
  /** referralOutcomeNames key recorded by staff, or null while open. */
  outcome: string | null;
  employerFeedbackAt: string | null;
}
