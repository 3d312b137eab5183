import { z } from 'zod';
import { dateSchema, idSchema, LIMITS } from './common.js';
import { reportFilters } from './reports.js';

// M1 receivables aging (应收账龄) and M5 profit per customer and contract (利润分析). Money is an exact
// decimal string; every figure is summed in SQL.

const describe = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);
const { departmentId, ownerId } = reportFilters.shape;

// ---- M1 aging -----------------------------------------------------------------------------------

export const AGING_GROUPS = ['owner', 'department', 'customer'] as const;
export type AgingGroup = (typeof AGING_GROUPS)[number];

/** The buckets, in days past due: not yet due (未到期), 1–30 (labelled 0–30), 31–60, 61–90, over 90. */
export const AGING_BUCKETS = ['notDue', 'd0to30', 'd31to60', 'd61to90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const agingQuery = z.object({
  departmentId,
  ownerId,
  asOf: describe(dateSchema.optional(), 'As of this day, YYYY-MM-DD (default: today in the company time zone)'),
  groupBy: describe(z.enum(AGING_GROUPS).default('owner'), 'owner (rep), department (rolled up the tree) or customer'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: describe(z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50), 'Rows per page (customer rows)'),
});
export type AgingQuery = z.infer<typeof agingQuery>;

const agingFigures = {
  notDue: z.string(),
  d0to30: z.string(),
  d31to60: z.string(),
  d61to90: z.string(),
  over90: z.string(),
  /** Past due: the four overdue buckets. */
  overdue: z.string(),
  /** Outstanding: overdue and not yet due. */
  total: z.string(),
};

export const agingRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** For department rows: the parent and depth in the tree (figures include sub-departments). */
  parentId: idSchema.nullable(),
  depth: z.number().int(),
  ...agingFigures,
});
export type AgingRow = z.infer<typeof agingRowSchema>;

export const agingResponse = z.object({
  asOf: z.string(),
  groupBy: z.enum(AGING_GROUPS),
  rows: z.array(agingRowSchema),
  totals: z.object(agingFigures),
  /** Rows in all (the customer grouping pages). */
  count: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AgingReport = z.infer<typeof agingResponse>;

// ---- M5 profit -----------------------------------------------------------------------------------

export const PROFIT_SORTS = ['profit', '-profit', 'margin', '-margin', 'revenue', '-revenue', 'expenses', '-expenses'] as const;

export const profitQuery = z.object({
  departmentId,
  ownerId,
  from: describe(dateSchema.optional(), 'Contracts signed from this day (and claims spent from it), YYYY-MM-DD'),
  to: describe(dateSchema.optional(), 'Contracts signed up to this day, inclusive'),
  sort: describe(z.enum(PROFIT_SORTS).default('profit'), 'profit ascending (least profitable first) by default'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
});
export type ProfitQuery = z.infer<typeof profitQuery>;

const profitFigures = {
  revenue: z.string(),
  cost: z.string(),
  expenses: z.string(),
  profit: z.string(),
  /** Gross profit ÷ revenue in percent, two decimals; null without revenue. */
  margin: z.string().nullable(),
};

export const customerProfitSchema = z.object({
  customerId: idSchema,
  customerName: z.string(),
  contracts: z.number().int(),
  ...profitFigures,
});

export const contractProfitSchema = z.object({
  contractId: idSchema,
  number: z.string(),
  title: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  signDate: z.string().nullable(),
  ...profitFigures,
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const customerProfitResponse = page(customerProfitSchema);
export const contractProfitResponse = page(contractProfitSchema);
export type CustomerProfit = z.infer<typeof customerProfitSchema>;
export type ContractProfit = z.infer<typeof contractProfitSchema>;
