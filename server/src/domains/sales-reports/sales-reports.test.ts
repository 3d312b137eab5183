import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Line = { productId: string; quantity: string; discount?: string };

async function category(name: string, parentId: string | null = null) {
  const row = await t.db.insertInto('product_categories').values({ name, parent_id: parentId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
async function product(ownerId: string, categoryId: string, listPrice: string, name: string) {
  const row = await t.db
    .insertInto('products')
    .values({ owner_id: ownerId, created_by: ownerId, code: uniq('P-'), name, unit: '箱', list_price: listPrice, category_id: categoryId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function customer(rep: Client, region: string) {
  const id = (await rep.post('/api/v1/customers', { name: uniq('商超') })).body.id as string;
  await t.db.updateTable('customers').set({ region }).where('id', '=', id).execute();
  return id;
}
async function contract(
  rep: Client,
  customerId: string,
  lines: Line[],
  signDate: string,
  status: 'effective' | 'draft' = 'effective',
  wholeDiscount = '0',
) {
  const c = await rep.post('/api/v1/contracts', { customerId, lines, wholeDiscount });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  await t.db.updateTable('contracts').set({ status, sign_date: signDate }).where('id', '=', c.body.id).execute();
  return c.body.id as string;
}
async function order(
  rep: Client,
  customerId: string,
  lines: Line[],
  orderDate: string,
  status: 'confirmed' | 'draft' = 'confirmed',
  contractId?: string,
) {
  const o = await rep.post('/api/v1/orders', {
    customerId,
    orderDate,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, requiredDate: orderDate })),
    ...(contractId ? { contractId } : {}),
  });
  expect(o.status, JSON.stringify(o.body)).toBe(201);
  await t.db.updateTable('orders').set({ status }).where('id', '=', o.body.id).execute();
}
/** An effective amendment (补充协议) adding a line, as the approval engine's onApproved writes it. */
async function amendment(contractId: string, productId: string, quantity: string, unitPrice: string) {
  await t.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('crm.amending', 'on', true)`.execute(trx);
    const amount = (Number(quantity) * Number(unitPrice)).toFixed(2);
    const a = await sql<{ id: string }>`
      INSERT INTO contract_amendments (contract_id, number, title, reason, status, amount_change)
      VALUES (${contractId}, ${uniq('BC-')}, '增补', '客户加购', 'effective', ${amount}) RETURNING id`.execute(trx);
    await sql`
      INSERT INTO contract_lines (contract_id, amendment_id, position, product_id, code, name, unit, quantity, list_price, unit_price,
                                  discount, amount, tax_rate, tax_amount, effective_discount)
      SELECT ${contractId}, ${a.rows[0].id}, 99, id, code, name, unit, ${quantity}, list_price, ${unitPrice}, 0, ${amount}, 13, 0, 0
        FROM products WHERE id = ${productId}`.execute(trx);
  });
}

/**
 * The fixture, figures by hand. Period 2026-03-01 … 03-31 (31 days); previous 2026-01-29 … 02-28.
 *   奶粉 (K) ⊃ 婴儿奶粉 (K1). P1 list 100 (K1); P2 list 50, P3 list 200, P4 list 10 (K).
 *   C1  rep A, customer X (华东), 03-10, whole discount 10 %: P1 10 × 100 at 20 % off = 800 → 720;
 *       P2 4 × 50 = 200 → 180.                                  list 1,000 and 200
 *   C2  rep 华南, customer Y (华南), 03-20: P1 5 × 100 = 500, + amendment P1 2 × 100 = 200.  list 700
 *   O1  rep A, customer Y, 03-05, confirmed, no contract: P2 6 × 45 = 270.                  list 300
 *   C3  rep A, customer X, 02-10 (previous period): P4 10 × 10 = 100, P2 2 × 50 = 100.
 *   Not counted: a draft contract, a draft order, an order placed against C1 (C1 counts it).
 * Current: P1 720 + 500 + 200 = 1,420 (17); P2 180 + 270 = 450 (10); total 1,870.
 */
async function fixture() {
  const team = await makeTeam(t.app, t.db);
  const k = await category(uniq('奶粉'));
  const k1 = await category(uniq('婴儿奶粉'), k);
  const owner = team.repA.userId;
  const [p1, p2, p3, p4] = [
    await product(owner, k1, '100.00', '婴儿奶粉一段'),
    await product(owner, k, '50.00', '成人奶粉'),
    await product(owner, k, '200.00', '羊奶粉'),
    await product(owner, k, '10.00', '奶粉试用装'),
  ];
  const x = await customer(team.repA, '华东');
  const y = await customer(team.repSouth, '华南');
  const yA = await customer(team.repA, '华南');
  const c1 = await contract(
    team.repA,
    x,
    [
      { productId: p1, quantity: '10', discount: '20' },
      { productId: p2, quantity: '4' },
    ],
    '2026-03-10',
    'effective',
    '10',
  );
  const c2 = await contract(team.repSouth, y, [{ productId: p1, quantity: '5' }], '2026-03-20');
  await amendment(c2, p1, '2', '100.00');
  await order(team.repA, yA, [{ productId: p2, quantity: '6' }], '2026-03-05');
  await t.db.updateTable('order_lines').set({ unit_price: '45.00', amount: '270.00' }).where('product_id', '=', p2).execute();
  await contract(
    team.repA,
    x,
    [
      { productId: p4, quantity: '10' },
      { productId: p2, quantity: '2' },
    ],
    '2026-02-10',
  );
  await contract(team.repA, x, [{ productId: p3, quantity: '50' }], '2026-03-12', 'draft');
  await order(team.repA, x, [{ productId: p1, quantity: '100' }], '2026-03-12', 'draft');
  await order(team.repA, x, [{ productId: p1, quantity: '1' }], '2026-03-12', 'confirmed', c1);
  return { team, k, k1, p1, p2, p3, p4, x, y, yA, query: `from=2026-03-01&to=2026-03-31&category=${k}` };
}

let f: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  f = await fixture();
});

const get = async (who: Client, path: string) => {
  const res = await who.get(`/api/v1/reports/product-sales/${path}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('product shares (T5)', () => {
  it('shares the sales of effective contract lines (amendments included) and confirmed orders without a contract', async () => {
    const r = await get(f.team.director, `shares?${f.query}`);
    expect(r).toMatchObject({ from: '2026-03-01', to: '2026-03-31', total: '1870.00' });
    expect(
      r.products.map((p: { productId: string; quantity: string; amount: string; share: number }) => [
        p.productId,
        p.quantity,
        p.amount,
        p.share,
      ]),
    ).toEqual([
      [f.p1, '17', '1420.00', 75.9],
      [f.p2, '10', '450.00', 24.1],
    ]);
    expect(
      r.categories.map((c: { categoryId: string; parentId: string | null; amount: string; share: number; products: number }) => [
        c.categoryId,
        c.parentId,
        c.amount,
        c.share,
        c.products,
      ]),
    ).toEqual([
      [f.k1, f.k, '1420.00', 75.9, 1],
      [f.k, null, '450.00', 24.1, 1],
    ]);
  });

  it('gives a rep his own sales only: 720 + 450 = 1,170', async () => {
    const r = await get(f.team.repA, `shares?${f.query}`);
    expect(r.total).toBe('1170.00');
    expect(r.products.map((p: { amount: string; share: number }) => [p.amount, p.share])).toEqual([
      ['720.00', 61.5],
      ['450.00', 38.5],
    ]);
  });

  it('narrows to a sub-category', async () => {
    const r = await get(f.team.director, `shares?from=2026-03-01&to=2026-03-31&category=${f.k1}`);
    expect(r.total).toBe('1420.00');
    expect(r.products).toHaveLength(1);
  });

  it('answers a bad period with a 400 naming the field', async () => {
    const res = await f.team.director.get(`/api/v1/reports/product-sales/shares?from=2026-03-31&to=2026-03-01`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.to).toBeTruthy();
  });

  it('downloads the same figures as CSV', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/product-sales/shares?${f.query}&format=csv`,
      headers: { cookie: f.team.director.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('婴儿奶粉一段');
    expect(res.body).toContain('1420.00');
  });
});

describe('best and slow sellers (T5)', () => {
  it('ranks best sellers and lists slow ones (no sales first, the biggest fall first) against the previous 31 days', async () => {
    const r = await get(f.team.director, `trend?${f.query}`);
    expect(r).toMatchObject({ previousFrom: '2026-01-29', previousTo: '2026-02-28' });
    const row = (i: { productId: string; amount: string; previousAmount: string; change: string; changePercent: number | null }) => [
      i.productId,
      i.amount,
      i.previousAmount,
      i.change,
      i.changePercent,
    ];
    expect(r.best.map(row)).toEqual([
      [f.p1, '1420.00', '0.00', '1420.00', null],
      [f.p2, '450.00', '100.00', '350.00', 350],
    ]);
    expect(r.slow.map(row)).toEqual([
      [f.p4, '0.00', '100.00', '-100.00', -100],
      [f.p3, '0.00', '0.00', '0.00', null],
    ]);
  });
});

describe('price-change candidates (T5, seed 004)', () => {
  type Item = {
    productId: string;
    customerId: string | null;
    region: string | null;
    listAmount: string;
    amount: string;
    discount: number | null;
    productDiscount: number | null;
    room: string;
    previousAmount: string;
    changePercent: number | null;
    reasons: string[];
  };
  const row = (i: Item) => [
    i.productId,
    i.customerId,
    i.region,
    i.listAmount,
    i.amount,
    i.discount,
    i.productDiscount,
    i.room,
    i.changePercent,
    i.reasons,
  ];

  it('lists per customer what sold 10 % or more under the list, or fell 30 % or more, most room first', async () => {
    const r = await get(f.team.director, `price-candidates?${f.query}`);
    // P1 × X: 720 of 1,000 = 28 % off (P1 overall 1,420 of 1,700 = 16.47 % off); P2 × Y's rep A customer 270 of 300 and
    // P2 × X 180 of 200 are exactly 10 % off; P4 × X sold 100 before and nothing now. P1 × Y at list price is no candidate.
    expect(r.total).toBe(4);
    expect(r.items.map(row)).toEqual([
      [f.p1, f.x, '华东', '1000.00', '720.00', 28, 16.47, '280.00', null, ['discount']],
      [f.p2, f.yA, '华南', '300.00', '270.00', 10, 10, '30.00', null, ['discount']],
      [f.p2, f.x, '华东', '200.00', '180.00', 10, 10, '20.00', 80, ['discount']],
      [f.p4, f.x, '华东', '0.00', '0.00', null, null, '0.00', -100, ['fell']],
    ]);
    const deeper = await get(f.team.director, `price-candidates?${f.query}&minDiscount=15`);
    expect(deeper.items.map((i: Item) => i.productId)).toEqual([f.p1, f.p4]);
  });

  it('groups by region on request', async () => {
    const r = await get(f.team.director, `price-candidates?${f.query}&groupBy=region`);
    expect(r.items.map((i: Item) => [i.productId, i.region, i.listAmount, i.amount, i.room])).toEqual([
      [f.p1, '华东', '1000.00', '720.00', '280.00'],
      [f.p2, '华南', '300.00', '270.00', '30.00'],
      [f.p2, '华东', '200.00', '180.00', '20.00'],
      [f.p4, '华东', '0.00', '0.00', '0.00'],
    ]);
    expect(r.items.every((i: Item) => i.customerId === null)).toBe(true);
  });

  it('keeps a rep to his own customers', async () => {
    const r = await get(f.team.repSouth, `price-candidates?${f.query}`);
    expect(r.total).toBe(0);
  });
});
