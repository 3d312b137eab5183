import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { registerReports } from '../../platform/reports/report-route.js';
import { priceCandidatesRoute } from './price-candidates.js';
import { productSharesRoute } from './product-shares.js';
import { productTrendRoute } from './product-trend.js';

/**
 * T5 产品销售分析: /api/v1/reports/product-sales/{shares,trend,price-candidates}. Sales are contract
 * and order lines, so the reports follow the contracts' view permission; the data scope does the rest.
 */
export const salesReportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerReports(app, ctx, ['contracts', 'view'], [productSharesRoute, productTrendRoute, priceCandidatesRoute]);
};
