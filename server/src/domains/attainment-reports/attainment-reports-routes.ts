import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { registerReports } from '../../platform/reports/report-route.js';
import { attainmentRoute } from './attainment.js';
import './attainment-dashboard.js';
import './attainment-measures.js';

/** T2 目标达成: /api/v1/targets/attainment as JSON and CSV / XLSX, for whoever may see targets, in his scope. */
export const attainmentReportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerReports(app, ctx, ['targets', 'view'], [attainmentRoute]);
};
