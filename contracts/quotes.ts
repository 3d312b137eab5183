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
import { percentSchema, quantitySchema } from './products.js';

// Q2: quotes (报价单). A quote belongs to an opportunity (and so to its customer); its lines come from
// the catalogue or a bundle. Amounts are exact decimal strings; prices include tax.

export const QUOTE_STATUSES = ['draft', 'in_approval', 'approved', 'sent', 'accepted', 'rejected', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_LIMITS = { lines: 200, title: 100 } as const;

const price = moneySchema.refine((v) => !v.startsWith('-'), { message: 'not_negative' });

export const quoteLineInput = z
  .object({
    productId: idSchema,
    /** The bundle (套餐) this line came from: its price for the product is the list price a discount is measured against. */
    bundleId: idSchema.nullish(),
    quantity: quantitySchema,
    /** Default: the catalogue's (or bundle's) price. */
    unitPrice: price.nullish(),
    discount: percentSchema.default('0.00'),
  })
  .strict();
export type QuoteLineInput = z.infer<typeof quoteLineInput>;

const quoteFields = z.object({
  title: requiredText(QUOTE_LIMITS.title).nullish(),
  validUntil: dateSchema.nullish(),
  /** 整单折扣: a further percentage off the sum of the lines. */
  wholeDiscount: percentSchema.default('0.00'),
  notes: optionalText(LIMITS.text),
  terms: optionalText(LIMITS.text),
  lines: z.array(quoteLineInput).min(1).max(QUOTE_LIMITS.lines),
});

export const createQuoteBody = quoteFields.extend({ opportunityId: idSchema }).strict();
export const updateQuoteBody = quoteFields
  .extend({ wholeDiscount: percentSchema.optional(), lines: quoteFields.shape.lines.optional(), version: versionField })
  .strict();

/** What a line of a quote says; cost and margin only for those who may see costs (absent otherwise). */
export const quoteLineSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  productId: idSchema,
  bundleId: idSchema.nullable(),
  bundleName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  specification: z.string().nullable(),
  unit: z.string(),
  quantity: z.string(),
  listPrice: z.string(),
  unitPrice: z.string(),
  discount: z.string(),
  amount: z.string(),
  taxRate: z.string(),
  taxAmount: z.string(),
  /** Off the list price, all told (a lower unit price counts too). */
  effectiveDiscount: z.string(),
  /** Beyond the caller's discount limit: this line needs approval. */
  overLimit: z.boolean(),
  costPrice: z.string().nullable().optional(),
  margin: z.string().nullable().optional(),
});

export const quoteSchema = recordBase.extend({
  number: z.string(),
  revision: z.number().int(),
  supersedesId: idSchema.nullable(),
  supersededById: idSchema.nullable(),
  opportunityId: idSchema,
  opportunityName: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  title: z.string(),
  status: z.enum(QUOTE_STATUSES),
  validUntil: z.string().nullable(),
  wholeDiscount: z.string(),
  listTotal: z.string(),
  subtotal: z.string(),
  total: z.string(),
  taxTotal: z.string(),
  overallDiscount: z.string(),
  maxDiscount: z.string(),
  /** The owner's discount limit, and whether this quote as it stands goes beyond it (approval needed before sending). */
  discountLimit: z.string(),
  overLimit: z.boolean(),
  costTotal: z.string().nullable().optional(),
  margin: z.string().nullable().optional(),
  marginRate: z.string().nullable().optional(),
  approvedAt: timestampSchema.nullable(),
  sentAt: timestampSchema.nullable(),
  acceptedAt: timestampSchema.nullable(),
  customerRejectedAt: timestampSchema.nullable(),
  customerRejectReason: z.string().nullable(),
  notes: z.string().nullable(),
  terms: z.string().nullable(),
  lines: z.array(quoteLineSchema),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    send: z.boolean(),
    accept: z.boolean(),
    reject: z.boolean(),
    revise: z.boolean(),
    delete: z.boolean(),
  }),
});
export type Quote = z.infer<typeof quoteSchema>;

export const quoteRowSchema = quoteSchema.omit({ lines: true, can: true });
export const quoteListQuery = listQueryBase.extend({
  status: z.enum(QUOTE_STATUSES).optional(),
  opportunityId: idSchema.optional(),
  customerId: idSchema.optional(),
  ownerId: idSchema.optional(),
  /** Show superseded versions too (default: only each quote's newest). */
  allRevisions: z.enum(['true', 'false']).optional(),
});

export const quoteVersionBody = z.object({ version: versionField }).strict();
export const customerRejectBody = z.object({ version: versionField, reason: requiredText(500) }).strict();
export const acceptQuoteBody = z
  .object({
    version: versionField,
    /** Move the opportunity to the stage its pipeline names for an accepted quote (default yes). */
    moveOpportunity: z.boolean().default(true),
  })
  .strict();

// ── settings ───────────────────────────────────────────────────────────────────────────────────
export const discountLimitSchema = z.object({ roleId: idSchema, roleKey: z.string(), roleName: z.string(), maxDiscount: z.string() });
export const quoteSettingsSchema = z.object({
  discountLimits: z.array(discountLimitSchema),
  acceptedStages: z.array(z.object({ pipelineId: idSchema, pipelineName: z.string(), stageId: idSchema.nullable() })),
});
export type QuoteSettings = z.infer<typeof quoteSettingsSchema>;
export const quoteSettingsUpdate = z
  .object({
    discountLimits: z
      .array(z.object({ roleId: idSchema, maxDiscount: percentSchema }).strict())
      .max(100)
      .optional(),
    acceptedStages: z
      .array(z.object({ pipelineId: idSchema, stageId: idSchema.nullable() }).strict())
      .max(100)
      .optional(),
  })
  .strict();
