import { z } from 'zod';
import { dateSchema, idSchema, LIMITS } from './common.js';
import { dayPeriod, reportCategory, reportFilters } from './reports.js';

// T5 product sales analysis (产品销售分析, seed 004): shares per product and category, best and slow
// sellers against the previous period, price-change candidates by region and customer. Money is an
// exact decimal string summed in SQL; shares and percentages are numbers for display.

const describe = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);
const { departmentId, ownerId } = reportFilters.shape;

/** Sales = lines of effective contracts (signed in the period) and of confirmed orders placed without a contract. */
export const salesFilters = z.object({
  departmentId,
  ownerId,
  ...dayPeriod,
  ...reportCategory(idSchema, 'Only products of this product category and its sub-categories'),
});
export type SalesFilters = z.infer<typeof salesFilters>;

const period = { from: dateSchema, to: dateSchema };
const previous = { previousFrom: dateSchema, previousTo: dateSchema };

// ---- shares ----
export const productSharesQuery = salesFilters;
const productShare = z.object({
  productId: idSchema,
  code: z.string(),
  name: z.string(),
  categoryId: idSchema.nullable(),
  quantity: z.string(),
  amount: z.string(),
  /** Percent of the period's sales, one decimal. */
  share: z.number(),
});
export const productSharesResponse = z.object({
  ...period,
  total: z.string(),
  products: z.array(productShare),
  /** Each product's own category (parentId lets a page draw the tree); null = 未分类. */
  categories: z.array(
    z.object({
      categoryId: idSchema.nullable(),
      parentId: idSchema.nullable(),
      name: z.string().nullable(),
      amount: z.string(),
      share: z.number(),
      products: z.number().int(),
    }),
  ),
});
export type ProductShares = z.infer<typeof productSharesResponse>;

// ---- best and slow sellers ----
export const productTrendQuery = salesFilters.extend({
  limit: describe(z.coerce.number().int().min(1).max(50).default(10), 'How many best and how many slow sellers'),
});
const trendItem = z.object({
  productId: idSchema,
  code: z.string(),
  name: z.string(),
  categoryName: z.string().nullable(),
  quantity: z.string(),
  amount: z.string(),
  previousAmount: z.string(),
  change: z.string(),
  /** (amount − previous) ÷ previous in percent, one decimal; null when nothing sold before. */
  changePercent: z.number().nullable(),
});
export const productTrendResponse = z.object({
  ...period,
  ...previous,
  best: z.array(trendItem),
  /** Active catalogue products with the least sales (none at all first), the biggest fall first among equals. */
  slow: z.array(trendItem),
});
export type ProductTrend = z.infer<typeof productTrendResponse>;

// ---- price-change candidates ----
export const PRICE_GROUPS = ['customer', 'region'] as const;
export const PRICE_REASONS = ['discount', 'fell'] as const;
export const priceCandidatesQuery = salesFilters.extend({
  groupBy: describe(z.enum(PRICE_GROUPS).default('customer'), 'One row per product and customer, or per product and region'),
  minDiscount: describe(
    z.coerce.number().min(0).max(100).default(10),
    'A row whose realised price is this many percent or more under the list is a candidate',
  ),
  minDrop: describe(
    z.coerce.number().min(0).max(100).default(30),
    'A row whose sales fell by this many percent or more against the previous period is a candidate',
  ),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export type PriceCandidatesQuery = z.infer<typeof priceCandidatesQuery>;
const priceCandidate = z.object({
  productId: idSchema,
  code: z.string(),
  name: z.string(),
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  /** The customer's region (by region: the row's); null = not filled in. */
  region: z.string().nullable(),
  quantity: z.string(),
  /** List price × quantity, and what was actually charged. */
  listAmount: z.string(),
  amount: z.string(),
  /** Off the list, all told, percent with two decimals. */
  discount: z.number().nullable(),
  /** The product's discount over all its sales in the period, for comparison. */
  productDiscount: z.number().nullable(),
  /** listAmount − amount: what a price back at the list would have brought (调价空间). */
  room: z.string(),
  previousAmount: z.string(),
  changePercent: z.number().nullable(),
  reasons: z.array(z.enum(PRICE_REASONS)),
});
export const priceCandidatesResponse = z.object({
  ...period,
  ...previous,
  items: z.array(priceCandidate),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PriceCandidates = z.infer<typeof priceCandidatesResponse>;
