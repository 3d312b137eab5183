import { type BundleComponent, type ExpansionLine, quantitySchema } from '@contracts/products.js';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { writeHistory } from '../../platform/records/history.js';
import { findVisible } from '../../platform/records/record-store.js';
import { canSeeCosts } from './product-costs.js';
import { productEntity } from './product-entity.js';

// Q1 bundles (套餐): a bundle is sold as one item but quoted, taxed and delivered as its lines, each
// a plain product at the bundle's own price for it.

export interface ComponentInput {
  productId: string;
  quantity: string;
  unitPrice: string;
}

/** Every line names a live plain product other than the bundle itself (400 on the line's field otherwise). */
export async function assertComponents(trx: Db, bundleId: string | null, components: ComponentInput[]): Promise<void> {
  const ids = components.map((c) => c.productId);
  const found = await trx.selectFrom('products').select(['id', 'kind']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
  const kinds = new Map(found.map((p) => [p.id, p.kind]));
  const fields: Record<string, { key: 'reference' | 'bundle_component' }> = {};
  components.forEach((c, i) => {
    const kind = kinds.get(c.productId);
    if (!kind) fields[`components.${i}.productId`] = { key: 'reference' };
    else if (kind !== 'product' || c.productId === bundleId) fields[`components.${i}.productId`] = { key: 'bundle_component' };
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', { fields });
}

/** A bundle's list price: the sum of its line amounts, each rounded to the fen as it is shown. */
export async function bundleTotal(trx: Db, components: ComponentInput[]): Promise<string> {
  const { rows } = await sql<{ total: string }>`
    SELECT coalesce(sum(round(q * p, 2)), 0)::numeric(14, 2)::text AS total
      FROM unnest(${components.map((c) => c.quantity)}::numeric[], ${components.map((c) => c.unitPrice)}::numeric[]) AS t(q, p)`.execute(
    trx,
  );
  return rows[0].total;
}

/** The lines of these bundles, in their order, with what the catalogue says of each product. */
export async function readComponents(db: Db, bundleIds: string[]): Promise<Map<string, BundleComponent[]>> {
  const out = new Map<string, BundleComponent[]>();
  if (bundleIds.length === 0) return out;
  const { rows } = await sql<BundleComponent & { bundleId: string }>`
    SELECT i.bundle_id AS "bundleId", p.id AS "productId", p.code, p.name, p.specification, p.unit,
           i.quantity::text AS quantity, i.unit_price::text AS "unitPrice", round(i.quantity * i.unit_price, 2)::text AS amount,
           p.active AND p.deleted_at IS NULL AS active
      FROM product_bundle_items i JOIN products p ON p.id = i.product_id
     WHERE i.bundle_id = ANY(${bundleIds}::uuid[])
     ORDER BY i.bundle_id, i.position`.execute(db);
  for (const { bundleId, ...line } of rows) out.set(bundleId, [...(out.get(bundleId) ?? []), line]);
  return out;
}

const describe = (lines: { code: string; quantity: string; unitPrice: string }[]) =>
  lines.map((l) => `${l.code} × ${l.quantity} @ ${l.unitPrice}`);

/**
 * Replaces a bundle's lines; when they changed, one history row shows them before and after.
 * Answers whether anything changed.
 */
export async function replaceComponents(trx: Db, actor: Actor, bundleId: string, components: ComponentInput[]): Promise<boolean> {
  const before = (await readComponents(trx, [bundleId])).get(bundleId) ?? [];
  await trx.deleteFrom('product_bundle_items').where('bundle_id', '=', bundleId).execute();
  await trx
    .insertInto('product_bundle_items')
    .values(
      components.map((c, position) => ({
        bundle_id: bundleId,
        product_id: c.productId,
        position,
        quantity: c.quantity,
        unit_price: c.unitPrice,
      })),
    )
    .execute();
  if (before.length === 0) return true;
  const after = (await readComponents(trx, [bundleId])).get(bundleId) ?? [];
  const old = describe(before);
  const now = describe(after);
  if (JSON.stringify(old) === JSON.stringify(now)) return false;
  await writeHistory(trx, actor, {
    entity: 'product',
    recordId: bundleId,
    action: 'update',
    changes: [{ field: 'components', old, new: now }],
  });
  return true;
}

/** Live bundles that hold this product: it cannot go to the recycle bin while they do. */
export async function bundlesHolding(trx: Db, productId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('product_bundle_items as i')
    .innerJoin('products as b', 'b.id', 'i.bundle_id')
    .select('b.name')
    .where('i.product_id', '=', productId)
    .where('b.deleted_at', 'is', null)
    .orderBy('b.name')
    .execute();
  return rows.map((r) => r.name);
}

/** '2.0000' → '2.00'; '0.1089' stays: a quantity keeps every decimal it has, and at least two. */
const trimScale = (v: string) => v.replace(/^(\d+\.\d\d\d*?)0+$/, '$1');

/**
 * What one quote line of this product becomes: a plain product is itself at list price; a bundle
 * is its lines, each line's quantity times `quantity`, at the bundle's price for it. Cost only for
 * those who may see it (the key is absent otherwise).
 */
export async function expandProduct(db: Db, actor: Actor, productId: string, quantity: string | number): Promise<ExpansionLine[]> {
  const q = quantitySchema.safeParse(quantity);
  if (!q.success) throw new AppError('VALIDATION', { fields: { quantity: { key: 'quantity' } } });
  const product = await findVisible(db, actor, productEntity, productId);
  const { rows } = await sql<{
    id: string;
    code: string;
    name: string;
    specification: string | null;
    unit: string;
    quantity: string;
    unit_price: string;
    tax_rate: string;
    cost_price: string | null;
  }>`${
    product.kind === 'bundle'
      ? sql`SELECT p.id, p.code, p.name, p.specification, p.unit, (i.quantity * ${q.data}::numeric)::text AS quantity,
                   i.unit_price::text AS unit_price, p.tax_rate::text AS tax_rate, p.cost_price::text AS cost_price
              FROM product_bundle_items i JOIN products p ON p.id = i.product_id
             WHERE i.bundle_id = ${productId} ORDER BY i.position`
      : sql`SELECT id, code, name, specification, unit, ${q.data}::text AS quantity, list_price::text AS unit_price,
                   tax_rate::text AS tax_rate, cost_price::text AS cost_price FROM products WHERE id = ${productId}`
  }`.execute(db);
  const costs = canSeeCosts(actor);
  return rows.map((r) => ({
    productId: r.id,
    code: r.code,
    name: r.name,
    specification: r.specification,
    unit: r.unit,
    quantity: trimScale(r.quantity),
    unitPrice: r.unit_price,
    taxRate: r.tax_rate,
    ...(costs ? { costPrice: r.cost_price } : {}),
  }));
}
