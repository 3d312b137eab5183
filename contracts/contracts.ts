import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  LIMITS,
  listQueryBase,
  optionalText,
  recordBase,
  requiredText,
  timestampSchema,
  versionField,
} from './common.js';
import { percentSchema } from './products.js';
import { quoteLineInput } from './quotes.js';

// Q4, Q5: contracts (合同). Drafted from an accepted quote (its lines copied) or by hand; approved by
// sales manager → project manager → finance and legal; effective ones change only by an amendment.

export const CONTRACT_STATUSES = ['draft', 'in_approval', 'effective', 'terminated', 'voided'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const END_KINDS = ['terminate', 'void'] as const;

const contractFields = z.object({
  title: requiredText(100).nullish(),
  signDate: dateSchema.nullish(),
  startDate: dateSchema.nullish(),
  endDate: dateSchema.nullish(),
  paymentTerms: optionalText(LIMITS.text),
  notes: optionalText(LIMITS.text),
});

/** From an accepted quote (lines, customer and deal copied) or by hand for a customer with lines of the catalogue. */
export const createContractBody = contractFields
  .extend({
    quoteId: idSchema.nullish(),
    customerId: idSchema.nullish(),
    opportunityId: idSchema.nullish(),
    wholeDiscount: percentSchema.optional(),
    lines: z.array(quoteLineInput).min(1).max(200).optional(),
  })
  .strict();
export const updateContractBody = contractFields
  .extend({ wholeDiscount: percentSchema.optional(), lines: z.array(quoteLineInput).min(1).max(200).optional(), version: versionField })
  .strict();

export const contractLineSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  amendmentId: idSchema.nullable(),
  productId: idSchema,
  bundleName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  specification: z.string().nullable(),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  discount: z.string(),
  amount: z.string(),
  taxRate: z.string(),
  taxAmount: z.string(),
  /** Q5: the latest progress recorded on the line. */
  progress: z
    .object({ percent: z.string(), milestone: z.string().nullable(), reachedOn: z.string(), recordedBy: z.string().nullable() })
    .nullable(),
  costPrice: z.string().nullable().optional(),
});

export const amendmentSchema = z.object({
  id: idSchema,
  number: z.string(),
  title: z.string(),
  reason: z.string(),
  status: z.enum(['draft', 'in_approval', 'effective']),
  amountChange: z.string(),
  createdAt: timestampSchema,
  effectiveAt: timestampSchema.nullable(),
  lines: z.array(contractLineSchema),
});

export const contractSchema = recordBase.extend({
  number: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  opportunityId: idSchema.nullable(),
  opportunityName: z.string().nullable(),
  quoteId: idSchema.nullable(),
  quoteNumber: z.string().nullable(),
  title: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  signDate: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  paymentTerms: z.string().nullable(),
  notes: z.string().nullable(),
  wholeDiscount: z.string(),
  amount: z.string(),
  taxTotal: z.string(),
  costTotal: z.string().nullable().optional(),
  margin: z.string().nullable().optional(),
  effectiveAt: timestampSchema.nullable(),
  endRequest: z.enum(END_KINDS).nullable(),
  endReason: z.string().nullable(),
  endedAt: timestampSchema.nullable(),
  /** Average progress over the lines, weighted by amount (percent, one decimal). */
  progress: z.string(),
  lines: z.array(contractLineSchema),
  amendments: z.array(amendmentSchema),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    delete: z.boolean(),
    amend: z.boolean(),
    end: z.boolean(),
    recordProgress: z.boolean(),
  }),
});
export type Contract = z.infer<typeof contractSchema>;
export const contractRowSchema = contractSchema.omit({ lines: true, amendments: true, can: true });

export const contractListQuery = listQueryBase.extend({
  status: z.enum(CONTRACT_STATUSES).optional(),
  customerId: idSchema.optional(),
  opportunityId: idSchema.optional(),
  ownerId: idSchema.optional(),
  signedFrom: dateSchema.optional(),
  signedTo: dateSchema.optional(),
});

export const contractVersionBody = z.object({ version: versionField }).strict();
export const endContractBody = z.object({ version: versionField, kind: z.enum(END_KINDS), reason: requiredText(500) }).strict();
export const createAmendmentBody = z
  .object({
    title: requiredText(100),
    reason: requiredText(LIMITS.text),
    /** Lines added (or, with a negative quantity, taken away) by the amendment. */
    lines: z
      .array(
        quoteLineInput.extend({
          quantity: z
            .union([z.string(), z.number()])
            .transform(String)
            .pipe(z.string().regex(/^-?\d{1,8}(\.\d{1,2})?$/, { message: 'quantity' })),
        }),
      )
      .min(1)
      .max(100),
  })
  .strict();
export const progressBody = z
  .object({
    percent: percentSchema,
    milestone: optionalText(100),
    reachedOn: dateSchema,
    note: optionalText(1000),
  })
  .strict();
export const lineParams = z.object({ id: idSchema, lineId: idSchema });
export const amendmentParams = z.object({ id: idSchema, amendmentId: idSchema });
