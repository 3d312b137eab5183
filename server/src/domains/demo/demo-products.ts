import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

// Q1 demo catalogue: what a sales team selling to mother-and-baby stores would quote — milk powder
// and supplements (13% VAT), promotion services and store software (6%), and two bundles.

type Line = [code: string, name: string, spec: string | null, unit: string, list: string, cost: string | null, tax: string];

const CATALOGUE: [category: string, parent: string | null, lines: Line[]][] = [
  ['奶粉/营养品', null, []],
  [
    '婴幼儿奶粉',
    '奶粉/营养品',
    [
      ['NF-001', '金装婴幼儿配方奶粉 1 段', '800g/罐', '罐', '328.00', '196.00', '13'],
      ['NF-002', '金装婴幼儿配方奶粉 2 段', '800g/罐', '罐', '318.00', '190.00', '13'],
      ['NF-003', '金装婴幼儿配方奶粉 3 段', '800g/罐', '罐', '298.00', '176.50', '13'],
      ['NF-100', '金装 3 段整箱装', '800g×6 罐', '箱', '1680.00', '1059.00', '13'],
      ['NF-009', '经典版婴幼儿奶粉 3 段（已停产）', '900g/罐', '罐', '268.00', '158.00', '13'],
    ],
  ],
  [
    '成人营养品',
    '奶粉/营养品',
    [
      ['NF-010', '中老年高钙营养奶粉', '900g/罐', '罐', '168.00', '92.00', '13'],
      ['YY-001', '乳清蛋白粉', '454g/桶', '桶', '259.00', '138.00', '13'],
      ['YY-002', '儿童复合维生素软糖', '60 粒/瓶', '瓶', '89.00', '41.30', '13'],
    ],
  ],
  [
    '推广服务',
    null,
    [
      ['TG-001', '母婴门店陈列推广', '30 天/店', '店', '1500.00', '900.00', '6'],
      ['TG-002', '社群团购活动策划执行', '单场', '场', '8000.00', '4800.00', '6'],
      ['TG-003', '直播带货坑位', '单场 2 小时', '场', '20000.00', '12000.00', '6'],
      ['TG-004', '育儿讲座进社区', '单场', '场', '3500.00', '1800.00', '6'],
    ],
  ],
  [
    '软件服务',
    null,
    [
      ['RJ-001', '门店会员管理系统 标准版', '5 家门店', '年', '9800.00', '2200.00', '6'],
      ['RJ-002', '会员系统实施服务', '上门实施', '人天', '1500.00', '800.00', '6'],
      ['RJ-003', '小程序商城 SaaS 订阅', '不限商品数', '年', '6800.00', '1500.00', '6'],
      ['RJ-004', '收银扫码枪', '有线 USB', '台', '299.00', '180.00', '13'],
    ],
  ],
];

/** Bundles: their lines at the bundle's own prices; the list price is their sum, as the service keeps it. */
const BUNDLES: [code: string, name: string, spec: string, category: string, lines: [code: string, qty: string, price: string][]][] = [
  [
    'TC-001',
    '新店开业推广套餐',
    '陈列 3 店 + 整箱奶粉 2 箱 + 讲座 1 场',
    '推广服务',
    [
      ['TG-001', '3', '1300.00'],
      ['NF-100', '2', '1600.00'],
      ['TG-004', '1', '3000.00'],
    ],
  ],
  [
    'TC-002',
    '门店数字化套餐',
    '会员系统 1 年 + 实施 2 人天 + 扫码枪 2 台',
    '软件服务',
    [
      ['RJ-001', '1', '8800.00'],
      ['RJ-002', '2', '1200.00'],
      ['RJ-004', '2', '260.00'],
    ],
  ],
];

/** The catalogue as the purchasing colleague entered it: categories, products, bundles and their 'create' history. */
export async function seedDemoProducts(trx: Db, buyer: { id: string; dept: string }) {
  const stamp = { owner_id: buyer.id, owner_dept_id: buyer.dept, created_by: buyer.id, updated_by: buyer.id };
  const categories = new Map<string, string>();
  for (const [i, [name, parent]] of CATALOGUE.entries()) {
    const row = await trx
      .insertInto('product_categories')
      .values({
        name,
        parent_id: parent ? (categories.get(parent) ?? null) : null,
        sort_order: i * 10,
        created_by: buyer.id,
        updated_by: buyer.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    categories.set(name, row.id);
  }
  const products = CATALOGUE.flatMap(([category, , lines]) =>
    lines.map(([code, name, specification, unit, list, cost, tax]) => ({
      ...stamp,
      code,
      name,
      specification,
      unit,
      category_id: categories.get(category) ?? null,
      list_price: list,
      cost_price: cost,
      tax_rate: tax,
      active: code !== 'NF-009',
    })),
  );
  const ids = new Map(
    (await trx.insertInto('products').values(products).returning(['id', 'code']).execute()).map((p) => [p.code, p.id] as const),
  );
  for (const [code, name, specification, category, lines] of BUNDLES) {
    const bundle = await trx
      .insertInto('products')
      .values({
        ...stamp,
        code,
        name,
        specification,
        unit: '套',
        kind: 'bundle',
        category_id: categories.get(category) ?? null,
        list_price: '0',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('product_bundle_items')
      .values(
        lines.map(([part, quantity, price], position) => ({
          bundle_id: bundle.id,
          product_id: ids.get(part) as string,
          position,
          quantity,
          unit_price: price,
        })),
      )
      .execute();
  }
  await sql`UPDATE products b SET list_price = (SELECT sum(round(i.quantity * i.unit_price, 2)) FROM product_bundle_items i WHERE i.bundle_id = b.id)
             WHERE b.kind = 'bundle'`.execute(trx);
  await sql`INSERT INTO record_history (entity, record_id, action, actor_id, at)
            SELECT 'product', id, 'create', created_by, created_at FROM products`.execute(trx);
}
