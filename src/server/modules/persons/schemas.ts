// Request and response schemas of the labour-force ledger.
import { Type } from '@sinclair/typebox';
import { DateTime, Name, Nullable, Text } from '../../platform/http.js';

export const DateString = Type.String({ format: 'date' });

/** A person's job wishes: a closed object (no other keys are stored), every list and text bounded. */
export const JobWishes = Type.Object(
  {
    occupations: Type.Optional(Type.Array(Text({ maxLength: 20 }), { maxItems: 10 })),
    keywords: Type.Optional(Type.Array(Text({ maxLength: 20 }), { maxItems: 10 })),
    wageMinFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    regionCodes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{12}$' }), { maxItems: 10 })),
    hours: Type.Optional(Text({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

/** The ledger's editable fields (identity comes from the ID number). */
export const LedgerFields = {
  name: Name({ maxLength: 40 }),
  regionCode: Type.String({ pattern: '^\\d{12}$', description: '居住地区划代码（社区/村）' }),
  householdType: Type.Unsafe<'urban' | 'rural'>(Type.String({ enum: ['urban', 'rural'], description: '户籍性质：urban 城镇，rural 农村' })),
  phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$' })),
  ethnicity: Type.Optional(Text({ maxLength: 20 })),
  education: Type.Optional(Text({ maxLength: 20 })),
  address: Type.Optional(Text({ maxLength: 200 })),
  labourCapacity: Type.Optional(Type.Unsafe<'full' | 'partial' | 'none'>(Type.String({ enum: ['full', 'partial', 'none'] }))),
  disability: Type.Optional(Text({ maxLength: 40 })),
  skills: Type.Optional(Type.Array(Text({ maxLength: 40 }), { maxItems: 30 })),
  occupation: Type.Optional(Text({ maxLength: 20, description: '国家职业分类代码' })),
  jobWishes: Type.Optional(JobWishes),
  categories: Type.Optional(Type.Array(Text({ maxLength: 30 }), { maxItems: 20 })),
  retiree: Type.Optional(Type.Boolean()),
  graduationYear: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2100 })),
  school: Type.Optional(Text({ maxLength: 60 })),
};

/** PATCH body: every field optional; optional ledger fields may be null to clear them (Null first: ajv would coerce null to "" for a string). */
const { name, regionCode, householdType, ...optionalFields } = LedgerFields;
export const PersonPatch = Type.Object({
  name: Type.Optional(name),
  regionCode: Type.Optional(regionCode),
  householdType: Type.Optional(householdType),
  ...Object.fromEntries(Object.entries(optionalFields).map(([k, v]) => [k, Type.Optional(Type.Union([Type.Null(), v]))])),
});

export const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sex: Type.String(),
  birthDate: Type.String(),
  idNumber: Type.String({ description: '已脱敏' }),
  idConvertedFrom15: Type.Boolean(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  householdType: Type.String(),
  phone: Nullable(Type.String()),
  ethnicity: Nullable(Type.String()),
  education: Nullable(Type.String()),
  address: Nullable(Type.String()),
  labourCapacity: Type.String(),
  disability: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  occupation: Nullable(Type.String()),
  // The column is jsonb (unknown to the code); the document still says what it holds.
  jobWishes: Type.Unsafe<unknown>(Nullable(JobWishes)),
  categories: Type.Array(Type.String()),
  retiree: Type.Boolean(),
  graduationYear: Nullable(Type.Integer()),
  school: Nullable(Type.String()),
  employmentStatus: Type.String(),
  statusSince: Nullable(Type.String()),
  jobSeeking: Type.Boolean(),
  certificateNo: Nullable(Type.String({ description: '就业失业登记证编号' })),
  certificateStatus: Nullable(Type.String()),
  householdId: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  createdAt: DateTime,
  asOf: Type.Optional(Type.String()),
});
