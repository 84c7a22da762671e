// Request and response schemas of registration events (REG-3).
import { Type } from '@sinclair/typebox';
import { registrationTypes, type RegistrationType } from '../../../shared/labels.js';
import { DateTime, Nullable, Text } from '../../platform/http.js';
import { DateString } from '../persons/index.js';

/** A stored registration event. */
export const RegistrationEvent = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  type: Type.String(),
  date: Type.String(),
  regionCode: Type.String(),
  details: Type.Unknown(),
  correctsEventId: Nullable(Type.String()),
  certificateNo: Nullable(Type.String()),
  createdBy: Type.String(),
  createdByName: Type.Optional(Type.String({ description: '经办人姓名' })),
  unitId: Nullable(Type.String()),
  createdAt: DateTime,
});

/** A new registration event or a correction of one. */
export const RegistrationInput = Type.Object({
  type: Type.Unsafe<RegistrationType>(Type.String({ enum: [...registrationTypes] })),
  date: DateString,
  reason: Type.Optional(Text({ maxLength: 200 })),
  employerName: Type.Optional(Text({ maxLength: 100 })),
  employmentForm: Type.Optional(
    Type.Unsafe<'employer' | 'self_employed' | 'flexible'>(Type.String({ enum: ['employer', 'self_employed', 'flexible'] })),
  ),
  correctsEventId: Type.Optional(Type.String({ format: 'uuid' })),
  action: Type.Optional(Type.Unsafe<'void' | 'redate'>(Type.String({ enum: ['void', 'redate'] }))),
  correctedDate: Type.Optional(DateString),
});
