import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { registerReports } from '../../platform/reports/report-route.js';
import { agingRoute } from './aging.js';
import './dashboard-cards.js';
import { contractProfitRoute, customerProfitRoute } from './profit.js';

/**
 * M1 aging and M5 profit: /api/v1/reports/receivables-aging, /reports/profit/{customers,contracts}.
 * Aging follows the receivables' view permission; profit shows costs, so it needs the cost field
 * permission (product_costs:view) that products and quotes use — without it, 403. The data scope does the rest.
 */
export const moneyReportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerReports(app, ctx, ['receivables', 'view'], [agingRoute]);
  registerReports(app, ctx, ['product_costs', 'view'], [customerProfitRoute, contractProfitRoute]);
};
