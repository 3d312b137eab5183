import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRep, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeCategory, makeProduct, makePurchaser } from './product-test-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('product categories (Q1)', () => {
  it('form a tree the web builds from a flat list, each with its count of live products', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const top = await makeCategory(buyer, { name: uniq('软件服务'), sortOrder: 5 });
    const sub = await makeCategory(buyer, { name: 'SaaS 订阅', parentId: top.id });
    await makeProduct(buyer, { categoryId: sub.id });
    const gone = await makeProduct(buyer, { categoryId: sub.id });
    await buyer.delete(`/api/v1/products/${gone.id}`);
    const rep = await makeRep(t.app, t.db);
    const items = (await rep.get('/api/v1/product-categories')).body.items;
    expect(items.find((c: { id: string }) => c.id === top.id)).toMatchObject({ parentId: null, sortOrder: 5, productCount: 0, version: 1 });
    expect(items.find((c: { id: string }) => c.id === sub.id)).toMatchObject({ parentId: top.id, name: 'SaaS 订阅', productCount: 1 });
  });

  it('are renamed and moved with the version they were read at, never under themselves', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const a = await makeCategory(buyer);
    const b = await makeCategory(buyer, { parentId: a.id });
    const c = await makeCategory(buyer, { parentId: b.id });
    const renamed = await buyer.patch(`/api/v1/product-categories/${b.id}`, { version: 1, name: uniq('营养品') });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    expect((await buyer.patch(`/api/v1/product-categories/${b.id}`, { version: 1, sortOrder: 3 })).status).toBe(409);
    for (const parentId of [a.id, c.id]) {
      const target = parentId === a.id ? a : b;
      const res = await buyer.patch(`/api/v1/product-categories/${target.id}`, { version: target.id === b.id ? 2 : 1, parentId });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual({ parentId: '上级分类不能是它自己或它的下级分类' });
    }
    const moved = await buyer.patch(`/api/v1/product-categories/${c.id}`, { version: 1, parentId: null });
    expect(moved.body).toMatchObject({ parentId: null, version: 2 });
  });

  it('keep sibling names apart (409 on the name), while cousins may share one', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const a = await makeCategory(buyer);
    const b = await makeCategory(buyer);
    await makeCategory(buyer, { parentId: a.id, name: '配件' });
    const twin = await buyer.post('/api/v1/product-categories', { parentId: a.id, name: '配件' });
    expect(twin.status).toBe(409);
    expect(twin.body.error.fields).toEqual({ name: '已存在' });
    expect((await buyer.post('/api/v1/product-categories', { parentId: b.id, name: '配件' })).status).toBe(201);
  });

  it('cannot be deleted while they hold products or sub-categories (409); an empty one goes', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const top = await makeCategory(buyer);
    const sub = await makeCategory(buyer, { parentId: top.id });
    const p = await makeProduct(buyer, { categoryId: sub.id });
    const withChild = await buyer.delete(`/api/v1/product-categories/${top.id}`);
    expect(withChild.status).toBe(409);
    expect(withChild.body.error.code).toBe('PRODUCT_CATEGORY_NOT_EMPTY');
    expect(withChild.body.error.message).toContain(top.name);
    expect((await buyer.delete(`/api/v1/product-categories/${sub.id}`)).status).toBe(409);
    // A product in the recycle bin does not hold its category: it comes back without one.
    await buyer.delete(`/api/v1/products/${p.id}`);
    expect((await buyer.delete(`/api/v1/product-categories/${sub.id}`)).status).toBe(200);
    expect((await buyer.delete(`/api/v1/product-categories/${top.id}`)).status).toBe(200);
    await buyer.post(`/api/v1/recycle-bin/product/${p.id}/restore`);
    expect((await buyer.get(`/api/v1/products/${p.id}`)).body).toMatchObject({ categoryId: null, categoryName: null });
    expect((await buyer.delete(`/api/v1/product-categories/${top.id}`)).status).toBe(404);
  });
});
