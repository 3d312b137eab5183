import { z } from 'zod';
import { dateSchema, idSchema, LIMITS, listQueryBase, moneySchema, optionalText, recordBase, timestampSchema } from './common.js';
import { fen, formatFen } from './quote-money.js';

// M1 回款: payment plans (instalments, 期次) per effective contract and payments received against them.
// Money is an exact decimal string; every sum is done in fen (bigint), never in floating point.

/** A positive amount of money (an instalment or a payment is never zero or negative). */
const positiveMoney = moneySchema.refine((v) => fen(v) > 0n, { message: 'money' });

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

export const paymentPlanSchema = z.object({
  contractId: idSchema,
  contractAmount: z.string(),
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
/** 预计回款 until finance confirms the money arrived; only confirmed payments count as paid. */
export const PAYMENT_STATUSES = ['expected', 'confirmed'] as const;

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

export const paymentSchema = recordBase.extend({
  contractId: idSchema,
  contractNumber: z.string(),
  contractTitle: z.string(),
  receivedOn: z.string(),
  amount: z.string(),
  method: z.enum(PAYMENT_METHODS),
  bankReference: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
  confirmedBy: idSchema.nullable(),
  confirmedAt: timestampSchema.nullable(),
  allocations: z.array(z.object({ instalmentId: idSchema, position: z.number().int(), amount: z.string() })),
});

export const paymentListQuery = listQueryBase.extend({
  contractId: idSchema.optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
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
