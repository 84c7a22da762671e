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
  /** The employer's last answer as recorded (「单位反馈：已面试；…」), or null. */
  employerFeedback: string | null;
  employerFeedbackAt: string | null;
}

/** A seeker's job wishes as kept in the ledger; wages in fen. */
export interface JobWishes {
  /** 大典 codes (6-18-02-04). */
  occupations?: string[];
  keywords?: string[];
  wageMinFen?: number;
  regionCodes?: string[];
  /** 全日制, 非全日制 or 不限. */
  hours?: string;
}

/** The signed-in self-service account (GET /public/me); the phone and ID number come masked. */
export interface PublicAccount {
  id: string;
  kind: 'seeker' | 'employer';
  phone: string;
  createdAt: string;
  seeker: {
    name: string;
    idNumber: string;
    education: string | null;
    skills: string[];
    jobWishes: JobWishes;
    employmentStatus: string;
  } | null;
  employer: { id: string; name: string; creditCode: string; regionCode: string } | null;
}

/** A vacancy recommended to the signed-in seeker, with the reasons of its score. */
export interface SeekerMatch {
  vacancyId: string;
  score: number;
  reasons: { factor: string; detail: string; weight: number; maxWeight: number }[];
  vacancy: {
    title: string;
    employerName: string;
    occupation: string | null;
    wageMin: number;
    wageMax: number;
    regionCode: string;
    regionName: string | null;
    headcount: number;
    filled: number;
    validUntil: string;
  };
}

/** One online application of the seeker. */
export interface Application {
  id: string;
  vacancyId: string;
  vacancyTitle: string;
  employerName: string;
  message: string | null;
  createdAt: string;
}

/** A seeker who applied to the employer's vacancy: shown to that employer with name and phone. */
export interface Applicant {
  id: string;
  name: string;
  education: string | null;
  skills: string[];
  phone: string | null;
  message: string | null;
  createdAt: string;
}

/** A division from GET /public/regions. */
export interface PublicRegion {
  code: string;
  name: string;
  level: number;
}
