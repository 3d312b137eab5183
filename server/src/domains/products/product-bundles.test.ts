import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRep, uniq } from '../../test/factories.js';
import type { Client } from '../../test/test-app.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { expandProduct } from './public.js';
import { makeProduct, makePurchaser } from './product-test-steps.js';
import { SYSTEM_ACTOR } from '../../platform/access/actor.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A machine (13% VAT) and a year of service (6%), and a bundle of two machines and the service at the bundle's prices. */
async function starterKit(buyer: Client) {
  const machine = await makeProduct(buyer, { name: '智能终端', unit: '台', listPrice: '1399.00', costPrice: '900.10', taxRate: 13 });
  const service = await makeProduct(buyer, { name: '运维服务', unit: '年', listPrice: '2000.00', costPrice: '300.00', taxRate: '6' });
  const res = await buyer.post('/api/v1/products', {
    kind: 'bundle',
    code: uniq('TC-'),
    name: '门店启动套餐',
    unit: '套',
    components: [
      { productId: machine.id, quantity: 2, unitPrice: '1299.50' },
      { productId: service.id, quantity: '1', unitPrice: '1599.99' },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { machine, service, bundle: res.body };
}

describe('bundles (套餐, Q1)', () => {
  it('cost their lines: the list price is the exact sum of quantity × the bundle’s unit price', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const { machine, service, bundle } = await starterKit(buyer);
    expect(bundle).toMatchObject({
      kind: 'bundle',
      listPrice: '4198.99',
      // 2 × 900.10 + 300.00
      costPrice: '2100.20',
      grossMargin: '2098.79',
      grossMarginRate: '49.98',
    });
    expect(bundle.components).toEqual([
      expect.objectContaining({
        productId: machine.id,
        code: machine.code,
        unit: '台',
        quantity: '2.00',
        unitPrice: '1299.50',
        amount: '2599.00',
        active: true,
      }),
      expect.objectContaining({ productId: service.id, quantity: '1.00', unitPrice: '1599.99', amount: '1599.99' }),
    ]);
  });

  it('expand into their lines for a quote, times the quantity, each at its own tax rate; a plain product into itself', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const rep = await makeRep(t.app, t.db);
    const { machine, service, bundle } = await starterKit(buyer);
    const lines = (await buyer.get(`/api/v1/products/${bundle.id}/expand?quantity=3`)).body.items;
    expect(lines).toEqual([
      {
        productId: machine.id,
        code: machine.code,
        name: '智能终端',
        specification: null,
        unit: '台',
        quantity: '6.00',
        unitPrice: '1299.50',
        taxRate: '13.00',
        costPrice: '900.10',
      },
      {
        productId: service.id,
        code: service.code,
        name: '运维服务',
        specification: null,
        unit: '年',
        quantity: '3.00',
        unitPrice: '1599.99',
        taxRate: '6.00',
        costPrice: '300.00',
      },
    ]);
    const repLines = (await rep.get(`/api/v1/products/${bundle.id}/expand?quantity=1.5`)).body.items;
    expect(repLines.map((l: { quantity: string }) => l.quantity)).toEqual(['3.00', '1.50']);
    for (const line of repLines) expect(line).not.toHaveProperty('costPrice');
    expect((await rep.get(`/api/v1/products/${machine.id}/expand`)).body.items).toEqual([
      {
        productId: machine.id,
        code: machine.code,
        name: '智能终端',
        specification: null,
        unit: '台',
        quantity: '1.00',
        unitPrice: '1399.00',
        taxRate: '13.00',
      },
    ]);
    expect((await rep.get(`/api/v1/products/${machine.id}/expand?quantity=0`)).status).toBe(400);
    // The same through the public function the quotes domain calls.
    const direct = await expandProduct(t.db, SYSTEM_ACTOR, bundle.id, '2');
    expect(direct.map((l) => [l.quantity, l.unitPrice, l.costPrice])).toEqual([
      ['4.00', '1299.50', '900.10'],
      ['2.00', '1599.99', '300.00'],
    ]);
  });

  it('hold plain products only: not another bundle, not themselves, not the same product twice', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const { machine, bundle } = await starterKit(buyer);
    const nested = await buyer.post('/api/v1/products', {
      kind: 'bundle',
      code: uniq('TC-'),
      name: '套中套',
      unit: '套',
      components: [{ productId: bundle.id, quantity: 1, unitPrice: '1.00' }],
    });
    expect(nested.status).toBe(400);
    expect(nested.body.error.fields).toEqual({ 'components.0.productId': '套餐里只能放普通产品，不能放套餐或它自己' });
    const twice = await buyer.post('/api/v1/products', {
      kind: 'bundle',
      code: uniq('TC-'),
      name: '重复',
      unit: '套',
      components: [
        { productId: machine.id, quantity: 1, unitPrice: '1.00' },
        { productId: machine.id, quantity: 1, unitPrice: '2.00' },
      ],
    });
    expect(twice.body.error.fields).toEqual({ 'components.1.productId': '已存在' });
    const self = await buyer.patch(`/api/v1/products/${bundle.id}`, {
      version: bundle.version,
      components: [{ productId: bundle.id, quantity: 1, unitPrice: '1.00' }],
    });
    expect(self.status).toBe(400);
    const empty = await buyer.post('/api/v1/products', { kind: 'bundle', code: uniq('TC-'), name: '空', unit: '套', components: [] });
    expect(empty.body.error.fields).toEqual({ components: '必填' });
    const priced = await buyer.post('/api/v1/products', {
      kind: 'bundle',
      code: uniq('TC-'),
      name: '自定价',
      unit: '套',
      listPrice: '10',
      components: [{ productId: machine.id, quantity: 1, unitPrice: '1.00' }],
    });
    expect(priced.body.error.fields).toEqual({ listPrice: '套餐的标准售价按明细自动合计，不用填' });
    const productWithLines = await buyer.patch(`/api/v1/products/${machine.id}`, {
      version: 1,
      components: [{ productId: machine.id, quantity: 1, unitPrice: '1.00' }],
    });
    expect(productWithLines.status).toBe(400);
  });

  it('change their lines as a new version with history, and their price with them', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const { machine, bundle } = await starterKit(buyer);
    const res = await buyer.patch(`/api/v1/products/${bundle.id}`, {
      version: 1,
      components: [{ productId: machine.id, quantity: '3', unitPrice: '0.01' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ listPrice: '0.03', version: 2 });
    expect(res.body.components).toHaveLength(1);
    const history = (await buyer.get(`/api/v1/products/${bundle.id}/history`)).body.items;
    const lines = history.find((h: { field: string }) => h.field === 'components');
    expect(lines.newValue).toEqual([`${machine.code} × 3.00 @ 0.01`]);
    // Same lines again: nothing changes, no new version.
    const same = await buyer.patch(`/api/v1/products/${bundle.id}`, {
      version: 2,
      components: [{ productId: machine.id, quantity: 3, unitPrice: '0.01' }],
    });
    expect(same.body.version).toBe(2);
    // Only the unit price changes, the total stays: still a new version.
    const reprice = await buyer.patch(`/api/v1/products/${bundle.id}`, {
      version: 2,
      components: [{ productId: machine.id, quantity: 1, unitPrice: '0.03' }],
    });
    expect(reprice.body).toMatchObject({ listPrice: '0.03', version: 3 });
  });

  it('keep their products: one in a live bundle is not deleted (409 naming the bundle)', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const { machine, bundle } = await starterKit(buyer);
    const res = await buyer.delete(`/api/v1/products/${machine.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PRODUCT_IN_BUNDLE');
    expect(res.body.error.message).toContain('门店启动套餐');
    await buyer.delete(`/api/v1/products/${bundle.id}`);
    expect((await buyer.delete(`/api/v1/products/${machine.id}`)).status).toBe(200);
  });
});
