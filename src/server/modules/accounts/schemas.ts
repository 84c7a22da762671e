// Request and response schemas of self-service accounts of seekers and employers (JOB-7).
import { Type } from '@sinclair/typebox';
import { employmentStatusNames } from '../../../shared/labels.js';
import { DateTime, Nullable, OneOf, Text } from '../../platform/http.js';

/** A mobile number, the login of a public account. */
export const Phone = Type.String({ pattern: '^1\\d{10}$', description: '手机号' });
/** A new password of a public account. */
export const Password = Type.String({ minLength: 8, maxLength: 128 });
/** A one-time code: six digits by text message, or a counter's eight-character activation code (dash optional). */
export const BindingCode = Type.String({ minLength: 6, maxLength: 12, pattern: '^[0-9A-Za-z-]+$', description: '验证码或激活码' });
/** The one answer to a request for a binding code. */
export const CodeRequestAnswer = Type.Object({ message: Type.String(), expiresInSeconds: Type.Integer() });
/** A seeker's job wishes as the seeker may set them. */
export const Wishes = Type.Object(
  {
    occupations: Type.Optional(Type.Array(Type.String({ pattern: '^\\d-\\d{2}-\\d{2}-\\d{2}$' }), { maxItems: 10 })),
    keywords: Type.Optional(Type.Array(Text({ maxLength: 20 }), { maxItems: 10 })),
    wageMinFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{12}$' }), { maxItems: 10 })),
    hours: Type.Optional(Text({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
/** The signed-in account: its kind and phone, and the seeker or employer it is bound to. */
export const AccountView = Type.Object({
  id: Type.String(),
  kind: OneOf(['seeker', 'employer']),
  phone: Type.String(),
  createdAt: DateTime,
  seeker: Nullable(
    Type.Object({
      name: Type.String(),
      idNumber: Type.String(),
      education: Nullable(Type.String()),
      skills: Type.Array(Type.String()),
      jobWishes: Wishes,
      employmentStatus: OneOf(Object.keys(employmentStatusNames)),
    }),
  ),
  employer: Nullable(Type.Object({ id: Type.String(), name: Type.String(), creditCode: Type.String(), regionCode: Type.String() })),
});
/** A started session: its token and the account. */
export const Session = Type.Object({ token: Type.String(), account: AccountView });
/** An online application as the seeker sees it. */
export const Application = Type.Object({
  id: Type.String(),
  vacancyId: Type.String(),
  vacancyTitle: Type.String(),
  employerName: Type.String(),
  message: Nullable(Type.String()),
  createdAt: DateTime,
});
