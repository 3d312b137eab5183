import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  LIMITS,
  listQueryBase,
  moneySchema,
  optionalText,
  recordBase,
  requiredText,
  timestampSchema,
  versionField,
} from './common.js';
import { fen, formatFen } from './quote-money.js';

// M1 回款: payment plans (instalments, 期次) per effective contract and payments received against them.
// Money is an exact decimal string; every sum is done in fen (bigint), never in floating point.

/** A positive amount of money (an instalment or a payment is never zero or negative). */
export const positiveMoney = moneySchema.refine((v) => fen(v) > 0n, { message: 'money' });

export const instalmentInput = z
  .object({
    /** An existing instalment keeps its id (and the money allocated to it); a new one has none. */
    id: idSchema.optional(),
    dueDate: dateSchema,
    amount: positiveMoney,
    milestone: optionalText(100),
    note: optionalText(LIMITS.text),
  })
  .strict();

export const putPaymentPlanBody = z.object({ instalments: z.array(instalmentInput).min(1).max(120) }).strict();

export const instalmentSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  dueDate: z.string(),
  amount: z.string(),
  milestone: z.string().nullable(),
  note: z.string().nullable(),
  /** Allocated by any live payment, expected or confirmed: what the plan must keep. */
  allocated: z.string(),
  /** Allocated by confirmed payments only: what counts as paid. */
  paid: z.string(),
});

/**
 * none: no plan yet; balanced: the instalments add up to the contract amount; needs_attention: they
 * do not (an amendment changed the amount and the plan could not follow — e.g. the amount went below
 * what is already allocated): someone has to replan. closed: the contract was terminated or voided —
 * what is still open on its instalments is no longer receivable (off the unpaid, overdue and aging
 * lists and the credit exposure); money already received stays received and confirmed.
 */
export const PLAN_STATUSES = ['none', 'balanced', 'needs_attention', 'closed'] as const;

export const paymentPlanSchema = z.object({
  contractId: idSchema,
  contractAmount: z.string(),
  /** The instalments' sum. */
  planTotal: z.string(),
  /** planTotal equals contractAmount (false without a plan). */
  balanced: z.boolean(),
  status: z.enum(PLAN_STATUSES),
  /** contractAmount − planTotal (negative: the plan asks for more than the contract is worth). */
  difference: z.string(),
  instalments: z.array(instalmentSchema),
});

export const splitPlanBody = z
  .object({
    count: z.number().int().min(1).max(120),
    firstDueDate: dateSchema,
    monthsApart: z.number().int().min(0).max(24).default(1),
  })
  .strict();

export const splitPlanResponse = z.object({
  instalments: z.array(z.object({ dueDate: z.string(), amount: z.string() })),
});

/** `date` plus whole months, the day kept or clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * M1: an even split of `amount` into `count` instalments that adds up exactly: each gets the
 * amount divided down to the fen, and the fen left over go on the last (100.00 in 3 → 33.33, 33.33, 33.34).
 */
export function splitEvenly(amount: string, count: number, firstDueDate: string, monthsApart: number) {
  const total = fen(amount);
  const share = total / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    dueDate: addMonths(firstDueDate, i * monthsApart),
    amount: formatFen(i === count - 1 ? total - share * BigInt(count - 1) : share),
  }));
}

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'acceptance_bill', 'other'] as const;
/**
 * expected (预计回款): registered by a rep, reserves its instalments, not money yet. in_approval: an
 * expected payment in the admin's `payment` approval flow (approval confirms it). confirmed: finance
 * (receivables:approve) or the flow said the money arrived; only these count as paid. rejected: finance
 * or the flow said no; it reserves nothing any more (its allocations are released).
 *
 * Who may do what (the server decides; the web shows the buttons accordingly):
 * - create: receivables:create (finance's are confirmed at once, anyone else's are expected);
 * - edit / delete an expected or rejected one: its owner or creator with receivables:create, or
 *   receivables:edit / receivables:delete; a confirmed one: only receivables:approve (finance);
 *   one in approval: nobody (withdraw it in the approval first);
 * - confirm / reject: receivables:approve, while expected (one in approval is decided in the flow);
 * - submit (again, after a withdrawal): like edit, when a `payment` flow is configured.
 */
export const PAYMENT_STATUSES = ['expected', 'in_approval', 'confirmed', 'rejected'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const createPaymentBody = z
  .object({
    contractId: idSchema,
    receivedOn: dateSchema,
    amount: positiveMoney,
    method: z.enum(PAYMENT_METHODS),
    bankReference: optionalText(100),
    note: optionalText(LIMITS.text),
    /** Without it the payment goes to the oldest instalments not yet fully allocated. */
    allocations: z
      .array(z.object({ instalmentId: idSchema, amount: positiveMoney }).strict())
      .min(1)
      .max(120)
      .optional(),
  })
  .strict();

/**
 * A correction: every field optional, `version` from the read (409 when stale). Without
 * `allocations` a payment whose amount is unchanged keeps them; a new amount is allocated again to
 * the oldest open instalments. Over-allocation and beyond-the-contract stay refused.
 */
export const updatePaymentBody = z
  .object({
    receivedOn: dateSchema,
    amount: positiveMoney,
    method: z.enum(PAYMENT_METHODS),
    bankReference: optionalText(100),
    note: optionalText(LIMITS.text),
    allocations: createPaymentBody.shape.allocations,
  })
  .partial()
  .extend({ version: versionField })
  .strict();

/** Finance rejects an expected payment: the reason is required and kept on the payment. */
export const rejectPaymentBody = z.object({ reason: requiredText(500) }).strict();

export const paymentSchema = recordBase.extend({
  contractId: idSchema,
  contractNumber: z.string(),
  contractTitle: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  receivedOn: z.string(),
  amount: z.string(),
  method: z.enum(PAYMENT_METHODS),
  bankReference: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  confirmedBy: idSchema.nullable(),
  confirmedAt: timestampSchema.nullable(),
  rejectedBy: idSchema.nullable(),
  rejectedAt: timestampSchema.nullable(),
  rejectReason: z.string().nullable(),
  /** The approval request of a payment that went through the `payment` flow (the latest), else null. */
  approvalRequestId: idSchema.nullable(),
  allocations: z.array(z.object({ instalmentId: idSchema, position: z.number().int(), amount: z.string() })),
});

export const paymentListQuery = listQueryBase.extend({
  contractId: idSchema.optional(),
  customerId: idSchema.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  receivedFrom: dateSchema.optional(),
  receivedTo: dateSchema.optional(),
});

export const unpaidContractSchema = z.object({
  contractId: idSchema,
  number: z.string(),
  title: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  ownerId: idSchema,
  signDate: z.string().nullable(),
  amount: z.string(),
  paid: z.string(),
  unpaid: z.string(),
  nextDue: z.object({ instalmentId: idSchema, position: z.number().int(), dueDate: z.string(), unpaid: z.string() }).nullable(),
});

export const overdueInstalmentSchema = z.object({
  instalmentId: idSchema,
  position: z.number().int(),
  contractId: idSchema,
  number: z.string(),
  title: z.string(),
  customerName: z.string(),
  ownerId: idSchema,
  dueDate: z.string(),
  amount: z.string(),
  unpaid: z.string(),
  daysOverdue: z.number().int(),
});

export const receivableListQuery = z.object({
  page: listQueryBase.shape.page,
  pageSize: listQueryBase.shape.pageSize,
});

/** The unpaid list, optionally of one customer (its 回款 tab). */
export const unpaidListQuery = receivableListQuery.extend({ customerId: idSchema.optional() });

/** M1 (seed 002): an effective contract not yet fully invoiced; remaining = amount − invoiced. */
export const uninvoicedContractSchema = z.object({
  contractId: idSchema,
  number: z.string(),
  title: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  ownerId: idSchema,
  signDate: z.string().nullable(),
  amount: z.string(),
  invoiced: z.string(),
  remaining: z.string(),
});
