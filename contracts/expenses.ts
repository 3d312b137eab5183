import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  LIMITS,
  listQueryBase,
  moneySchema,
  recordBase,
  requiredText,
  timestampSchema,
  versionField,
} from './common.js';
import { fen } from './quote-money.js';
import { dayPeriod, reportFilters } from './reports.js';

// M4 费用: expense claims (报销单) for a customer, optionally for one of its deals or contracts, with
// receipts attached; approved or rejected through the approval engine. Only approved claims count.

export const EXPENSE_STATUSES = ['draft', 'in_approval', 'approved', 'rejected'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

/** The receipts' file purpose (images or PDF, 10 MB each). */
export const EXPENSE_RECEIPT_PURPOSE = 'expense_receipt';
export const EXPENSE_RECEIPT_MAX_BYTES = 10 * 1024 * 1024;
export const EXPENSE_RECEIPT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'webp'] as const;

/** A claim is never zero or negative. */
const positiveMoney = moneySchema.refine((v) => fen(v) > 0n, { message: 'money' });

const expenseFields = {
  category: requiredText(50),
  amount: positiveMoney,
  spentOn: dateSchema,
  description: requiredText(LIMITS.text),
  opportunityId: idSchema.nullish(),
  contractId: idSchema.nullish(),
};

export const createExpenseBody = z.object({ customerId: idSchema, ...expenseFields }).strict();
export const updateExpenseBody = z
  .object({
    customerId: idSchema.optional(),
    category: expenseFields.category.optional(),
    amount: expenseFields.amount.optional(),
    spentOn: dateSchema.optional(),
    description: expenseFields.description.optional(),
    opportunityId: expenseFields.opportunityId,
    contractId: expenseFields.contractId,
    version: versionField,
  })
  .strict();
export const expenseVersionBody = z.object({ version: versionField }).strict();

export const expenseSchema = recordBase.extend({
  number: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  opportunityId: idSchema.nullable(),
  opportunityName: z.string().nullable(),
  contractId: idSchema.nullable(),
  contractNumber: z.string().nullable(),
  category: z.string(),
  amount: z.string(),
  spentOn: z.string(),
  description: z.string(),
  status: z.enum(EXPENSE_STATUSES),
  submittedAt: timestampSchema.nullable(),
  approvedAt: timestampSchema.nullable(),
  rejectedAt: timestampSchema.nullable(),
  rejectReason: z.string().nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), delete: z.boolean() }),
});
export type Expense = z.infer<typeof expenseSchema>;
export const expenseRowSchema = expenseSchema.omit({ can: true });
export type ExpenseRow = z.infer<typeof expenseRowSchema>;

export const expenseListQuery = listQueryBase.extend({
  status: z.enum(EXPENSE_STATUSES).optional(),
  category: z.string().max(50).optional(),
  customerId: idSchema.optional(),
  opportunityId: idSchema.optional(),
  contractId: idSchema.optional(),
  ownerId: idSchema.optional(),
  /** 我的: only the caller's own claims, whatever his scope. */
  mine: z.enum(['true', 'false']).optional(),
  spentFrom: dateSchema.optional(),
  spentTo: dateSchema.optional(),
});

/** A customer's cost (seed 000 "how much have we spent on this customer?"): approved and still pending. */
export const customerExpenseSummary = z.object({
  customerId: idSchema,
  approved: z.string(),
  approvedCount: z.number().int(),
  pending: z.string(),
  pendingCount: z.number().int(),
});

// ---- statistics (approved claims only, by spent_on in the period) ----

export const expenseReportQuery = reportFilters.omit({ pipelineId: true }).extend({
  ...dayPeriod,
  category: z.string().max(50).optional(),
  customerId: idSchema.optional(),
});

const share = z.number().nullable().describe('Percent of the total, one decimal');
export const expenseReportResponse = z.object({
  from: z.string(),
  to: z.string(),
  total: z.string(),
  count: z.number().int(),
  byCategory: z.array(z.object({ category: z.string(), amount: z.string(), count: z.number().int(), share })),
  byCustomer: z.array(z.object({ customerId: idSchema, customerName: z.string(), amount: z.string(), count: z.number().int(), share })),
  byOwner: z.array(z.object({ ownerId: idSchema, ownerName: z.string(), amount: z.string(), count: z.number().int(), share })),
  byMonth: z.array(z.object({ month: z.string(), amount: z.string(), count: z.number().int() })),
});
export type ExpenseReport = z.infer<typeof expenseReportResponse>;
