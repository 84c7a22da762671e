// Request and response schemas of the public job board (JOB-7, JOB-8).
import { Type } from '@sinclair/typebox';
import { DateTime, Nullable, Paged } from '../../platform/http.js';
import { Vacancy } from '../vacancies/index.js';

/** What the board shows of a vacancy: the staff schema without review and screening details. */
export const PublicVacancy = Type.Pick(Vacancy, [
  'id',
  'employerId',
  'employerName',
  'title',
  'occupation',
  'headcount',
  'filled',
  'wageMin',
  'wageMax',
  'education',
  'skills',
  'hours',
  'regionCode',
  'regionName',
  'address',
  'validUntil',
  'source',
  'fairId',
  'publishedAt',
]);

/** A page of the board: the paged list, and whether the count stopped at its cap (the board shows "1000+"). */
export const PublicVacancyPage = Type.Object({
  ...Paged(PublicVacancy).properties,
  totalCapped: Type.Boolean({ description: 'true：命中超过 1000 个，total 只数到 1001（页面显示“1000+”）；最后一页的 total 总是确数' }),
});

/** A public vacancy's page: the vacancy with its description and the employer's contact details. */
export const PublicVacancyDetail = Type.Object({
  ...PublicVacancy.properties,
  description: Type.String(),
  employerAddress: Nullable(Type.String()),
  employerContact: Nullable(Type.String()),
  employerPhone: Nullable(Type.String()),
  employerIndustry: Nullable(Type.String()),
  employerSize: Nullable(Type.String()),
});

/** What a referral letter's check shows the employer (the person's name partly hidden). */
export const Letter = Type.Object({
  verificationCode: Type.String(),
  date: Type.String(),
  personName: Type.String({ description: '姓名（部分隐去）' }),
  vacancyTitle: Type.String(),
  employerName: Type.String(),
  unitName: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  employerFeedback: Nullable(Type.String()),
  employerFeedbackAt: Nullable(DateTime),
});

/** The verification code printed on a referral letter. */
export const Code = Type.String({ pattern: '^[0-9A-Za-z]{6,16}$', description: '介绍信上的验证码' });
