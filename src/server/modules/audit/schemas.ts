// Response schemas of the audit trail (SYS-2).
import { Type } from '@sinclair/typebox';
import { DateTime } from '../../platform/http.js';

/** A before or after image: any JSON. */
export const Json = Type.Unknown();
/** One entry of the audit log with its chain hash. */
export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  before: Json,
  after: Json,
  reason: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});
