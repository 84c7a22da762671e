// Shapes of the API's responses the web UI reads (shared/API.md and the server route schemas).
import type { Role, UnitType } from '../shared/roles.js';

export interface User {
  id: string;
  username: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  scope: string;
  roles: Role[];
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

/** 求职意向: what work the person wants. */
export interface JobWishes {
  occupations?: string[];
  keywords?: string[];
  wageMinFen?: number;
  regionCodes?: string[];
  hours?: string;
}

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

export type RegistrationType = 'employment' | 'employment_end' | 'unemployment' | 'unemployment_end' | 'job_seeking' | 'job_seeking_end' | 'correction';

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

/** A zero-employment household case (AID-3). */
export interface ZeroEmploymentCase {
  id: string;
  householdId: string;
  regionCode: string;
  address: string | null;
  headName?: string | null;
  communityName?: string | null;
  detectedOn: string;
  deadline: string;
  resolvedOn: string | null;
  resolution: string | null;
  status: CaseStatus;
}

/** The answer to a ledger import that went through. */
export interface ImportResult {
  rows: number;
  imported: number;
  unchanged: number;
}
