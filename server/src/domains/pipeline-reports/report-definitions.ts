import {
  forecastAccuracyQuery,
  forecastAccuracyResponse,
  forecastQuery,
  forecastResponse,
  funnelQuery,
  funnelResponse,
  industriesQuery,
  industriesResponse,
  learnedProbabilitiesQuery,
  learnedProbabilitiesResponse,
  pipelineTotalsQuery,
  pipelineTotalsResponse,
  REPORT_LIMITS,
  sourcesQuery,
  sourcesResponse,
  stageConversionQuery,
  stageConversionResponse,
} from '@contracts/pipeline-reports.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { registerReport } from '../../platform/reports/report-route.js';
import {
  funnelTable,
  industriesTable,
  learnedProbabilitiesTable,
  pipelineTotalsTable,
  sourcesTable,
  stageConversionTable,
} from './analysis-downloads.js';
import { label } from './download-labels.js';
import { forecastReport } from './forecast.js';
import { forecastAccuracy } from './forecast-accuracy.js';
import { forecastAccuracyTable, forecastTable } from './forecast-downloads.js';
import { funnelReport } from './funnel.js';
import { industriesReport } from './industries.js';
import { learnedProbabilities } from './learned-probabilities.js';
import { pipelineTotals } from './pipeline-totals.js';
import { sourcesReport } from './sources.js';
import { stageConversion } from './stage-conversion.js';

/** Reports follow the opportunities module's view permission; the data scope does the rest. */
const permission = ['opportunities', 'view'] as const;
/** A file holds every rep the report allows, not the page on screen. */
const allReps = <Q extends { page: number; pageSize: number }>(q: Q): Q => ({ ...q, page: 1, pageSize: REPORT_LIMITS.reps });

/** O5–O8, T6: each report as JSON, and as CSV / XLSX with ?format= (platform/reports/report-route.ts). */
export function registerPipelineReports(app: Parameters<FastifyPluginAsyncZod>[0], ctx: AppContext): void {
  registerReport(app, ctx, {
    path: '/reports/forecast',
    summary: 'Sales forecast per month: weighted (probability ≥ threshold), category totals and signed, per rep, department and company',
    permission,
    query: forecastQuery,
    response: forecastResponse,
    run: (env, actor, q) => forecastReport(env.db, actor, q, env.now, env.timeZone),
    download: { fileName: label('销售预测', '銷售預測', 'Sales forecast'), query: allReps, table: forecastTable },
  });
  registerReport(app, ctx, {
    path: '/reports/forecast-accuracy',
    summary: 'Forecast from the weekly snapshot against what was won, per rep and month',
    permission,
    query: forecastAccuracyQuery,
    response: forecastAccuracyResponse,
    run: (env, actor, q) => forecastAccuracy(env.db, actor, q, env.now, env.timeZone),
    download: { fileName: label('预测准确率', '預測準確率', 'Forecast accuracy'), query: allReps, table: forecastAccuracyTable },
  });
  registerReport(app, ctx, {
    path: '/reports/pipeline-totals',
    summary: 'Closed-won, closed-lost and open totals, expected revenue of the open pipeline, and the same per stage',
    permission,
    query: pipelineTotalsQuery,
    response: pipelineTotalsResponse,
    run: (env, actor, q) => pipelineTotals(env.db, actor, q),
    download: { fileName: label('销售总览', '銷售總覽', 'Pipeline totals'), table: pipelineTotalsTable },
  });
  registerReport(app, ctx, {
    path: '/reports/funnel',
    summary: "Each rep's share of open opportunities per stage beside the team's, deviations flagged",
    permission,
    query: funnelQuery,
    response: funnelResponse,
    run: (env, actor, q) => funnelReport(env.db, actor, q),
    download: { fileName: label('漏斗分析', '漏斗分析', 'Funnel'), query: allReps, table: funnelTable },
  });
  registerReport(app, ctx, {
    path: '/reports/sources',
    summary: 'Per source: opportunities created in the period, amount, win rate, average cycle',
    permission,
    query: sourcesQuery,
    response: sourcesResponse,
    run: (env, actor, q) => sourcesReport(env.db, actor, q, env.now, env.timeZone),
    download: { fileName: label('来源分析', '來源分析', 'Sources'), table: sourcesTable },
  });
  registerReport(app, ctx, {
    path: '/reports/industries',
    summary: 'Per rep and industry: opportunities created and won in the period',
    permission,
    query: industriesQuery,
    response: industriesResponse,
    run: (env, actor, q) => industriesReport(env.db, actor, q, env.now, env.timeZone),
    download: { fileName: label('行业分布', '行業分布', 'Industries'), query: allReps, table: industriesTable },
  });
  registerReport(app, ctx, {
    path: '/reports/stage-conversion',
    summary: 'Stage-to-stage conversion, average days per stage and the sales cycle over a period',
    permission,
    query: stageConversionQuery,
    response: stageConversionResponse,
    run: (env, actor, q) => stageConversion(env.db, actor, q, env.now, env.timeZone),
    download: { fileName: label('阶段转化', '階段轉化', 'Stage conversion'), table: stageConversionTable },
  });
  registerReport(app, ctx, {
    path: '/reports/learned-probabilities',
    summary: 'Per stage, the share of closed opportunities that were in it and were won, beside the configured probability',
    permission,
    query: learnedProbabilitiesQuery,
    response: learnedProbabilitiesResponse,
    run: (env, actor, q) => learnedProbabilities(env.db, actor, q, env.now, env.timeZone),
    download: { fileName: label('历史赢率', '歷史贏率', 'Learned probabilities'), table: learnedProbabilitiesTable },
  });
}
