// HTTP for referrals (JOB-5) and their rates (RPT-7).
import { Type } from '@sinclair/typebox';
import { referralOutcomeNames, type ReferralOutcome } from '../../../shared/labels.js';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Paged, pageQuery, Paragraph, sendList } from '../../platform/http.js';
import { DateString, Outcome, RateRow, Referral } from './schemas.js';
import * as service from './service.js';

export async function referralRoutes(app: App) {
  app.post(
    '/referrals',
    {
      config: { idempotent: true },
      schema: {
        tags: ['referrals'],
        summary: '推荐介绍：开具介绍信（含验证码），同时记入服务记录',
        body: Type.Object({
          personId: Type.String({ format: 'uuid' }),
          vacancyId: Type.String({ format: 'uuid' }),
          date: Type.Optional(DateString),
          channel: Type.Optional(
            Type.Unsafe<'counter' | 'phone' | 'online' | 'home_visit'>(Type.String({ enum: ['counter', 'phone', 'online', 'home_visit'] })),
          ),
        }),
        response: { 201: Referral },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createReferral(ctxOf(app, req), req.body)),
  );

  app.get(
    '/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: '管辖范围内的推荐记录；outcome=pending 为待反馈',
        querystring: Type.Object({
          ...pageQuery,
          personId: Type.Optional(Type.String({ format: 'uuid' })),
          vacancyId: Type.Optional(Type.String({ format: 'uuid' })),
          outcome: Type.Optional(Type.Unsafe<string>(Type.String({ enum: [...Object.keys(referralOutcomeNames), 'pending'] }))),
          from: Type.Optional(DateString),
          to: Type.Optional(DateString),
        }),
        response: { 200: Paged(Referral) },
      },
    },
    async (req, reply) => {
      const { page: _p, pageSize: _s, format: _f, ...filter } = req.query;
      return sendList(reply, req.query, (paging) => service.listReferrals(ctxOf(app, req), filter, paging), {
        filename: '推荐介绍记录',
        sheet: '推荐介绍',
        columns: [
          { header: '推荐日期', value: (r) => r.date },
          { header: '姓名', value: (r) => r.personName },
          { header: '身份证号（脱敏）', width: 22, value: (r) => r.personIdNumber },
          { header: '岗位', width: 24, value: (r) => r.vacancyTitle },
          { header: '用人单位', width: 30, value: (r) => r.employerName },
          { header: '介绍信验证码', width: 14, value: (r) => r.verificationCode },
          { header: '结果', value: (r) => (r.outcome ? referralOutcomeNames[r.outcome as ReferralOutcome] : '待反馈') },
          { header: '结果日期', value: (r) => r.outcomeDate },
          { header: '单位反馈', width: 30, value: (r) => r.employerFeedback },
          { header: '经办人', value: (r) => r.staffName },
          { header: '经办机构', width: 24, value: (r) => r.unitName },
        ],
      });
    },
  );

  app.get(
    '/referrals/rates',
    {
      schema: {
        tags: ['referrals'],
        summary: '各机构某月的推荐介绍率、推荐介绍成功率及目标（种子 002：40%、15%）',
        querystring: Type.Object({
          month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
          unitId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Type.Array(RateRow) },
      },
    },
    async (req) => service.referralRates(ctxOf(app, req), req.query.month, req.query.unitId),
  );

  app.get(
    '/referrals/:id',
    { schema: { tags: ['referrals'], summary: '推荐记录（介绍信内容）', params: IdParams, response: { 200: Referral } } },
    async (req) => service.getReferral(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/referrals/:id/outcome',
    {
      config: { idempotent: true },
      schema: {
        tags: ['referrals'],
        summary: '登记推荐结果；录用即登记该人员就业',
        params: IdParams,
        body: Type.Object({ outcome: Outcome, date: DateString, note: Type.Optional(Paragraph({ maxLength: 500 })) }),
        response: { 200: Referral },
      },
    },
    async (req) => service.recordOutcome(ctxOf(app, req), req.params.id, req.body),
  );
}
