import type { QuoteLineInput } from '@contracts/quotes.js';
import type { Db } from '../../platform/db/database.js';
import { fieldError } from '../../platform/http/errors.js';
import { type LineInput, lineFigures, lineOverLimit, quoteFigures, quoteOverLimit } from '@contracts/quote-money.js';
import type { QuoteLineTable } from './quote-table.js';

export type StoredLine = Omit<QuoteLineTable, 'id' | 'quote_id'>;

/**
 * Turns the lines a rep sent into what the quote keeps: each product as the catalogue has it now
 * (code, name, unit, tax, cost; the list price, or the bundle's price for a product of a bundle), the
 * rep's quantity, price and discount, and the exact amounts. A product must be active; a bundle line
 * must name a product the bundle contains.
 */
export async function buildLines(db: Db, input: QuoteLineInput[], wholeDiscount: string): Promise<StoredLine[]> {
  const ids = [...new Set(input.flatMap((l) => [l.productId, ...(l.bundleId ? [l.bundleId] : [])]))];
  const products = new Map(
    (
      await db
        .selectFrom('products')
        .select(['id', 'code', 'name', 'specification', 'unit', 'kind', 'list_price', 'cost_price', 'tax_rate', 'active'])
        .where('id', 'in', ids)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((p) => [p.id, p]),
  );
  const bundleIds = [...new Set(input.flatMap((l) => (l.bundleId ? [l.bundleId] : [])))];
  const bundlePrices = new Map(
    bundleIds.length === 0
      ? []
      : (
          await db
            .selectFrom('product_bundle_items')
            .select(['bundle_id', 'product_id', 'unit_price'])
            .where('bundle_id', 'in', bundleIds)
            .execute()
        ).map((i) => [`${i.bundle_id}:${i.product_id}`, i.unit_price]),
  );
  return input.map((l, position) => {
    const p = products.get(l.productId);
    // A bundle is quoted as its products (the web expands it); a line is always one product.
    if (!p?.active || p.kind !== 'product') throw fieldError(`lines.${position}.productId`, 'reference');
    let listPrice = p.list_price;
    let bundleName: string | null = null;
    if (l.bundleId) {
      const bundlePrice = bundlePrices.get(`${l.bundleId}:${l.productId}`);
      if (bundlePrice === undefined) throw fieldError(`lines.${position}.bundleId`, 'reference');
      listPrice = bundlePrice;
      bundleName = products.get(l.bundleId)?.name ?? null;
    }
    const line: LineInput = {
      quantity: l.quantity,
      listPrice,
      unitPrice: l.unitPrice ?? listPrice,
      discount: l.discount,
      taxRate: p.tax_rate,
      costPrice: p.cost_price,
    };
    const f = lineFigures(line, wholeDiscount);
    return {
      position,
      product_id: p.id,
      bundle_id: l.bundleId ?? null,
      bundle_name: bundleName,
      code: p.code,
      name: p.name,
      specification: p.specification,
      unit: p.unit,
      quantity: line.quantity,
      list_price: line.listPrice,
      unit_price: line.unitPrice,
      discount: line.discount,
      amount: f.amount,
      tax_rate: line.taxRate,
      tax_amount: f.taxAmount,
      effective_discount: f.effectiveDiscount,
      cost_price: p.cost_price,
    };
  });
}

export const asLineInput = (
  l: Pick<StoredLine, 'quantity' | 'list_price' | 'unit_price' | 'discount' | 'tax_rate' | 'cost_price'>,
): LineInput => ({
  quantity: l.quantity,
  listPrice: l.list_price,
  unitPrice: l.unit_price,
  discount: l.discount,
  taxRate: l.tax_rate,
  costPrice: l.cost_price,
});

/** The quote's stored totals for its lines. */
export function quoteTotals(lines: StoredLine[], wholeDiscount: string) {
  const inputs = lines.map(asLineInput);
  const f = quoteFigures(inputs, wholeDiscount);
  const maxLine = lines.reduce((m, l) => (Number(l.effective_discount) > Number(m) ? l.effective_discount : m), '0.00');
  return {
    list_total: f.listTotal,
    subtotal: f.subtotal,
    total: f.total,
    tax_total: f.taxTotal,
    overall_discount: f.overallDiscount,
    max_discount: Number(f.overallDiscount) > Number(maxLine) ? f.overallDiscount : maxLine,
    cost_total: f.costTotal,
  };
}

/** Does any line, or the quote as a whole, go beyond this limit? */
export function overLimit(lines: StoredLine[], wholeDiscount: string, limit: string): { any: boolean; lines: boolean[] } {
  const inputs = lines.map(asLineInput);
  const perLine = inputs.map((l) => lineOverLimit(l, limit));
  return { any: perLine.some(Boolean) || quoteOverLimit(inputs, wholeDiscount, limit), lines: perLine };
}
