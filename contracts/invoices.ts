import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  LIMITS,
  listQueryBase,
  moneySchema,
  optionalText,
  recordBase,
  versionField,
  withoutDefaults,
} from './common.js';
import { percentSchema } from './products.js';
import { fen, formatFen } from './quote-money.js';
import { positiveMoney } from './receivables.js';

// M1 发票: VAT invoices issued against an effective contract. The amount is what the invoice says in
// total (价税合计, tax included, as contract amounts are); the invoiced total of a contract never goes
// beyond its amount. Recording invoices is finance's work: create and edit need receivables:edit,
// void (into the recycle bin) receivables:delete; whoever sees the contract (receivables:view) sees them.

/** 增值税专用发票 / 增值税普通发票. */
export const INVOICE_TYPES = ['vat_special', 'vat_normal'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/** The tax office's invoice number (8 digits, 20 for 全电发票), as printed; unique among live invoices. */
export const invoiceNumberSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/, { message: 'invalid_format' });

/**
 * The tax in a tax-included amount: amount × rate ÷ (100 + rate), rounded half up to the fen, exact
 * (in fen, no floating point). 113.00 at 13 % → 13.00; 100.00 at 6 % → 5.66.
 */
export function invoiceTax(amount: string, taxRate: string): string {
  const a = fen(amount);
  const r = fen(taxRate); // hundredths of a percent, two decimals like money
  const n = a * r;
  const d = 10000n + r;
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return formatFen(neg ? -q : q);
}

const invoiceFields = z.object({
  number: invoiceNumberSchema,
  issuedOn: dateSchema,
  amount: positiveMoney,
  type: z.enum(INVOICE_TYPES),
  taxRate: percentSchema,
  /** As printed on the invoice; without it, invoiceTax(amount, taxRate). Never more than the amount. */
  taxAmount: moneySchema.refine((v) => fen(v) >= 0n, { message: 'money' }).optional(),
  note: optionalText(LIMITS.text),
});

export const createInvoiceBody = invoiceFields.extend({ contractId: idSchema }).strict();
/** Every field optional; `version` from the read (409 when stale). A new amount or rate without a taxAmount recomputes the tax. */
export const updateInvoiceBody = withoutDefaults(invoiceFields).partial().extend({ version: versionField }).strict();

export const invoiceSchema = recordBase.extend({
  contractId: idSchema,
  contractNumber: z.string(),
  contractTitle: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  amount: z.string(),
  type: z.enum(INVOICE_TYPES),
  taxRate: z.string(),
  taxAmount: z.string(),
  /** amount − taxAmount (不含税金额). */
  amountExcludingTax: z.string(),
  note: z.string().nullable(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceListQuery = listQueryBase.extend({
  contractId: idSchema.optional(),
  customerId: idSchema.optional(),
  type: z.enum(INVOICE_TYPES).optional(),
  issuedFrom: dateSchema.optional(),
  issuedTo: dateSchema.optional(),
});
