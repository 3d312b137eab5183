import type { createProductBody, Product, productListQuery, updateProductBody } from '@contracts/products.js';
import { type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db, Tables } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { likePattern, runList } from '../../platform/records/list-query.js';
import { ownerNames, type RecordBaseRow } from '../../platform/records/record-base-api.js';
import { findVisible, insertRecord, softDeleteRecord, updateRecord } from '../../platform/records/record-store.js';
import { assertComponents, bundlesHolding, bundleTotal, readComponents, replaceComponents } from './product-bundles.js';
import { assertCategory, categoryAndBelow } from './product-categories.js';
import { COST_SELECTIONS, type CostColumns, canSeeCosts, costFields } from './product-costs.js';
import { productEntity } from './product-entity.js';
import type { ProductTable } from './product-table.js';

type ProductRow = Selectable<ProductTable> & CostColumns & { category_name: string | null };
type CreateBody = z.infer<typeof createProductBody>;
type UpdateBody = z.infer<typeof updateProductBody>;

/** What the list's search matches; must stay identical to the GIN index's expression (migration 0031). */
const SEARCH_TEXT = sql<string>`lower(products.code || ' ' || products.name)`;

/** API field → column, for the fields a client may write (also the import's). Bundle lines are not columns. */
export function productColumns(b: Partial<CreateBody>): Record<string, unknown> {
  const map: Record<string, unknown> = {
    code: b.code,
    name: b.name,
    specification: b.specification,
    unit: b.unit,
    kind: b.kind,
    category_id: b.categoryId,
    list_price: b.listPrice,
    cost_price: b.costPrice,
    tax_rate: b.taxRate,
    active: b.active,
    description: b.description,
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined));
}

const CODE_LABEL = { 'zh-CN': '产品编码', 'zh-TW': '產品編碼', en: 'Product code' };

/** Q1: a code names one live product (any case); the 409 names the field for the form. */
async function assertCodeFree(trx: Db, code: string, exceptId?: string): Promise<void> {
  let q = trx.selectFrom('products').select('id').where('deleted_at', 'is', null).where(sql<boolean>`lower(code) = lower(${code})`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst())
    throw new AppError('DUPLICATE', { params: { field: CODE_LABEL, value: code }, fields: { code: { key: 'duplicate' } } });
}

/** Without product_costs:view a cost price is not the caller's to set. */
function assertMaySetCost(actor: Actor, costPrice: string | null | undefined) {
  if (costPrice !== undefined && !canSeeCosts(actor)) throw new AppError('VALIDATION', { fields: { costPrice: { key: 'cost_hidden' } } });
}

// Selections run over `products` unaliased: runList orders and pages by bare column names.
const withDisplay = (q: SelectQueryBuilder<Tables, 'products', object>) =>
  q
    .selectAll('products')
    .select([
      sql<string | null>`(SELECT name FROM product_categories WHERE id = products.category_id)`.as('category_name'),
      ...COST_SELECTIONS,
    ]);

async function toApi(db: Db, actor: Actor, rows: ProductRow[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const base = await ownerNames(db, rows as unknown as RecordBaseRow[]);
  const lines = await readComponents(
    db,
    rows.filter((r) => r.kind === 'bundle').map((r) => r.id),
  );
  return rows.map((r) => ({
    ...base(r as unknown as RecordBaseRow),
    code: r.code,
    name: r.name,
    specification: r.specification,
    unit: r.unit,
    kind: r.kind,
    categoryId: r.category_id,
    categoryName: r.category_name,
    listPrice: r.list_price,
    ...costFields(actor, r),
    taxRate: r.tax_rate,
    active: r.active,
    description: r.description,
    components: lines.get(r.id) ?? [],
  }));
}

const SORTABLE: Record<string, string> = {
  code: 'code',
  name: 'name',
  listPrice: 'list_price',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** Q1: the whole catalogue for anyone with products:view — no data scope on products. */
export async function listProducts(db: Db, actor: Actor, q: z.infer<typeof productListQuery>) {
  let f = db.selectFrom('products').where('deleted_at', 'is', null);
  if (q.categoryId) f = f.where(sql<boolean>`category_id IN (${categoryAndBelow(q.categoryId)})`);
  if (q.active) f = f.where('active', '=', q.active === 'true');
  if (q.kind) f = f.where('kind', '=', q.kind);
  if (q.q) {
    const text = q.q.toLowerCase();
    f = f.where(sql<boolean>`text_bigrams(${SEARCH_TEXT}) @> text_bigrams(${text}) AND ${SEARCH_TEXT} LIKE ${likePattern(text)}`);
  }
  const page = await runList<ProductRow>(f, q, SORTABLE, 'code', withDisplay);
  return { ...page, items: await toApi(db, actor, page.items) };
}

async function readProduct(db: Db, id: string): Promise<ProductRow> {
  return (await withDisplay(db.selectFrom('products')).where('id', '=', id).executeTakeFirstOrThrow()) as unknown as ProductRow;
}

export async function getProduct(db: Db, actor: Actor, id: string): Promise<Product> {
  await findVisible(db, actor, productEntity, id);
  return (await toApi(db, actor, [await readProduct(db, id)]))[0];
}

export async function createProduct(trx: Db, actor: Actor, b: CreateBody): Promise<string> {
  assertMaySetCost(actor, b.costPrice);
  await assertCategory(trx, b.categoryId);
  await assertCodeFree(trx, b.code);
  const components = b.kind === 'bundle' ? (b.components ?? []) : [];
  if (b.kind === 'bundle') await assertComponents(trx, null, components);
  const listPrice = b.kind === 'bundle' ? await bundleTotal(trx, components) : b.listPrice;
  const row = await insertRecord(trx, actor, productEntity, productColumns({ ...b, listPrice }));
  if (components.length > 0) await replaceComponents(trx, actor, row.id as string, components);
  return row.id as string;
}

/** Which fields a PATCH may carry depends on the kind, which never changes. */
function assertFitsKind(kind: 'product' | 'bundle', b: UpdateBody) {
  if (kind === 'product' && b.components) throw new AppError('VALIDATION', { fields: { components: { key: 'product_kind_fixed' } } });
  if (kind === 'bundle' && b.listPrice !== undefined) throw new AppError('VALIDATION', { fields: { listPrice: { key: 'bundle_price' } } });
  if (kind === 'bundle' && b.costPrice !== undefined) throw new AppError('VALIDATION', { fields: { costPrice: { key: 'bundle_price' } } });
}

export async function updateProduct(trx: Db, actor: Actor, id: string, body: UpdateBody): Promise<Product> {
  const { version, components, ...b } = body;
  const before = (await findVisible(trx, actor, productEntity, id)) as unknown as ProductRow;
  assertFitsKind(before.kind, body);
  assertMaySetCost(actor, b.costPrice);
  await assertCategory(trx, b.categoryId);
  if (b.code !== undefined) await assertCodeFree(trx, b.code, id);
  if (components) await assertComponents(trx, id, components);
  const listPrice = components ? await bundleTotal(trx, components) : b.listPrice;
  const current = async () => (await toApi(trx, actor, [await readProduct(trx, id)]))[0];
  const after = await updateRecord(trx, actor, productEntity, id, version, productColumns({ ...b, listPrice }), current);
  if (components && (await replaceComponents(trx, actor, id, components)) && after.version === version) {
    // Only the lines changed: the bundle is still a new version, so a stale form cannot overwrite them.
    await trx
      .updateTable('products')
      .set({ version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  }
  return current();
}

/** Into the recycle bin, unless a live bundle still holds it (409 naming the bundles). */
export async function deleteProduct(trx: Db, actor: Actor, id: string): Promise<void> {
  const row = await findVisible(trx, actor, productEntity, id);
  const bundles = await bundlesHolding(trx, id);
  if (bundles.length > 0)
    throw new AppError('PRODUCT_IN_BUNDLE', { params: { name: row.name, bundles: bundles.map((n) => `“${n}”`).join('、') } });
  await softDeleteRecord(trx, actor, productEntity, id);
}
