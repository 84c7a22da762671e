// Request and response schemas of employers and their filings (JOB-1).
import { Type } from '@sinclair/typebox';
import { employerOwnerships, employerSizes } from '../../../shared/industries.js';
import { DateTime, Name, Nullable, Paragraph, Text } from '../../platform/http.js';

/** A calendar date, YYYY-MM-DD. */
export const DateString = Type.String({ format: 'date' });

/** An employer as the API returns it, with its count of open vacancies. */
export const Employer = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  industry: Nullable(Type.String()),
  size: Nullable(Type.String()),
  ownership: Nullable(Type.String()),
  address: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  description: Nullable(Type.String()),
  source: Type.String(),
  vacancyCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

/** The employer fields that may be left out or cleared with null. */
export const optionalFields = {
  industry: Type.Optional(
    Nullable(
      Type.String({
        pattern: '^[A-Z](\\d{2})?$',
        description: '国民经济行业分类（GB/T 4754-2017）：门类字母 A–T，或门类字母加两位大类代码（如 C34 通用设备制造业）',
      }),
    ),
  ),
  size: Type.Optional(
    Nullable(
      Type.Unsafe<string>(
        Type.String({ enum: [...employerSizes], description: '企业规模：micro 微型，small 小型，medium 中型，large 大型' }),
      ),
    ),
  ),
  ownership: Type.Optional(Nullable(Type.Unsafe<string>(Type.String({ enum: [...employerOwnerships], description: '登记注册类型' })))),
  address: Type.Optional(Nullable(Text({ maxLength: 200 }))),
  contactName: Type.Optional(Nullable(Text({ maxLength: 40 }))),
  contactPhone: Type.Optional(Nullable(Type.String({ pattern: '^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$' }))),
  description: Type.Optional(Nullable(Paragraph({ maxLength: 2000 }))),
};

/** POST body of a new employer. */
export const EmployerInput = Type.Object({
  name: Name({ minLength: 2, maxLength: 100 }),
  creditCode: Text({ minLength: 1, maxLength: 30, description: '统一社会信用代码（18位，GB 32100）' }),
  regionCode: Type.String({ pattern: '^\\d{12}$', description: '注册地或经营地区划代码' }),
  ...optionalFields,
});

/** A hiring or labour-contract filing of an employer. */
export const Filing = Type.Object({
  id: Type.String(),
  employerId: Type.String(),
  kind: Type.String(),
  personId: Nullable(Type.String()),
  personName: Type.String(),
  date: Type.String(),
  contractEnd: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  createdBy: Type.String(),
  createdByName: Type.Optional(Type.String({ description: '经办人姓名' })),
  createdAt: DateTime,
});
