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
