import type { createProductCategoryBody, ProductCategory, updateProductCategoryBody } from '@contracts/products.js';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';

// Q1 the category tree: a flat list the web arranges as a tree. Categories are catalogue settings
// rather than records: no history or recycle bin, and one with products or children stays.

/** The ids of a category and every category below it. */
export const categoryAndBelow = (id: string): RawBuilder<string> => sql`
  WITH RECURSIVE sub AS (
    SELECT id FROM product_categories WHERE id = ${id}
    UNION ALL SELECT c.id FROM product_categories c JOIN sub ON c.parent_id = sub.id
  ) SELECT id FROM sub`;

export async function assertCategory(db: Db, id: string | null | undefined, field = 'categoryId'): Promise<void> {
  if (!id) return;
  const found = await db.selectFrom('product_categories').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('VALIDATION', { fields: { [field]: { key: 'reference' } } });
}

/** Every category (or just one), each with its count of live products. */
export async function listCategories(db: Db, id?: string): Promise<ProductCategory[]> {
  const { rows } = await sql<{ id: string; parent_id: string | null; name: string; sort_order: number; version: number; n: number }>`
    SELECT c.id, c.parent_id, c.name, c.sort_order, c.version,
           (SELECT count(*)::int FROM products p WHERE p.category_id = c.id AND p.deleted_at IS NULL) AS n
      FROM product_categories c ${id ? sql`WHERE c.id = ${id}` : sql``} ORDER BY c.sort_order, c.name`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    sortOrder: r.sort_order,
    productCount: r.n,
    version: r.version,
  }));
}

async function getCategory(db: Db, id: string): Promise<ProductCategory> {
  const [found] = await listCategories(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** Sibling names differ (any case), so an import can name a category. */
async function assertNameFree(db: Db, parentId: string | null, name: string, exceptId?: string): Promise<void> {
  const { rows } = await sql`
    SELECT 1 FROM product_categories
     WHERE parent_id IS NOT DISTINCT FROM ${parentId}::uuid AND lower(name) = lower(${name})
       AND id IS DISTINCT FROM ${exceptId ?? null}::uuid`.execute(db);
  if (rows.length > 0)
    throw new AppError('DUPLICATE', { params: { field: CATEGORY_LABEL, value: name }, fields: { name: { key: 'duplicate' } } });
}
const CATEGORY_LABEL = { 'zh-CN': '产品分类', 'zh-TW': '產品分類', en: 'Product category' };

export async function createCategory(trx: Db, actor: Actor, b: z.infer<typeof createProductCategoryBody>): Promise<ProductCategory> {
  await assertCategory(trx, b.parentId, 'parentId');
  await assertNameFree(trx, b.parentId ?? null, b.name);
  const row = await trx
    .insertInto('product_categories')
    .values({ parent_id: b.parentId ?? null, name: b.name, sort_order: b.sortOrder, created_by: actor.userId, updated_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getCategory(trx, row.id);
}

/** Optimistic locking as on records (P4); a category never moves under itself or its own sub-category. */
export async function updateCategory(
  trx: Db,
  actor: Actor,
  id: string,
  { version, ...b }: z.infer<typeof updateProductCategoryBody>,
): Promise<ProductCategory> {
  const before = await trx.selectFrom('product_categories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND');
  if (before.version !== version) throw new AppError('VERSION_CONFLICT', { current: await getCategory(trx, id) });
  const parentId = b.parentId === undefined ? before.parent_id : b.parentId;
  if (b.parentId) {
    await assertCategory(trx, b.parentId, 'parentId');
    const { rows } = await sql`SELECT 1 FROM (${categoryAndBelow(id)}) s WHERE s.id = ${b.parentId}`.execute(trx);
    if (rows.length > 0) throw new AppError('VALIDATION', { fields: { parentId: { key: 'category_cycle' } } });
  }
  if (b.name !== undefined || b.parentId !== undefined) await assertNameFree(trx, parentId, b.name ?? before.name, id);
  await trx
    .updateTable('product_categories')
    .set({
      parent_id: parentId,
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.sortOrder !== undefined ? { sort_order: b.sortOrder } : {}),
      version: sql`version + 1`,
      updated_by: actor.userId,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  return getCategory(trx, id);
}

/** 409 while sub-categories or live products remain; products in the recycle bin lose the category. */
export async function deleteCategory(trx: Db, id: string): Promise<void> {
  const row = await trx.selectFrom('product_categories').select(['name']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const { rows } = await sql<{ busy: boolean }>`
    SELECT EXISTS (SELECT 1 FROM product_categories WHERE parent_id = ${id})
        OR EXISTS (SELECT 1 FROM products WHERE category_id = ${id} AND deleted_at IS NULL) AS busy`.execute(trx);
  if (rows[0].busy) throw new AppError('PRODUCT_CATEGORY_NOT_EMPTY', { params: { name: row.name } });
  await trx.deleteFrom('product_categories').where('id', '=', id).execute();
}
