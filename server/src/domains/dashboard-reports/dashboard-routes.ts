import { type DashboardResponse, dashboardQuery, dashboardResponse } from '@contracts/dashboard.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { businessDate } from '../../platform/dates.js';
import { xlsxSheets } from '../../platform/downloads/table-writer.js';
import { actorOf } from '../../platform/http/request-context.js';
import { dashboardAudience, dashboardCardsFor } from '../../platform/reports/dashboard-cards.js';
import type { ReportEnv } from '../../platform/reports/report-route.js';

const FILE_NAME = { 'zh-CN': '工作台', 'zh-TW': '工作台', en: 'Dashboard' } as const;

/** Excel refuses sheet names over 31 characters, with : \ / ? * [ ], or twice in one workbook. */
function sheetNames(titles: string[]): string[] {
  const seen = new Set<string>();
  return titles.map((t) => {
    const base = t.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
    let name = base;
    for (let i = 2; seen.has(name); i++) name = `${base} ${i}`;
    seen.add(name);
    return name;
  });
}

/**
 * T4: GET /api/v1/dashboard — every card the caller may see (audience and permission), each run
 * with the caller's scope exactly as its own endpoint runs it; the cards run side by side, so the
 * page costs about its slowest card. ?format=xlsx: the same figures, one sheet per card.
 */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['reports'],
        summary: 'The home dashboard (工作台): the figures of every card the caller may see',
        querystring: dashboardQuery,
        response: { 200: dashboardResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const env: ReportEnv = { db: ctx.db, now: ctx.clock.now(), timeZone: ctx.config.CRM_TIME_ZONE };
      const today = businessDate(env.now, env.timeZone);
      const cards = dashboardCardsFor(actor);
      const results = await Promise.all(cards.map((c) => c.run(env, actor)));
      if (!request.query.format) {
        return { today, audience: dashboardAudience(actor), cards: cards.map((c, i) => ({ key: c.key, data: results[i] })) };
      }
      const locale = request.locale;
      const tables = await Promise.all(cards.map((c, i) => c.table(results[i], { ...env, locale, actor })));
      const names = sheetNames(cards.map((c) => c.title[locale]));
      const body = xlsxSheets(
        tables.map((t, i) => ({ name: names[i], ...t })),
        (e) => request.log.error(e),
      );
      const name = `${FILE_NAME[locale]}-${today.replace(/-/g, '')}.xlsx`;
      return (
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
          // A stream is sent as it is (Fastify serialises no stream); the type names the JSON answer only.
          .send(body as unknown as DashboardResponse)
      );
    },
  );
};
