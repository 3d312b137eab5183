import { z } from 'zod';
import { idSchema, listQueryBase, moneySchema, timestampSchema } from './common.js';
import { fen } from './quote-money.js';

// M3 信用额度: a customer's credit limit and what stands against it (its exposure).

/** A limit of zero is a real limit (no credit at all); none at all (null) means unlimited. */
export const putCreditLimitBody = z
  .object({
    creditLimit: moneySchema.refine((v) => fen(v) >= 0n, { message: 'money' }).nullable(),
    note: z.string().trim().max(200).nullish(),
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
  note: z.string().nullable(),
  updatedAt: timestampSchema.nullable(),
});
export type CreditPosition = z.infer<typeof creditPositionSchema>;

export const creditListQuery = listQueryBase.extend({
  /** Only customers at or past this share of their limit (80 = 80 %). */
  minUsage: z.coerce.number().min(0).max(1000).optional(),
});

export const creditListItemSchema = creditPositionSchema.extend({
  ownerName: z.string().nullable(),
  /** Exposure ÷ limit in percent, two decimals; null when the limit is zero and nothing is owed. */
  usage: z.string().nullable(),
});
