import { z } from 'zod';
import { LIMITS, idSchema, listQueryBase, moneySchema, optionalText, recordBase, requiredText, versionField } from './common.js';

// Q1: the product catalogue — categories, products and bundles (套餐). Company-wide: everyone with
// products:view sees all of it. Cost price and gross margin are a field permission (product_costs:view):
// without it the keys are absent from every answer, not null.

export const PRODUCT_KINDS = ['product', 'bundle'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const PRODUCT_LIMITS = { code: 40, name: 100, specification: 200, unit: 10, category: 50, components: 50 } as const;

/** Prices are never negative. */
const price = moneySchema.refine((v) => !v.startsWith('-'), { message: 'not_negative' });

/** A percentage such as a tax rate: 0–100 with at most two decimals ('13', 13 or '13%' → '13.00'). */
export const percentSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim().replace(/\s*[%％]$/, '')))
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { message: 'percent' }))
  .refine((v) => Number(v) <= 100, { message: 'percent' })
  .transform((v) => {
    const [int, frac = ''] = v.split('.');
    return `${Number(int)}.${frac.padEnd(2, '0')}`;
  });

/** A quantity above zero with at most two decimals, as an exact decimal string ('1.5' → '1.50'). */
export const quantitySchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v.trim()))
  .pipe(z.string().regex(/^\d{1,8}(\.\d{1,2})?$/, { message: 'quantity' }))
  .refine((v) => /[1-9]/.test(v), { message: 'quantity' })
  .transform((v) => {
    const [int, frac = ''] = v.split('.');
    return `${int.replace(/^0+(?=\d)/, '')}.${frac.padEnd(2, '0')}`;
  });

// ── categories ──────────────────────────────────────────────────────────────────────────────────

export const productCategorySchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  /** Live products filed directly under it (not its sub-categories). */
  productCount: z.number().int(),
  version: z.number().int(),
});
export type ProductCategory = z.infer<typeof productCategorySchema>;

const categoryFields = z.object({
  parentId: idSchema.nullish(),
  name: requiredText(PRODUCT_LIMITS.category),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export const createProductCategoryBody = categoryFields.strict();
export const updateProductCategoryBody = z
  .object({
    parentId: idSchema.nullish(),
    name: requiredText(PRODUCT_LIMITS.category).optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
    version: versionField,
  })
  .strict();

// ── products and bundles ────────────────────────────────────────────────────────────────────────

/** One line of a bundle as written: which product, how many, at the bundle's own unit price. */
export const bundleComponentInput = z.object({ productId: idSchema, quantity: quantitySchema, unitPrice: price }).strict();

const productFields = z.object({
  code: requiredText(PRODUCT_LIMITS.code).regex(/^\S+$/, { message: 'invalid_format' }),
  name: requiredText(PRODUCT_LIMITS.name),
  specification: optionalText(PRODUCT_LIMITS.specification),
  unit: requiredText(PRODUCT_LIMITS.unit),
  categoryId: idSchema.nullish(),
  /** A plain product's price; a bundle's is the sum of its lines, worked out by the server. */
  listPrice: price.optional(),
  costPrice: price.nullish(),
  taxRate: percentSchema.default('13.00'),
  active: z.boolean().default(true),
  description: optionalText(LIMITS.text),
  components: z.array(bundleComponentInput).max(PRODUCT_LIMITS.components).optional(),
});

/** The same product twice in one bundle is one line with a larger quantity. */
function checkComponents(components: { productId: string }[] | undefined, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  components?.forEach((c, i) => {
    if (seen.has(c.productId)) ctx.addIssue({ code: 'custom', path: ['components', i, 'productId'], message: 'duplicate' });
    seen.add(c.productId);
  });
}

export const createProductBody = productFields
  .extend({ kind: z.enum(PRODUCT_KINDS).default('product') })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind === 'product') {
      if (b.listPrice === undefined) ctx.addIssue({ code: 'custom', path: ['listPrice'], message: 'required' });
      if (b.components?.length) ctx.addIssue({ code: 'custom', path: ['components'], message: 'bundle_component' });
    } else {
      if (b.listPrice !== undefined) ctx.addIssue({ code: 'custom', path: ['listPrice'], message: 'bundle_price' });
      if (!b.components?.length) ctx.addIssue({ code: 'custom', path: ['components'], message: 'required' });
      if (b.costPrice !== undefined && b.costPrice !== null) ctx.addIssue({ code: 'custom', path: ['costPrice'], message: 'bundle_price' });
    }
    checkComponents(b.components, ctx);
  });

/** A PATCH changes what it names; a product never becomes a bundle or the other way round. */
export const updateProductBody = productFields
  .partial()
  .extend({
    code: productFields.shape.code.optional(),
    taxRate: percentSchema.optional(),
    active: z.boolean().optional(),
    components: z.array(bundleComponentInput).min(1).max(PRODUCT_LIMITS.components).optional(),
    version: versionField,
  })
  .strict()
  .superRefine((b, ctx) => checkComponents(b.components, ctx));

export const bundleComponentSchema = z.object({
  productId: idSchema,
  code: z.string(),
  name: z.string(),
  specification: z.string().nullable(),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  /** quantity × unitPrice, exact. */
  amount: z.string(),
  /** The component itself is still on sale. */
  active: z.boolean(),
});
export type BundleComponent = z.infer<typeof bundleComponentSchema>;

export const productSchema = recordBase.extend({
  code: z.string(),
  name: z.string(),
  specification: z.string().nullable(),
  unit: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  categoryId: idSchema.nullable(),
  categoryName: z.string().nullable(),
  listPrice: z.string(),
  /** Only for product_costs:view; a bundle's is the sum of its lines at their products' cost. */
  costPrice: z.string().nullable().optional(),
  /** listPrice − costPrice; only for product_costs:view. */
  grossMargin: z.string().nullable().optional(),
  /** (listPrice − costPrice) / listPrice × 100, two decimals; only for product_costs:view. */
  grossMarginRate: z.string().nullable().optional(),
  taxRate: z.string(),
  active: z.boolean(),
  description: z.string().nullable(),
  /** A bundle's lines; empty for a plain product. */
  components: z.array(bundleComponentSchema),
});
export type Product = z.infer<typeof productSchema>;

export const productListQuery = listQueryBase.extend({
  /** The category and its sub-categories. */
  categoryId: idSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  kind: z.enum(PRODUCT_KINDS).optional(),
});

// ── expansion (what a quote line becomes) ───────────────────────────────────────────────────────

export const productExpandQuery = z.object({ quantity: quantitySchema.default('1.00') });

/** A plain product expands to itself at list price; a bundle to its lines at the bundle's prices. */
export const expansionLineSchema = z.object({
  productId: idSchema,
  code: z.string(),
  name: z.string(),
  specification: z.string().nullable(),
  unit: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  taxRate: z.string(),
  costPrice: z.string().nullable().optional(),
});
export type ExpansionLine = z.infer<typeof expansionLineSchema>;
export const productExpansionResponse = z.object({ items: z.array(expansionLineSchema) });
