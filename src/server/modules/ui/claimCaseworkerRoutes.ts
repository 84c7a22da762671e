// HTTP for a claimant's caseworker (UI-4: claimants get guidance and referrals).
import { Type, type TSchema } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import { IdParams, Nullable, type App } from '../../platform/http.js';
import { assignClaimCaseworker, caseworkersOfClaim } from './claimCaseworker.js';
import type { getClaim } from './service.js';

/** `claimSchema` is the claim's response schema of routes.ts (passed in, so the two files import in one direction). */
export async function claimCaseworkerRoutes(app: App, claimSchema: TSchema) {
  const Claim = Type.Unsafe<Awaited<ReturnType<typeof getClaim>>>(claimSchema);
  app.put(
    '/ui/claims/:id/caseworker',
    {
      schema: {
        tags: ['ui'],
        summary:
          '指定或更换申领人的经办人（失业保险经办员）：在职（账号未停用）且所在单位管辖申领人所在地的工作人员，否则 422 指明 /staffId；已是当前经办人 409；保留更换记录',
        params: IdParams,
        body: Type.Object({ staffId: Type.String({ format: 'uuid' }) }),
        response: { 200: Claim },
      },
    },
    async (req) => assignClaimCaseworker(ctxOf(app, req), req.params.id, req.body),
  );

  app.get(
    '/ui/claims/:id/caseworkers',
    {
      schema: {
        tags: ['ui'],
        summary: '申领人的经办人及更换记录（当前经办人在前）',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                staffId: Type.String(),
                staffName: Type.String(),
                assignedOn: Type.String(),
                endedOn: Nullable(Type.String()),
                assignedBy: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => caseworkersOfClaim(ctxOf(app, req), req.params.id),
  );
}
