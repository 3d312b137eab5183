import { z } from 'zod';
import { idSchema, listQueryBase, moneySchema } from './common.js';
import { fen } from './quote-money.js';

// M3 信用额度: a customer's credit limit and what stands against it (its exposure).

/** A limit of zero is a real limit (no credit at all); none at all (null) means unlimited. */
export const putCreditLimitBody = z
  .object({
    /** The customer's version, as for any change of the customer. */
    version: z.number().int(),
    creditLimit: moneySchema.refine((v) => fen(v) >= 0n, { message: 'money' }).nullable(),
  })
  .strict();

export const exposurePartSchema = z.object({
  key: z.string(),
  label: z.string(),
  amount: z.string(),
});

export const creditPositionSchema = z.object({
  customerId: idSchema,
  customerName: z.string(),
  /** Null: no limit set. */
  creditLimit: z.string().nullable(),
  /** Effective contracts not yet paid, open orders … each source apart, then their sum. */
  parts: z.array(exposurePartSchema),
  exposure: z.string(),
  /** Limit − exposure; negative when already over. Null without a limit. */
  available: z.string().nullable(),
  customerVersion: z.number().int(),
});
export type CreditPosition = z.infer<typeof creditPositionSchema>;

export const creditListQuery = listQueryBase.extend({
  /** Only customers at or past this share of their limit (80 = 80 %). */
  minUsage: z.coerce.number().min(0).max(1000).optional(),
});

export const creditListItemSchema = creditPositionSchema.extend({
  ownerName: z.string().nullable(),
  /** Exposure ÷ limit in percent, two decimals; null when anything is owed against a limit of zero. */
  usage: z.string().nullable(),
});

/** Exposure ÷ limit in percent with two decimals, exact (no floating point on money). */
export function usagePercent(limit: string | null, exposure: bigint | string): string | null {
  if (limit === null) return null;
  const owed = typeof exposure === 'string' ? fen(exposure) : exposure;
  const l = fen(limit);
  if (l === 0n) return owed === 0n ? '0.00' : null;
  const basisPoints = (owed * 10000n) / l;
  return `${basisPoints / 100n}.${String(basisPoints % 100n).padStart(2, '0')}`;
}
