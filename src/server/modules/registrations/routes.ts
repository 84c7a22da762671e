// HTTP for a person's registration events (REG-3).
import { Type } from '@sinclair/typebox';
import { registrationTypeNames, registrationTypes } from '../../../shared/labels.js';
import { ctxOf } from '../../platform/context.js';
import { IdParams, type App } from '../../platform/http.js';
import { RegistrationEvent, RegistrationInput } from './schemas.js';
import * as service from './service.js';

export async function registrationRoutes(app: App) {
  app.post(
    '/persons/:id/registrations',
    {
      config: { idempotent: true },
      schema: {
        tags: ['registrations'],
        summary: `登记事件：${registrationTypes.map((t) => `${t} ${registrationTypeNames[t]}`).join('，')}`,
        params: IdParams,
        body: RegistrationInput,
        response: { 201: RegistrationEvent },
      },
    },
    async (req, reply) => reply.status(201).send(await service.registerEvent(ctxOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/persons/:id/registrations',
    {
      schema: {
        tags: ['registrations'],
        summary: '登记事件，按录入先后',
        params: IdParams,
        response: { 200: Type.Array(RegistrationEvent) },
      },
    },
    async (req) => service.listRegistrations(ctxOf(app, req), req.params.id),
  );
}
