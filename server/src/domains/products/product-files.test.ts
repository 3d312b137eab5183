import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRep, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { runImport, uploadImport } from '../imports/import-test-steps.js';
import { makeCatalogueClerk, makeCategory, makeProduct, makePurchaser } from './product-test-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function csv(client: Client, query: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/exports/products?format=csv&${query}`,
    headers: { cookie: client.cookie },
  });
  return {
    status: res.statusCode,
    rows: res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n'),
  };
}

describe('product export (Q1)', () => {
  it('writes the catalogue as filtered, with cost and margin columns only for those who may see costs', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const clerk = await makeCatalogueClerk(t.app, t.db);
    const tag = uniq('导');
    const category = await makeCategory(buyer, { name: `${tag}推广服务` });
    await makeProduct(buyer, {
      code: `${tag}-01`,
      name: '朋友圈广告投放',
      specification: '10 万曝光',
      unit: '次',
      categoryId: category.id,
      listPrice: '12000',
      costPrice: '7500.5',
      taxRate: 6,
    });
    await makeProduct(buyer, { code: `${tag}-02`, name: '停用的', active: false });
    const query = `q=${encodeURIComponent(tag)}&active=true`;

    const mine = await csv(buyer, query);
    expect(mine.status).toBe(200);
    expect(mine.rows[0]).toBe(
      '产品编码,产品名称,规格型号,单位,类型,产品分类,标准售价,成本价,毛利,毛利率(%),税率(%),启用,产品说明,创建时间,最近更新',
    );
    expect(mine.rows).toHaveLength(2);
    expect(mine.rows[1]).toMatch(
      new RegExp(`^${tag}-01,朋友圈广告投放,10 万曝光,次,产品,${tag}推广服务,12000.00,7500.50,4499.50,37.50,6.00,是,,`),
    );

    const theirs = await csv(clerk, query);
    expect(theirs.rows[0]).toBe('产品编码,产品名称,规格型号,单位,类型,产品分类,标准售价,税率(%),启用,产品说明,创建时间,最近更新');
    expect(theirs.rows[1]).not.toContain('7500.50');
    // A rep reads the catalogue but has no export permission.
    expect((await csv(await makeRep(t.app, t.db), query)).status).toBe(403);
  });
});

describe('product import (Q1)', () => {
  it('reads plain products with their category by name and refuses codes already taken', async () => {
    const buyer = await makePurchaser(t.app, t.db);
    const tag = uniq('入');
    const category = await makeCategory(buyer, { name: `${tag}软件服务` });
    await makeProduct(buyer, { code: `${tag}-OLD` });
    const file = [
      '产品编码,产品名称,规格型号,单位,产品分类,标准售价,成本价,税率(%),启用,产品说明',
      `${tag}-1,CRM 标准版年费,10 用户,年,${tag}软件服务,"¥9,800.00",1200,6%,是,含培训`,
      `${tag}-2,实施服务,,人天,,1500,,,否,`,
      `${tag}-OLD,重复编码,,台,,1,,,,`,
      `${tag}-3,没有的分类,,台,不存在的分类,1,,,,`,
      `${tag}-1,文件里重复,,台,,1,,,,`,
      `${tag}-4,税率太高,,台,,1,,120,,`,
    ].join('\r\n');
    const up = await uploadImport(buyer, 'products', '产品.csv', `\uFEFF${file}`);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.suggestedMapping).toEqual([
      'code',
      'name',
      'specification',
      'unit',
      'categoryId',
      'listPrice',
      'costPrice',
      'taxRate',
      'active',
      'description',
    ]);
    const done = await runImport(buyer, up.body.id, { mapping: up.body.suggestedMapping });
    expect(done).toMatchObject({ status: 'done', okRows: 2, errorRows: 4 });
    const errors = (await buyer.get(`/api/v1/imports/${up.body.id}/errors`)).body.items.map((e: { message: string }) => e.message);
    expect(errors).toEqual([
      '产品编码：系统里已有，未导入',
      '产品分类：找不到这个产品分类',
      '产品编码：和文件里前面的行重复，未导入',
      '税率(%)：请输入 0–100 之间的数，最多两位小数',
    ]);
    const items = (await buyer.get(`/api/v1/products?q=${encodeURIComponent(`${tag}-`)}&sort=code`)).body.items;
    expect(items.map((i: { code: string }) => i.code)).toEqual([`${tag}-1`, `${tag}-2`, `${tag}-OLD`]);
    expect(items[0]).toMatchObject({
      name: 'CRM 标准版年费',
      unit: '年',
      categoryId: category.id,
      listPrice: '9800.00',
      costPrice: '1200.00',
      taxRate: '6.00',
      active: true,
      description: '含培训',
      ownerId: buyer.userId,
    });
    expect(items[1]).toMatchObject({ taxRate: '13.00', active: false, costPrice: null, categoryId: null });
    const history = (await buyer.get(`/api/v1/products/${items[0].id}/history`)).body.items;
    expect(history[0].action).toBe('import');
  });

  it('refuses a cost price from an importer who may not see costs', async () => {
    const clerk = await makeCatalogueClerk(t.app, t.db);
    const tag = uniq('本');
    const file = ['产品编码,产品名称,单位,标准售价,成本价', `${tag}-1,有成本,台,100,60`, `${tag}-2,没成本,台,100,`].join('\r\n');
    const up = await uploadImport(clerk, 'products', '产品.csv', file);
    const done = await runImport(clerk, up.body.id, { mapping: up.body.suggestedMapping });
    expect(done).toMatchObject({ okRows: 1, errorRows: 1 });
    const errors = (await clerk.get(`/api/v1/imports/${up.body.id}/errors`)).body.items;
    expect(errors[0].message).toBe('成本价：您没有查看成本的权限，不能填写成本价');
    const saved = await t.db.selectFrom('products').select(['code', 'cost_price']).where('code', 'like', `${tag}-%`).execute();
    expect(saved).toEqual([{ code: `${tag}-2`, cost_price: null }]);
  });
});
