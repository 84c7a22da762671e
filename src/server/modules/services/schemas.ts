// Request and response schemas of the service record (REG-8).
import { Type } from '@sinclair/typebox';
import { DateTime, Nullable } from '../../platform/http.js';

/** One service given to a person, with who gave it and where. */
export const ServiceRecord = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  type: Type.String(),
  channel: Type.String(),
  date: Type.String(),
  staffId: Nullable(Type.String()),
  staffName: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  createdAt: DateTime,
});
