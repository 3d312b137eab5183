import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestApp, type TestApp } from '../../test/test-app.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('demo catalogue (Q1)', () => {
  it('gives purchasing a catalogue with categories, costs and two bundles priced by their lines; reps see no costs', async () => {
    const { password } = await seedDemo(t.db, { customers: 10 });
    const buyer = await login(t.app, 'xu.buyer', password);
    const all = (await buyer.get('/api/v1/products?pageSize=100')).body;
    expect(all.total).toBeGreaterThanOrEqual(15);
    const bundles = (await buyer.get('/api/v1/products?kind=bundle')).body.items;
    expect(bundles.map((b: { code: string; listPrice: string }) => [b.code, b.listPrice])).toEqual([
      ['TC-001', '10100.00'],
      ['TC-002', '11720.00'],
    ]);
    expect(bundles[1]).toMatchObject({ costPrice: '4160.00', grossMargin: '7560.00', grossMarginRate: '64.51' });
    const names = (await buyer.get('/api/v1/product-categories')).body.items.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['奶粉/营养品', '婴幼儿奶粉', '推广服务', '软件服务']));
    const rep = await login(t.app, 'zhou.sh1', password);
    expect((await rep.get(`/api/v1/products/${bundles[0].id}`)).body).not.toHaveProperty('costPrice');
  });
});
