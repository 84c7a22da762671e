// HTTP for the stops of 条例第十五条 other than re-employment (UI-3): a stop with its reason and
// date, and the refusals of offered work or training that stop a claim on reaching the parameter.
import { Type, type TSchema } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { DateTime, IdParams, Name, Nullable, Paragraph, type App } from '../../platform/http.js';
import { uiStopReasonNames, uiStopReasons, type UiStopReason } from '../../../shared/labels.js';
import { recordRefusal, refusalsOfClaim, stopClaimBy } from './claimStops.js';
import type { getClaim } from './service.js';

const DateString = Type.String({ format: 'date', pattern: '^(19|20)\\d{2}-\\d{2}-\\d{2}$' });
const StopReason = Type.Unsafe<UiStopReason>(
  Type.String({ enum: uiStopReasons, description: uiStopReasons.map((r) => `${r} ${uiStopReasonNames[r]}`).join('、') }),
);
const Refusal = Type.Object({
  id: Type.String(),
  claimId: Type.String(),
  date: Type.String(),
  offer: Type.String({ description: '介绍的工作或培训' }),
  note: Nullable(Type.String()),
  recordedBy: Type.String(),
  recordedByName: Type.String({ description: '登记人姓名' }),
  recordedAt: DateTime,
});

/** `claimSchema` is the claim's response schema of routes.ts (passed in, so the two files import in one direction). */
export async function claimStopRoutes(app: App, claimSchema: TSchema) {
  const Claim = Type.Unsafe<Awaited<ReturnType<typeof getClaim>>>(claimSchema);
  app.post(
    '/ui/claims/:id/stop',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '停发失业保险金（失业保险经办员，《失业保险条例》第十五条）：自事件发生之日起停发待审核或享受待遇中的申领。重新就业请办理就业登记，拒不接受介绍请登记拒绝记录（400）；其他情形须在备注写明依据',
        params: IdParams,
        body: Type.Object({
          reason: StopReason,
          date: DateString,
          note: Type.Optional(Paragraph({ maxLength: 500, description: '说明；其他情形须写明依据的法律、行政法规' })),
        }),
        response: { 200: Claim },
      },
    },
    async (req) => stopClaimBy(ctxOf(app, req), req.params.id, req.body),
  );

  app.post(
    '/ui/claims/:id/refusals',
    {
      config: { idempotent: true },
      schema: {
        tags: ['ui'],
        summary:
          '登记无正当理由拒不接受指定部门或机构介绍的工作或培训（条例第十五条第（六）项）：累计达到政策参数 ui.refusals_to_stop 规定次数时，自该次日期起停发',
        params: IdParams,
        body: Type.Object({
          date: DateString,
          offer: Name({ minLength: 2, maxLength: 200, description: '介绍的工作岗位、单位或培训项目' }),
          note: Type.Optional(Paragraph({ maxLength: 500 })),
        }),
        response: {
          201: Type.Object({
            refusal: Refusal,
            refusals: Type.Integer({ description: '本申领累计拒绝次数' }),
            refusalsToStop: Type.Number({ description: '停发的拒绝次数' }),
            source: Type.String({ description: '停发次数的依据' }),
            stopped: Type.Boolean({ description: '本次登记是否使申领停发' }),
            claim: Claim,
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await recordRefusal(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/ui/claims/:id/refusals',
    {
      schema: {
        tags: ['ui'],
        summary: '申领的拒绝介绍记录及停发次数',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(Refusal),
            total: Type.Integer(),
            refusalsToStop: Nullable(Type.Number()),
            source: Nullable(Type.String()),
          }),
        },
      },
    },
    async (req) => refusalsOfClaim(ctxOf(app, req), req.params.id),
  );
}
