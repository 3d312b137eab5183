import type { FastifyInstance } from 'fastify';
import { makeClient, makeDepartment, uniq } from '../../test/factories.js';
import type { Client } from '../../test/test-app.js';
import type { Db } from '../../platform/db/database.js';

// What the product tests build their catalogue from, the way the purchasing team would enter it.

/** A purchasing user (maintains the catalogue, sees costs) in a department of their own. */
export async function makePurchaser(app: FastifyInstance, db: Db) {
  return makeClient(app, db, { role: 'purchasing', departmentId: await makeDepartment(db) });
}

/** A custom role that keeps the catalogue but may not see costs: the field permission on its own. */
export async function makeCatalogueClerk(app: FastifyInstance, db: Db) {
  const key = uniq('clerk_');
  const perms = ['products:view', 'products:create', 'products:edit', 'products:delete', 'products:export'];
  await db
    .insertInto('roles')
    .values({ key, name: key, data_scope: 'own', permissions: JSON.stringify(perms) } as never)
    .execute();
  return makeClient(app, db, { roles: [key], departmentId: await makeDepartment(db) });
}

export async function makeCategory(client: Client, fields: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/product-categories', { name: uniq('分类'), ...fields });
  if (res.status !== 201) throw new Error(`makeCategory: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function makeProduct(client: Client, fields: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/products', { code: uniq('P-'), name: uniq('产品'), unit: '台', listPrice: '100.00', ...fields });
  if (res.status !== 201) throw new Error(`makeProduct: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
