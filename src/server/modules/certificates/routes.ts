// HTTP for the 就业失业登记证.
import { Type } from '@sinclair/typebox';
import { ctxOf } from '../../platform/context.js';
import type { App } from '../../platform/http.js';
import { IdParams, Name } from '../../platform/http.js';
import { certificatePolicyRoutes } from './policyRoutes.js';
import { Certificate } from './schemas.js';
import * as service from './service.js';

export async function certificateRoutes(app: App) {
  app.get(
    '/persons/:id/certificate',
    {
      schema: {
        tags: ['registrations'],
        summary: '就业失业登记证及其发放、收回、补发记录',
        params: IdParams,
        response: { 200: Certificate },
      },
    },
    async (req) => service.certificateOf(ctxOf(app, req), req.params.id),
  );

  app.post(
    '/persons/:id/certificate',
    {
      config: { idempotent: true },
      schema: {
        tags: ['registrations'],
        summary:
          '收回（withdraw）或补发新号（reissue）就业失业登记证；已收回的证须在收回后经资格审核才能补发（否则 422 ELIGIBILITY_REVIEW_REQUIRED）',
        params: IdParams,
        body: Type.Object({
          action: Type.Unsafe<'withdraw' | 'reissue'>(Type.String({ enum: ['withdraw', 'reissue'] })),
          date: Type.Optional(Type.String({ format: 'date' })),
          reason: Name({ minLength: 2, maxLength: 200 }),
        }),
        response: { 200: Certificate },
      },
    },
    async (req) => service.changeCertificate(ctxOf(app, req), req.params.id, req.body),
  );

  await certificatePolicyRoutes(app);
}
