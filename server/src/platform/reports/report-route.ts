/*
 * A report route, declared once. The reports domain (pipeline reports today; quotes, receivables,
 * attainment and the daily report next) describes each report beside the report itself, and
 * registers its list under the permission they share:
 *
 *   export const forecastRoute = defineReport({
 *     path: '/reports/forecast',                 // under /api/v1
 *     summary: 'What the figures are',            // OpenAPI
 *     query: forecastQuery,                       // Zod object: reportFilters + monthPeriod/dayPeriod (contracts/reports.ts) + its own
 *     response: forecastResponse,                 // Zod: validates and documents the JSON
 *     run: (env, actor, query) => forecastReport(env.db, actor, query, env.now, env.timeZone),
 *     download: {
 *       fileName: { 'zh-CN': '销售预测', 'zh-TW': '銷售預測', en: 'Sales forecast' },
 *       query: (q) => ({ ...q, page: 1, pageSize: 200 }),   // optional: a file holds more than one screen
 *       table: (result, { locale }) => reportTable(locale, tablePart(COLUMNS, result.rows)),  // report-table.ts
 *     },
 *   });
 *
 *   registerReports(app, ctx, ['opportunities', 'view'], [forecastRoute, funnelRoute]);
 *
 * GET <path> checks the permission, validates the query and answers the JSON; GET <path>?format=csv
 * or xlsx runs the same report for the same caller and streams `table()` of its result as a file
 * named in the caller's language. The platform knows no report: it receives functions.
 */
import type { Locale } from '@contracts/common.js';
import type { Action, Module } from '@contracts/permissions.js';
import { type ReportFormat, reportFormatQuery } from '@contracts/reports.js';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type Actor, assertCan } from '../access/actor.js';
import type { AppContext } from '../app-context.js';
import { businessDate } from '../dates.js';
import type { Db } from '../db/database.js';
import { csvStream, xlsxStream } from '../downloads/table-writer.js';
import { actorOf } from '../http/request-context.js';
import type { ReportTable } from './report-table.js';

/** What a report runs with besides the caller and the query. */
export interface ReportEnv {
  db: Db;
  now: Date;
  /** The company time zone: periods and months are counted in it. */
  timeZone: string;
}

// biome-ignore lint/suspicious/noExplicitAny: any Zod object schema; the report's own types flow through Q
type QuerySchema = z.ZodObject<any>;

export interface ReportDefinition<Q extends QuerySchema, R extends z.ZodType> {
  path: string;
  summary: string;
  tags?: string[];
  query: Q;
  response: R;
  run: (env: ReportEnv, actor: Actor, query: z.infer<Q>) => Promise<z.infer<R>>;
  download: {
    fileName: Record<Locale, string>;
    /** The query a file is run with, when it should hold more than the page on screen. */
    query?: (query: z.infer<Q>) => z.infer<Q>;
    table: (result: z.infer<R>, context: ReportEnv & { locale: Locale; query: z.infer<Q> }) => ReportTable | Promise<ReportTable>;
  };
}

type App = Parameters<FastifyPluginAsyncZod>[0];

const CONTENT_TYPE: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

async function* each(rows: string[][]) {
  yield* rows;
}

/** A defined report, ready to be registered; its query and result types stay inside. */
export type ReportRoute = (app: App, ctx: AppContext, permission: Permission) => void;

/** The function permission a list of reports shares; the caller's data scope does the rest. */
type Permission = readonly [Module, Action];

/** A defined report keeps its definition, so a dashboard card can run the very same report (dashboard-cards.ts). */
export type DefinedReport<Q extends QuerySchema, R extends z.ZodType> = ReportRoute & { definition: ReportDefinition<Q, R> };

export const defineReport = <Q extends QuerySchema, R extends z.ZodType>(def: ReportDefinition<Q, R>): DefinedReport<Q, R> =>
  Object.assign((app: App, ctx: AppContext, permission: Permission) => registerReport(app, ctx, permission, def), { definition: def });

export function registerReports(app: App, ctx: AppContext, permission: Permission, reports: readonly ReportRoute[]): void {
  for (const register of reports) register(app, ctx, permission);
}

function registerReport<Q extends QuerySchema, R extends z.ZodType>(
  app: App,
  ctx: AppContext,
  [module, action]: Permission,
  def: ReportDefinition<Q, R>,
): void {
  // The handler is typed by the definition, not by the route's generic schema types.
  const schema: FastifySchema = {
    tags: def.tags ?? ['reports'],
    summary: def.summary,
    querystring: def.query.extend(reportFormatQuery.shape),
    response: { 200: def.response },
  };
  (app as unknown as FastifyInstance).get(def.path, { schema }, async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, module, action);
    const { format, ...rest } = request.query as z.infer<Q> & { format?: ReportFormat };
    const query = rest as z.infer<Q>;
    const env: ReportEnv = { db: ctx.db, now: ctx.clock.now(), timeZone: ctx.config.CRM_TIME_ZONE };
    if (!format) return def.run(env, actor, query);

    const fileQuery = def.download.query?.(query) ?? query;
    const locale = request.locale;
    const result = await def.run(env, actor, fileQuery);
    const { header, rows } = await def.download.table(result, { ...env, locale, query: fileQuery });
    const title = def.download.fileName[locale];
    const name = `${title}-${businessDate(env.now, env.timeZone).replace(/-/g, '')}.${format}`;
    const ascii = `${def.path.split('/').pop()}.${format}`;
    const body =
      format === 'csv' ? csvStream(header, each(rows)) : xlsxStream(sheetName(title), header, each(rows), (e) => request.log.error(e));
    return reply
      .header('content-type', CONTENT_TYPE[format])
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(body);
  });
}
