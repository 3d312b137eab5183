import { z } from 'zod';
import { dateSchema, idSchema, LIMITS, listQueryBase, optionalText, recordBase, timestampSchema, versionField } from './common.js';
import { quantitySchema } from './products.js';
import { fen, formatFen } from './quote-money.js';

// M2 销售订单与发货: orders of catalogue products with a required delivery date per line; deliveries
// recorded against lines (partial allowed); the order's status follows what was delivered.
// Money and quantities are exact decimal strings (two decimals); sums are done in hundredths (bigint).

export const ORDER_STATUSES = ['draft', 'in_approval', 'confirmed', 'partially_delivered', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Statuses in which goods are owed: their undelivered lines are due (reminders) and they count as exposure (M3). */
export const OPEN_ORDER_STATUSES = ['confirmed', 'partially_delivered'] as const;

export const ORDER_LIMITS = { lines: 100, carrier: 100, trackingNo: 100 } as const;

const price = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? v.toFixed(2) : v.trim()))
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, { message: 'money' }));

/** Hundredths of a quantity or fen of money: both carry two decimals. */
export const hundredths = (v: string) => fen(v);
export const fromHundredths = (n: bigint) => formatFen(n);

/** quantity × unit price, rounded half up to the fen (the one rounding of a line). */
export function orderLineAmount(quantity: string, unitPrice: string): string {
  const exact = hundredths(quantity) * fen(unitPrice); // fen × 100
  return formatFen((exact * 2n + 100n) / 200n);
}

/** The order's total: the sum of its lines' amounts, exact. */
export function orderTotal(lines: { quantity: string; unitPrice: string }[]): string {
  return formatFen(lines.reduce((s, l) => s + fen(orderLineAmount(l.quantity, l.unitPrice)), 0n));
}

export const orderLineInput = z
  .object({
    /** An existing line keeps its id (so an edit of a draft keeps it); a new one has none. */
    id: idSchema.optional(),
    productId: idSchema,
    quantity: quantitySchema,
    /** Default: the catalogue's list price. */
    unitPrice: price.nullish(),
    requiredDate: dateSchema,
    note: optionalText(500),
  })
  .strict();

const orderFields = z.object({
  contractId: idSchema.nullish(),
  opportunityId: idSchema.nullish(),
  note: optionalText(LIMITS.text),
});

export const createOrderBody = orderFields
  .extend({
    customerId: idSchema,
    /** Default: today in the company's time zone. */
    orderDate: dateSchema.optional(),
    lines: z.array(orderLineInput).min(1).max(ORDER_LIMITS.lines),
  })
  .strict();

export const updateOrderBody = orderFields
  .extend({
    orderDate: dateSchema.optional(),
    lines: z.array(orderLineInput).min(1).max(ORDER_LIMITS.lines).optional(),
    version: versionField,
  })
  .strict();

export const orderLineSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  productId: idSchema,
  code: z.string(),
  name: z.string(),
  specification: z.string().nullable(),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  amount: z.string(),
  requiredDate: z.string(),
  note: z.string().nullable(),
  delivered: z.string(),
  undelivered: z.string(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const deliveryLineSchema = z.object({
  orderLineId: idSchema,
  name: z.string(),
  unit: z.string(),
  quantity: z.string(),
});

export const deliverySchema = z.object({
  id: idSchema,
  orderId: idSchema,
  deliveredOn: z.string(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: timestampSchema,
  lines: z.array(deliveryLineSchema),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const orderRowSchema = recordBase.extend({
  number: z.string(),
  customerId: idSchema,
  customerName: z.string(),
  contractId: idSchema.nullable(),
  contractNumber: z.string().nullable(),
  opportunityId: idSchema.nullable(),
  opportunityName: z.string().nullable(),
  orderDate: z.string(),
  status: z.enum(ORDER_STATUSES),
  total: z.string(),
  /** Quantities over all lines (units may differ; shown as progress). */
  quantity: z.string(),
  delivered: z.string(),
  undelivered: z.string(),
  /** The earliest required date of a line still undelivered. */
  nextRequiredDate: z.string().nullable(),
  note: z.string().nullable(),
  confirmedAt: timestampSchema.nullable(),
});
export type OrderRow = z.infer<typeof orderRowSchema>;

export const orderSchema = orderRowSchema.extend({
  lines: z.array(orderLineSchema),
  deliveries: z.array(deliverySchema),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    cancel: z.boolean(),
    delete: z.boolean(),
    deliver: z.boolean(),
    undoDelivery: z.boolean(),
  }),
});
export type Order = z.infer<typeof orderSchema>;

export const orderListQuery = listQueryBase.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  customerId: idSchema.optional(),
  ownerId: idSchema.optional(),
  dateFrom: dateSchema.optional(),
  dateTo: dateSchema.optional(),
});

/** The list's page plus the total amount of every order the filters match (not just the page). */
export const orderListResponse = z.object({
  items: z.array(orderRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  amountTotal: z.string(),
});

export const orderVersionBody = z.object({ version: versionField }).strict();

export const createDeliveryBody = z
  .object({
    orderId: idSchema,
    deliveredOn: dateSchema,
    carrier: optionalText(ORDER_LIMITS.carrier),
    trackingNo: optionalText(ORDER_LIMITS.trackingNo),
    note: optionalText(500),
    lines: z
      .array(z.object({ orderLineId: idSchema, quantity: quantitySchema }).strict())
      .min(1)
      .max(ORDER_LIMITS.lines),
  })
  .strict();

// ── reminders (seed 004: 今天/明天/未来一周应交货的产品，已交数量、未交数量、要求交货期) ──────────

export const DUE_WINDOWS = ['overdue', 'today', 'tomorrow', 'week'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

export const dueQuery = z.object({
  /** overdue: before today; today; tomorrow; week: today and the 6 days after it (7 days). */
  window: z.enum(DUE_WINDOWS).default('today'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});

export const dueLineSchema = z.object({
  orderId: idSchema,
  orderNumber: z.string(),
  orderLineId: idSchema,
  customerId: idSchema,
  customerName: z.string(),
  ownerId: idSchema,
  ownerName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  quantity: z.string(),
  delivered: z.string(),
  undelivered: z.string(),
  requiredDate: z.string(),
  /** Days past the required date (0 when not late). */
  daysLate: z.number().int(),
});
export type DueLine = z.infer<typeof dueLineSchema>;

export const dueResponse = z.object({
  today: z.string(),
  items: z.array(dueLineSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many lines each tab holds, for the tab badges. */
  counts: z.object({ overdue: z.number().int(), today: z.number().int(), tomorrow: z.number().int(), week: z.number().int() }),
});
