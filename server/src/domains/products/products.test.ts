import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, makeRep, makeTeam, uniq, unknownId } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeCatalogueClerk, makeCategory, makeProduct, makePurchaser } from './product-test-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const COST_KEYS = ['costPrice', 'grossMargin', 'grossMarginRate'];

describe('products (Q1)', () => {
  it('are created by purchasing with exact prices, a tax rate and a category, and read back the same', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const category = await makeCategory(buyer, { name: uniq('奶粉') });
    const code = uniq('NF-');
    const created = await makeProduct(buyer, {
      code,
      name: '有机婴幼儿配方奶粉 3 段',
      specification: '800g/罐',
      unit: '箱',
      categoryId: category.id,
      listPrice: '1234.5',
      costPrice: 800,
      taxRate: '13',
      description: '每箱 6 罐',
    });
    expect(created).toMatchObject({
      code,
      kind: 'product',
      unit: '箱',
      categoryId: category.id,
      categoryName: category.name,
      listPrice: '1234.50',
      costPrice: '800.00',
      grossMargin: '434.50',
      grossMarginRate: '35.20',
      taxRate: '13.00',
      active: true,
      components: [],
      ownerId: buyer.userId,
      createdBy: buyer.userId,
      version: 1,
    });
    expect((await buyer.get(`/api/v1/products/${created.id}`)).body).toEqual(created);
  });

  it('are changed with the version they were read at, and the change is in their history', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const p = await makeProduct(buyer);
    const patched = await buyer.patch(`/api/v1/products/${p.id}`, { version: 1, listPrice: '199.90', active: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ listPrice: '199.90', active: false, version: 2 });
    const stale = await buyer.patch(`/api/v1/products/${p.id}`, { version: 1, name: '改名' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ listPrice: '199.90', version: 2 });
    const history = (await buyer.get(`/api/v1/products/${p.id}/history`)).body.items;
    expect(
      history
        .filter((h: { action: string }) => h.action === 'update')
        .map((h: { field: string }) => h.field)
        .sort(),
    ).toEqual(['active', 'list_price']);
  });

  it('refuse a code a live product already has (409 on the code field), in any case', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const first = await makeProduct(buyer, { code: uniq('dup-') });
    const res = await buyer.post('/api/v1/products', { code: first.code.toUpperCase(), name: '另一个', unit: '台', listPrice: '1' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DUPLICATE');
    expect(res.body.error.message).toContain('产品编码');
    expect(res.body.error.fields).toEqual({ code: '已存在' });
    const other = await makeProduct(buyer);
    const renamed = await buyer.patch(`/api/v1/products/${other.id}`, { version: 1, code: first.code });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.fields).toHaveProperty('code');
  });

  it('answer 400 with a message per field for what a form can get wrong', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const before = await countRows(t.db, 'products');
    const res = await buyer.post('/api/v1/products', {
      code: 'has space',
      name: '',
      unit: '台',
      listPrice: '-1',
      costPrice: '1.234',
      taxRate: '101',
      categoryId: unknownId(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      code: '格式不正确',
      name: '必填',
      listPrice: '不能是负数',
      costPrice: '请输入金额，最多两位小数',
      taxRate: '请输入 0–100 之间的数，最多两位小数',
    });
    const noPrice = await buyer.post('/api/v1/products', { code: uniq('x'), name: '无价', unit: '台' });
    expect(noPrice.body.error.fields).toEqual({ listPrice: '必填' });
    const noCategory = await buyer.post('/api/v1/products', {
      code: uniq('x'),
      name: '无分类',
      unit: '台',
      listPrice: 1,
      categoryId: unknownId(),
    });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.error.fields).toEqual({ categoryId: '关联的记录不存在' });
    expect(await countRows(t.db, 'products')).toBe(before);
  });

  it('are listed with filters on search text, category with its sub-categories, active and kind, sorted and paged', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const tag = uniq('筛');
    const top = await makeCategory(buyer);
    const sub = await makeCategory(buyer, { parentId: top.id });
    const a = await makeProduct(buyer, { code: `${tag}-A`, name: `${tag}奶粉`, categoryId: top.id, listPrice: '300' });
    const b = await makeProduct(buyer, { code: `${tag}-B`, name: `${tag}营养包`, categoryId: sub.id, listPrice: '100', active: false });
    const c = await makeProduct(buyer, { code: `${tag}-C`, name: '别的', listPrice: '200' });
    const ids = async (query: string) => (await buyer.get(`/api/v1/products?${query}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids(`q=${encodeURIComponent(tag)}`)).toEqual([a.id, b.id, c.id]);
    expect(await ids(`q=${encodeURIComponent(`${tag}奶`)}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent(`${tag}-b`)}`)).toEqual([b.id]);
    expect(await ids(`categoryId=${top.id}`)).toEqual([a.id, b.id]);
    expect(await ids(`categoryId=${sub.id}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(tag)}&active=false`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(tag)}&kind=bundle`)).toEqual([]);
    expect(await ids(`q=${encodeURIComponent(tag)}&sort=-listPrice`)).toEqual([a.id, c.id, b.id]);
    const page2 = (await buyer.get(`/api/v1/products?q=${encodeURIComponent(tag)}&pageSize=2&page=2`)).body;
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
  });

  it('are found by the global search box by code or name, by anyone who reads the catalogue', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const word = `琥珀${uniq().slice(0, 2)}`;
    const p = await makeProduct(buyer, { name: `${word}营养奶粉`, specification: '800g/罐', listPrice: '1234.5' });
    const rep = await makeRep(t.app, t.db);
    const res = await rep.get(`/api/v1/search?q=${encodeURIComponent(word)}`);
    expect(res.status).toBe(200);
    const hits = res.body.groups.find((g: { type: string }) => g.type === 'product')?.hits;
    expect(hits).toEqual([
      { type: 'product', id: p.id, title: `${p.code} ${word}营养奶粉`, subtitle: '800g/罐 · ¥1,234.50', link: `/products?product=${p.id}` },
    ]);
  });

  it('go to the recycle bin and come back; a restore is refused while another live product has the code', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const colleague = await makePurchaser(t.app, t.db);
    const p = await makeProduct(buyer);
    expect((await buyer.delete(`/api/v1/products/${p.id}`)).status).toBe(200);
    expect((await buyer.get(`/api/v1/products/${p.id}`)).status).toBe(404);
    // The catalogue is the company's: a colleague finds it in the bin and brings it back.
    const bin = (await colleague.get('/api/v1/recycle-bin?entity=product&pageSize=200')).body.items.map((i: { id: string }) => i.id);
    expect(bin).toContain(p.id);
    const reused = await makeProduct(colleague, { code: p.code });
    expect((await colleague.post(`/api/v1/recycle-bin/product/${p.id}/restore`)).status).toBe(409);
    await colleague.delete(`/api/v1/products/${reused.id}`);
    expect((await colleague.post(`/api/v1/recycle-bin/product/${p.id}/restore`)).status).toBe(200);
    expect((await buyer.get(`/api/v1/products/${p.id}`)).body).toMatchObject({ code: p.code, version: 3 });
  });
});

describe('product permissions and the cost field permission (Q1)', () => {
  it('show every rep the whole catalogue, read-only, without a cost or margin key anywhere', async () => {
    const team = await makeTeam(t.app, t.db);
    const buyer = await makePurchaser(t.app, t.db);
    const tag = uniq('全');
    const p = await makeProduct(buyer, { code: `${tag}-1`, listPrice: '500', costPrice: '320.00' });

    const one = await team.repSouth.get(`/api/v1/products/${p.id}`);
    expect(one.status).toBe(200);
    expect(one.body.listPrice).toBe('500.00');
    for (const key of COST_KEYS) expect(one.body).not.toHaveProperty(key);
    const list = (await team.repSouth.get(`/api/v1/products?q=${encodeURIComponent(tag)}`)).body.items;
    expect(list.map((i: { id: string }) => i.id)).toEqual([p.id]);
    for (const key of COST_KEYS) expect(list[0]).not.toHaveProperty(key);
    // Nor in the history of a cost change.
    await buyer.patch(`/api/v1/products/${p.id}`, { version: 1, costPrice: '330.00' });
    const history = (await team.repSouth.get(`/api/v1/products/${p.id}/history`)).body.items;
    expect(history.some((h: { field: string | null }) => h.field === 'cost_price')).toBe(false);
    expect((await buyer.get(`/api/v1/products/${p.id}/history`)).body.items.map((h: { field: string }) => h.field)).toContain('cost_price');

    // Managers and the director see costs; purchasing does too.
    for (const client of [team.eastManager, team.director, buyer]) {
      const seen = (await client.get(`/api/v1/products/${p.id}`)).body;
      expect(seen).toMatchObject({ costPrice: '330.00', grossMargin: '170.00', grossMarginRate: '34.00' });
    }

    expect((await team.repA.post('/api/v1/products', { code: uniq('r'), name: 'x', unit: '台', listPrice: 1 })).status).toBe(403);
    expect((await team.repA.patch(`/api/v1/products/${p.id}`, { version: 2, name: 'x' })).status).toBe(403);
    expect((await team.repA.delete(`/api/v1/products/${p.id}`)).status).toBe(403);
    expect((await team.repA.post('/api/v1/product-categories', { name: uniq('c') })).status).toBe(403);
  });

  it('refuse a cost price from someone who may not see costs, and hide it from their answers', async () => {
    const clerk = await makeCatalogueClerk(t.app, t.db);
    const refused = await clerk.post('/api/v1/products', { code: uniq('k'), name: '无成本权限', unit: '套', listPrice: 10, costPrice: 5 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({ costPrice: '您没有查看成本的权限，不能填写成本价' });
    const ok = await makeProduct(clerk, { listPrice: 10 });
    for (const key of COST_KEYS) expect(ok).not.toHaveProperty(key);
    // The 409 of a stale edit carries the current product: without costs too.
    await clerk.patch(`/api/v1/products/${ok.id}`, { version: 1, name: uniq('改') });
    const stale = await clerk.patch(`/api/v1/products/${ok.id}`, { version: 1, name: uniq('改') });
    expect(stale.status).toBe(409);
    for (const key of COST_KEYS) expect(stale.body.error.current).not.toHaveProperty(key);
  });

  it('gives a margin rate only where there is a list price, and none without a cost', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    expect(await makeProduct(buyer, { listPrice: '0', costPrice: '5' })).toMatchObject({ grossMargin: '-5.00', grossMarginRate: null });
    expect(await makeProduct(buyer, { listPrice: '3', costPrice: null })).toMatchObject({
      costPrice: null,
      grossMargin: null,
      grossMarginRate: null,
    });
    expect(await makeProduct(buyer, { listPrice: '3.00', costPrice: '1.00' })).toMatchObject({ grossMarginRate: '66.67' });
  });
});
