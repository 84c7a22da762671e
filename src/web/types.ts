// Shapes of the API's responses the web UI reads (shared/API.md and the server route schemas).
import type { Role, UnitType } from '../shared/roles.js';
import type { ItemOf, ResponseOf } from './apiTypes.js';

export interface User {
  id: string;
  username: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  scope: string;
  roles: Role[];
  /** From /auth/me: the second factor, whether the role requires it, and whether this session may only set it up. */
  twoFactor?: { enabled: boolean; required: boolean; setupRequired: boolean };
}

/** A staff member's own sign-in session (GET /auth/sessions). */
export interface OwnSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  source: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A staff member's second factor (GET /auth/two-factor). */
export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  pending: boolean;
  recoveryCodesLeft: number;
  required: boolean;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Region {
  code: string;
  name: string;
  level: number;
}

export interface RegionDetail extends Region {
  parentCode: string | null;
  fullName: string;
  path: Region[];
}

export interface Unit {
  id: string;
  name: string;
  type: UnitType;
  regionCode: string;
  regionName: string | null;
  scope: string;
  address: string | null;
  phone: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface Staff {
  id: string;
  username: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  regionCode: string;
  scope: string;
  roles: Role[];
  phone: string | null;
  disabled: boolean;
  builtIn: boolean;
  createdAt: string;
}

/** A policy parameter with the value in force for the asked region and date. */
export interface ParamInForce {
  name: string;
  title: string;
  unit: string;
  description: string;
  value: number | null;
  source: string | null;
  regionPrefix: string | null;
  effectiveFrom: string | null;
}

export interface ParamValue {
  id: string;
  regionPrefix: string;
  regionName: string | null;
  effectiveFrom: string;
  value: number;
  source: string;
  createdBy: string;
  createdAt: string;
}

export interface ParamHistory {
  name: string;
  title: string;
  unit: string;
  description: string;
  values: ParamValue[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string;
  unitId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  problem?: string;
}

export type EmploymentStatus = 'employed' | 'unemployed' | 'not_registered';
export type LabourCapacity = 'full' | 'partial' | 'none';
export type HouseholdType = 'urban' | 'rural';

/** A person of the labour-force ledger, with the status as of `asOf`. */
export interface Person {
  id: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  /** Masked. */
  idNumber: string;
  idConvertedFrom15: boolean;
  regionCode: string;
  regionName: string | null;
  householdType: HouseholdType;
  /** Masked. */
  phone: string | null;
  ethnicity: string | null;
  education: string | null;
  address: string | null;
  labourCapacity: LabourCapacity;
  disability: string | null;
  skills: string[];
  occupation: string | null;
  jobWishes: JobWishes | null;
  categories: string[];
  retiree: boolean;
  graduationYear: number | null;
  school: string | null;
  employmentStatus: EmploymentStatus;
  statusSince: string | null;
  jobSeeking: boolean;
  /** 就业失业登记证 number; null until the first unemployment registration. */
  certificateNo: string | null;
  certificateStatus: CertificateStatus | null;
  householdId: string | null;
  unitId: string | null;
  unitName: string | null;
  createdAt: string;
  asOf?: string;
}

export type CertificateStatus = 'valid' | 'withdrawn';
export type CertificateAction = 'issue' | 'withdraw' | 'reissue';

/** One issue, withdrawal or reissue of a person's 就业失业登记证. */
export interface CertificateEvent {
  id: string;
  certificateNo: string;
  action: CertificateAction;
  date: string;
  reason: string | null;
  createdBy: string;
  unitId?: string | null;
  createdAt: string;
}

/** A person's 就业失业登记证 and its history (oldest first). */
export interface Certificate {
  certificateNo: string | null;
  status: CertificateStatus | null;
  history: CertificateEvent[];
}

export type RegistrationType =
  'employment' | 'employment_end' | 'unemployment' | 'unemployment_end' | 'job_seeking' | 'job_seeking_end' | 'correction';

/** One registration event; a correction names the event it corrects. */
export interface RegistrationEvent {
  id: string;
  personId: string;
  type: RegistrationType;
  date: string;
  regionCode: string;
  details: {
    reason?: string;
    employerName?: string;
    employmentForm?: 'employer' | 'self_employed' | 'flexible';
    action?: 'void' | 'redate';
    date?: string;
    /** 'import' for events made by a ledger import. */
    source?: string;
  } | null;
  correctsEventId: string | null;
  createdBy: string;
  unitId: string | null;
  createdAt: string;
}

/** One service given to a person (REG-8). */
export interface ServiceRecord {
  id: string;
  personId: string;
  type: string;
  channel: string;
  date: string;
  staffId: string | null;
  staffName: string;
  unitId: string | null;
  unitName: string | null;
  notes: string | null;
  createdAt: string;
}

export interface HouseholdMember {
  personId: string;
  name: string;
  relation: string;
  sex: 'M' | 'F';
  birthDate: string;
  idNumber: string;
  labourCapacity: LabourCapacity;
  employmentStatus: EmploymentStatus;
  statusSince: string | null;
}

export interface Household {
  id: string;
  regionCode: string;
  address: string | null;
  householdType: HouseholdType;
  zeroEmployment: boolean;
  zeroEmploymentSince: string | null;
  members: HouseholdMember[];
  openCase: { id: string; detectedOn: string; deadline: string } | null;
}

export type CaseStatus = 'open' | 'due_soon' | 'overdue' | 'resolved';

/** The answer to a ledger import that went through. */
export interface ImportResult {
  rows: number;
  imported: number;
  unchanged: number;
}

/** A 用人单位 (JOB-1); industry is a GB/T 4754 section letter, size an employerSizes code. */
export interface Employer {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  regionName: string | null;
  industry: string | null;
  size: string | null;
  ownership: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string | null;
  /** 'counter' (registered by staff) or 'self' (by the employer online). */
  source: string;
  vacancyCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A hiring or labour-contract filing of an employer (JOB-1). */
export interface EmployerFiling {
  id: string;
  employerId: string;
  kind: string;
  personId: string | null;
  personName: string;
  date: string;
  contractEnd: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: string;
}

export type JobFairKind = 'general' | 'rural_migrants' | 'graduates' | 'person_4050' | 'women' | 'disabled';

/** A job fair (JOB-6); attendance, intentions and deals are recorded after it is held. */
export interface JobFair {
  id: string;
  name: string;
  kind: JobFairKind;
  date: string;
  venue: string;
  regionCode: string;
  regionName: string | null;
  description: string | null;
  cancelled: boolean;
  attendance: number | null;
  intentions: number | null;
  deals: number | null;
  boothCount: number;
  vacancyCount: number;
  headcount: number;
  createdAt: string;
}

/** GET /fairs/{id}/report: the fair, its booths and the vacancies offered there. */
export interface FairReport {
  fair: JobFair;
  booths: { id: string; employerId: string; employerName: string; boothNo: string | null; vacancies: number; headcount: number }[];
  vacancies: { id: string; title: string; employerName: string; headcount: number; wageMin: number; wageMax: number; status: string }[];
}

/** A round of the yearly vacancy survey (JOB-9) with its progress. */
export interface VacancySurvey {
  id: string;
  name: string;
  year: number;
  regionCode: string;
  dueDate: string;
  employers: number;
  returned: number;
  currentVacancies: number;
  nextYearDemand: number;
  createdBy: string;
  createdAt: string;
}

/** An enrolled employer's return; returnedOn null = 未填报. */
export interface SurveyReturn {
  employerId: string;
  employerName: string;
  creditCode: string;
  regionCode: string;
  returnedOn: string | null;
  currentVacancies: number | null;
  nextYearDemand: number | null;
  notes: string | null;
}

/** One look at a person's record (GET /persons/{id}/access-log, /public/me/access-log). */
export interface AccessLogEntry {
  at: string;
  actorUsername: string;
  unitName: string | null;
  action: 'view' | 'lookup' | 'export' | 'reveal';
  rows: number | null;
}

/** A seeker's job wishes as the ledger keeps them; wages in fen (the board's seeker sees the same shape). */
export type JobWishes = NonNullable<ResponseOf<'/api/v1/persons/{id}'>['jobWishes']>;

// Matches, referrals and vacancies: the server's response schemas, through the generated OpenAPI types.

/** A vacancy (JOB-2) as staff see it; wages are monthly, in fen. */
export type Vacancy = ResponseOf<'/api/v1/vacancies/{id}'>;
/** The status a vacancy reads as today: the stored four plus expired and filled. */
export type VacancyStatus = Vacancy['status'];
/** One discrimination-screening finding (JOB-3); start/end are UTF-16 offsets into `field`'s text. */
export type ScreeningFlag = Vacancy['screening']['flags'][number];

/** A published vacancy recommended for a person (GET /persons/{id}/matches). */
export type VacancyMatch = ItemOf<'/api/v1/persons/{id}/matches'>;
/** A job seeker in scope recommended for a vacancy (GET /vacancies/{id}/matches). */
export type PersonMatch = ItemOf<'/api/v1/vacancies/{id}/matches'>;
/** Why a match scored what it did: a factor's points (`weight`) out of its full weight. */
export type MatchReason = VacancyMatch['reasons'][number];
/** A factor of the match score (JOB-4). */
export type MatchFactor = MatchReason['factor'];

/** A referral (JOB-5) with what its letter prints; outcome null = 待反馈. */
export type Referral = ResponseOf<'/api/v1/referrals/{id}'>;
export type ReferralOutcome = NonNullable<Referral['outcome']>;
/** One unit's referral rates for a month (RPT-7); rates in percent, null when nothing to divide by. */
export type ReferralRate = ItemOf<'/api/v1/referrals/rates'>;

/** A person's hard-to-employ categories (AID-1): proposals, active recognitions, history and every rule's assessment. */
export type PersonCategories = ResponseOf<'/api/v1/persons/{id}/categories'>;
export type Recognition = PersonCategories['recognised'][number];
export type CategoryAssessment = PersonCategories['assessed'][number];
export type RecognitionListItem = ItemOf<'/api/v1/assistance/recognitions'>;

/** A registered unemployed graduate's one-to-one service checklist (AID-6). */
export type GraduateService = ResponseOf<'/api/v1/persons/{id}/graduate-service'>;
/** A graduate on the one-to-one service list, with the checklist. */
export type GraduateServiceItem = ItemOf<'/api/v1/assistance/graduate-service'>;
/** The list's status: open 服务中, due_soon 即将到期 (open, the deadline near), overdue, complete. */
export type GraduateServiceStatus = GraduateServiceItem['status'];

/** A person's casework (AID-2): caseworker and history, plan, visits and the next visit due. */
export type Casework = ResponseOf<'/api/v1/persons/{id}/casework'>;
export type PlanStep = Casework['plan'][number];
/** The clerk's work list (AID-2). */
export type WorkList = ResponseOf<'/api/v1/assistance/work-list'>;
export type VisitScheduleItem = ItemOf<'/api/v1/assistance/visits'>;
