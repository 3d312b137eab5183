import { z } from 'zod';

// C7: how the admin grades customers. Score 0–100 = weighted average of the inputs that exist:
// contribution (signed amount in the period, full marks at `contributionFullAmount`), credit (from
// receivables, once that domain exists) and potential (a person's score on the customer).
export const gradingRulesSchema = z
  .object({
    enabled: z.boolean(),
    periodMonths: z.number().int().min(1).max(60),
    /** Decimal string, e.g. '1000000.00': the signed amount that scores full marks. */
    contributionFullAmount: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, { message: 'money' }),
    weights: z.object({
      contribution: z.number().int().min(0).max(100),
      credit: z.number().int().min(0).max(100),
      potential: z.number().int().min(0).max(100),
    }),
    /** Highest first; a customer gets the first grade whose minimum score it reaches. */
    thresholds: z
      .array(z.object({ grade: z.string().min(1).max(40), minScore: z.number().min(0).max(100) }))
      .min(1)
      .max(10),
  })
  .strict();
export type GradingRules = z.infer<typeof gradingRulesSchema>;

export const gradingRunResponse = z.object({
  evaluated: z.number().int(),
  changed: z.number().int(),
  /** Which inputs counted: those without a source (no contracts or receivables yet) are left out. */
  inputs: z.array(z.enum(['contribution', 'credit', 'potential'])),
});
