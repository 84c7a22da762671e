// Request and response schemas of referrals (JOB-5) and their rates (RPT-7).
import { Type } from '@sinclair/typebox';
import { referralOutcomeNames, type ReferralOutcome } from '../../../shared/labels.js';
import { DateTime, Nullable, OneOf } from '../../platform/http.js';

/** A calendar date, YYYY-MM-DD. */
export const DateString = Type.String({ format: 'date' });
/** The outcome of a referral, one of the keys of `referralOutcomeNames`. */
export const Outcome = Type.Unsafe<ReferralOutcome>(
  Type.String({
    enum: Object.keys(referralOutcomeNames),
    description: 'interviewed 已面试，hired 已录用，rejected 未录用，no_show 未到场',
  }),
);

/** A referral with what its letter shows: person, vacancy, employer, verification code and outcome. */
export const Referral = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  personIdNumber: Type.String(),
  vacancyId: Type.String(),
  vacancyTitle: Type.String(),
  vacancyAddress: Nullable(Type.String()),
  employerId: Type.String(),
  employerName: Type.String(),
  employerAddress: Nullable(Type.String()),
  employerContact: Nullable(Type.String()),
  employerPhone: Nullable(Type.String()),
  regionCode: Type.String(),
  date: Type.String(),
  verificationCode: Type.String(),
  outcome: Nullable(OneOf(Object.keys(referralOutcomeNames))),
  outcomeDate: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  employerFeedback: Nullable(Type.String()),
  employerFeedbackAt: Nullable(DateTime),
  employmentEventId: Nullable(Type.String()),
  staffName: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  letterUrl: Type.String(),
  createdAt: DateTime,
});

/** One unit's referral figures and rates for a month, beside the targets. */
export const RateRow = Type.Object({
  unitId: Type.String(),
  unitName: Type.String(),
  unitType: Type.String(),
  scope: Type.String(),
  seekers: Type.Integer({ description: '本月办理求职登记或失业登记的人数' }),
  referred: Type.Integer({ description: '本月被推荐介绍的人数' }),
  referrals: Type.Integer({ description: '本月推荐介绍次数' }),
  hired: Type.Integer({ description: '本月推荐后录用的次数' }),
  referralRate: Nullable(Type.Number({ description: '推荐介绍率（%）' })),
  successRate: Nullable(Type.Number({ description: '推荐介绍成功率（%）' })),
  targetRate: Type.Number(),
  targetSuccessRate: Type.Number(),
});
