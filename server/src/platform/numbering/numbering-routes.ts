import { numberSeriesList, numberSeriesParams, numberSeriesSchema, numberSeriesUpdate } from '@contracts/numbering.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assertCan } from '../access/actor.js';
import type { AppContext } from '../app-context.js';
import { AppError } from '../http/errors.js';
import { actorOf } from '../http/request-context.js';
import { previewNumber, registeredNumberSeries, seriesSettings } from './numbering.js';

const tags = ['numbering'];

/** The admin sets each document type's number pattern and when its counter starts again. */
export const numberingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db, clock, config } = ctx;
  const describe = async (key: string) => {
    const def = registeredNumberSeries().find((s) => s.key === key);
    if (!def) throw new AppError('NOT_FOUND');
    const current = await seriesSettings(db, key);
    return { key, labels: def.labels, ...current, preview: await previewNumber(db, key, clock.now(), config.CRM_TIME_ZONE) };
  };

  app.get('/number-series', { schema: { tags, response: { 200: numberSeriesList } } }, async (request) => {
    assertCan(actorOf(request), 'approval_flows', 'view');
    return { items: await Promise.all(registeredNumberSeries().map((s) => describe(s.key))) };
  });

  app.put(
    '/number-series/:key',
    { schema: { tags, params: numberSeriesParams, body: numberSeriesUpdate, response: { 200: numberSeriesSchema } } },
    async (request) => {
      const actor = actorOf(request);
      assertCan(actor, 'approval_flows', 'edit');
      const { key } = request.params;
      if (!registeredNumberSeries().some((s) => s.key === key)) throw new AppError('NOT_FOUND');
      const { pattern, reset } = request.body;
      await db
        .insertInto('number_series')
        .values({ key, pattern, reset, updated_by: actor.userId, updated_at: clock.now() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ pattern, reset, updated_by: actor.userId, updated_at: clock.now() }))
        .execute();
      return describe(key);
    },
  );
};
