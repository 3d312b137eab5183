import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeTeam, uniq } from '../../test/factories.js';
import { makeProduct } from '../../test/quote-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
  finance = await makeClient(t.app, t.db, { role: 'finance' });
});
afterAll(() => t.close());

type Line = { productId: string; quantity: string };

/** An effective contract drafted through the API (lines priced from the catalogue), made effective in SQL. */
async function effectiveContract(rep: Client, customerId: string, lines: Line[], signDate = '2026-01-15') {
  const c = await rep.post('/api/v1/contracts', { customerId, lines });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  await t.db.updateTable('contracts').set({ status: 'effective', sign_date: signDate }).where('id', '=', c.body.id).execute();
  return c.body as { id: string; amount: string };
}

async function customerOf(rep: Client) {
  return (await rep.post('/api/v1/customers', { name: uniq('利润客户') })).body.id as string;
}

async function plan(rep: Client, contractId: string, instalments: { dueDate: string; amount: string }[]) {
  const res = await rep.request('PUT', `/api/v1/contracts/${contractId}/payment-plan`, { instalments });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.instalments as { id: string; dueDate: string; amount: string }[];
}

/** An expense claim straight in the table (the expenses service is built elsewhere). */
async function expense(
  owner: { userId: string },
  customerId: string,
  amount: string,
  status: 'draft' | 'in_approval' | 'approved' | 'rejected',
  contractId: string | null = null,
  spentOn = '2026-02-01',
) {
  const user = await t.db.selectFrom('users').select('department_id').where('id', '=', owner.userId).executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: string }>`
    INSERT INTO expenses (owner_id, owner_dept_id, created_by, number, customer_id, contract_id, category, amount, spent_on, description, status)
    VALUES (${owner.userId}, ${user.department_id}, ${owner.userId}, ${uniq('FY-')}, ${customerId}, ${contractId}, 'entertainment',
            ${amount}, ${spentOn}, '招待', ${status})
    RETURNING id`.execute(t.db);
  return rows[0].id;
}

/** An effective amendment (补充协议) adding lines, as the approval engine's onApproved writes it. */
async function effectiveAmendment(contractId: string, productId: string, quantity: string, unitPrice: string, costPrice: string) {
  await t.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('crm.amending', 'on', true)`.execute(trx);
    const amount = (Number(quantity) * Number(unitPrice)).toFixed(2);
    const a = await sql<{ id: string }>`
      INSERT INTO contract_amendments (contract_id, number, title, reason, status, amount_change)
      VALUES (${contractId}, ${uniq('BC-')}, '增补', '客户加购', 'draft', ${amount}) RETURNING id`.execute(trx);
    const p = await trx.selectFrom('products').selectAll().where('id', '=', productId).executeTakeFirstOrThrow();
    await sql`
      INSERT INTO contract_lines (contract_id, amendment_id, position, product_id, code, name, unit, quantity, list_price, unit_price,
                                  discount, amount, tax_rate, tax_amount, effective_discount, cost_price)
      VALUES (${contractId}, ${a.rows[0].id}, 99, ${productId}, ${p.code}, ${p.name}, ${p.unit}, ${quantity}, ${unitPrice}, ${unitPrice},
              0, ${amount}, 13, 0, 0, ${costPrice})`.execute(trx);
    await sql`UPDATE contract_amendments SET status = 'effective', effective_at = now() WHERE id = ${a.rows[0].id}`.execute(trx);
    await sql`UPDATE contracts SET amount = amount + ${amount}::numeric, version = version + 1 WHERE id = ${contractId}`.execute(trx);
  });
}

const aging = async (who: Client, query: string) => {
  const res = await who.get(`/api/v1/reports/receivables-aging?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const bucketsOf = (r: Record<string, string>) => [r.notDue, r.d0to30, r.d31to60, r.d61to90, r.over90, r.total];

describe('receivables aging (M1)', () => {
  it('puts each instalment in its bucket by days past due in Shanghai: due yesterday is 1 day overdue at 00:01', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const product = await makeProduct(t.db, { listPrice: '1500.00', costPrice: '1000.00', ownerId: admin.userId });
    const c = await effectiveContract(repA, await customerOf(repA), [{ productId: product, quantity: '1' }]);
    // As of 2026-06-01: due 06-01 not yet due; 05-31 1 day; 05-02 30 days; 05-01 31 days; 03-03 90 days; 03-02 91 days.
    await plan(repA, c.id, [
      { dueDate: '2026-03-02', amount: '100.00' },
      { dueDate: '2026-03-03', amount: '200.00' },
      { dueDate: '2026-05-01', amount: '300.00' },
      { dueDate: '2026-05-02', amount: '400.00' },
      { dueDate: '2026-05-31', amount: '450.00' },
      { dueDate: '2026-06-01', amount: '50.00' },
    ]);
    const row = async (query: string) =>
      (await aging(repA, `groupBy=owner&${query}`)).rows.find((r: { id: string }) => r.id === repA.userId) ?? null;

    const before = t.clock.now();
    try {
      t.clock.set('2026-05-31T16:01:00Z'); // 00:01 on 1 June in Shanghai, still 31 May in UTC
      expect(bucketsOf(await row(''))).toEqual(['50.00', '850.00', '300.00', '200.00', '100.00', '1500.00']);
      t.clock.set('2026-05-31T15:59:00Z'); // 23:59 on 31 May in Shanghai: 05-31 is due today, not yet overdue
      expect(bucketsOf(await row(''))).toEqual(['500.00', '700.00', '0.00', '300.00', '0.00', '1500.00']);
    } finally {
      t.clock.set(before);
    }
    // The as-of date picks the day whatever the clock says.
    expect(bucketsOf(await row('asOf=2026-06-01'))).toEqual(['50.00', '850.00', '300.00', '200.00', '100.00', '1500.00']);
    const res = await repA.get('/api/v1/reports/receivables-aging?asOf=2026-02-30');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.asOf).toBeTruthy();
  });

  it('counts partial payments, and as of a day only what was received and confirmed by its end', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const product = await makeProduct(t.db, { listPrice: '1000.00', ownerId: admin.userId });
    const c = await effectiveContract(repA, await customerOf(repA), [{ productId: product, quantity: '1' }]);
    const [first] = await plan(repA, c.id, [
      { dueDate: '2026-03-01', amount: '600.00' },
      { dueDate: '2026-04-01', amount: '400.00' },
    ]);
    const before = t.clock.now();
    try {
      t.clock.set('2026-03-20T02:00:00Z');
      const pay = await finance.post('/api/v1/payments', {
        contractId: c.id,
        receivedOn: '2026-03-20',
        amount: '250.25',
        method: 'bank_transfer',
        allocations: [{ instalmentId: first.id, amount: '250.25' }],
      });
      expect(pay.status, JSON.stringify(pay.body)).toBe(201);
      // The receivables domain stamps confirmed_at with the wall clock, not the app's clock: set the instant meant.
      await sql`UPDATE payments SET confirmed_at = '2026-03-20T02:00:00Z' WHERE id = ${pay.body.id}`.execute(t.db);
      // A rep's expected payment does not count until finance confirms it (on 25 March).
      const expected = await repA.post('/api/v1/payments', {
        contractId: c.id,
        receivedOn: '2026-03-21',
        amount: '100.00',
        method: 'cash',
      });
      expect(expected.status, JSON.stringify(expected.body)).toBe(201);
      const mine = async (query: string) =>
        (await aging(repA, `groupBy=customer&${query}`)).rows.map((r: Record<string, string>) => bucketsOf(r));
      expect(await mine('asOf=2026-03-22')).toEqual([['400.00', '349.75', '0.00', '0.00', '0.00', '749.75']]);
      t.clock.set('2026-03-25T02:00:00Z');
      expect((await finance.post(`/api/v1/payments/${expected.body.id}/confirm`, {})).status).toBe(200);
      await sql`UPDATE payments SET confirmed_at = '2026-03-25T02:00:00Z' WHERE id = ${expected.body.id}`.execute(t.db);
      expect(await mine('asOf=2026-03-25')).toEqual([['400.00', '249.75', '0.00', '0.00', '0.00', '649.75']]);
      // As of 24 March the confirmation had not happened; as of 19 March not even the first payment.
      expect(await mine('asOf=2026-03-24')).toEqual([['400.00', '349.75', '0.00', '0.00', '0.00', '749.75']]);
      expect(await mine('asOf=2026-03-19')).toEqual([['400.00', '600.00', '0.00', '0.00', '0.00', '1000.00']]);
    } finally {
      t.clock.set(before);
    }
  });

  it('is scoped like every list: a rep sees his own, the manager his departments rolled up, finance all', async () => {
    const { repA, repB, eastManager, departments } = await makeTeam(t.app, t.db);
    const product = await makeProduct(t.db, { listPrice: '300.00', ownerId: admin.userId });
    const a = await effectiveContract(repA, await customerOf(repA), [{ productId: product, quantity: '1' }]);
    const b = await effectiveContract(repB, await customerOf(repB), [{ productId: product, quantity: '2' }]);
    await plan(repA, a.id, [{ dueDate: '2026-01-31', amount: '300.00' }]);
    await plan(repB, b.id, [{ dueDate: '2026-01-31', amount: '600.00' }]);
    const owners = async (who: Client) =>
      (await aging(who, 'groupBy=owner&asOf=2026-02-10')).rows
        .filter((r: { id: string }) => [repA.userId, repB.userId].includes(r.id))
        .map((r: { id: string; total: string }) => [r.id === repA.userId ? 'A' : 'B', r.total])
        .sort();
    expect(await owners(repA)).toEqual([['A', '300.00']]);
    expect(await owners(repB)).toEqual([['B', '600.00']]);
    expect(await owners(eastManager)).toEqual([
      ['A', '300.00'],
      ['B', '600.00'],
    ]);
    expect(await owners(finance)).toEqual([
      ['A', '300.00'],
      ['B', '600.00'],
    ]);
    expect((await aging(repA, 'asOf=2026-02-10')).totals.d0to30).toBe('300.00');
    // Departments: 上海组 holds both reps; 华东 above it rolls them up; a rep sees no department rows.
    const depts = (await aging(eastManager, 'groupBy=department&asOf=2026-02-10')).rows;
    const byId = new Map(depts.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(departments.east)).toMatchObject({ total: '900.00', depth: 0 });
    expect(byId.get(departments.shanghai)).toMatchObject({ total: '900.00', depth: 1, parentId: departments.east });
    expect(byId.has(departments.south)).toBe(false);
    expect((await aging(repA, 'groupBy=department&asOf=2026-02-10')).rows).toEqual([]);
    // The file holds the same figures.
    const csv = await repA.get('/api/v1/reports/receivables-aging?asOf=2026-02-10&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('300.00');
  });
});

describe('receivables aging per customer, company-wide (0052)', () => {
  it('ranks customers by what they owe and buckets each, split by owner under the scope, on a hand-computed fixture', async () => {
    const { repA, repB } = await makeTeam(t.app, t.db);
    const p1000 = await makeProduct(t.db, { listPrice: '1000.00', ownerId: admin.userId });
    const p500 = await makeProduct(t.db, { listPrice: '500.00', ownerId: admin.userId });
    const p2000 = await makeProduct(t.db, { listPrice: '2000.00', ownerId: admin.userId });
    const x = await customerOf(repA);
    const y = await customerOf(repA);
    // X: repA's contract (400 due 03-02, 600 due 05-15) and one of repB's (500 due 07-10); Y: repA's 2,000 due 04-01.
    const c1 = await effectiveContract(repA, x, [{ productId: p1000, quantity: '1' }]);
    const [i1, i2] = await plan(repA, c1.id, [
      { dueDate: '2026-03-02', amount: '400.00' },
      { dueDate: '2026-05-15', amount: '600.00' },
    ]);
    const c2 = await effectiveContract(repA, x, [{ productId: p500, quantity: '1' }]);
    await plan(repA, c2.id, [{ dueDate: '2026-07-10', amount: '500.00' }]);
    await sql`UPDATE contracts SET owner_id = ${repB.userId} WHERE id = ${c2.id}`.execute(t.db);
    const c3 = await effectiveContract(repA, y, [{ productId: p2000, quantity: '1' }]);
    await plan(repA, c3.id, [{ dueDate: '2026-04-01', amount: '2000.00' }]);
    // 100 received 05-20 on the first instalment; 200 received 06-05 on the second (after the day: still owed on 06-01).
    for (const [instalment, receivedOn, amount] of [
      [i1.id, '2026-05-20', '100.00'],
      [i2.id, '2026-06-05', '200.00'],
    ]) {
      const res = await finance.post('/api/v1/payments', {
        contractId: c1.id,
        receivedOn,
        amount,
        method: 'bank_transfer',
        allocations: [{ instalmentId: instalment, amount }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await sql`UPDATE payments SET confirmed_at = ${`${receivedOn}T02:00:00Z`} WHERE id = ${res.body.id}`.execute(t.db);
    }
    const customers = async (who: Client, query = '') => {
      const report = await aging(who, `groupBy=customer&asOf=2026-06-01&pageSize=200${query}`);
      return {
        report,
        mine: Object.fromEntries(
          report.rows
            .filter((r: { id: string }) => r.id === x || r.id === y)
            .map((r: Record<string, string>) => [r.id === x ? 'X' : 'Y', bucketsOf(r)]),
        ),
      };
    };
    //                 not due   0–30      31–60   61–90      > 90      total
    const X = ['500.00', '600.00', '0.00', '0.00', '300.00', '1400.00'];
    const Y = ['0.00', '0.00', '0.00', '2000.00', '0.00', '2000.00'];
    const company = await customers(finance);
    expect(company.mine).toEqual({ X, Y });
    // Least … most: ranked by total, and every customer's row adds up to the company's totals.
    const totals = company.report.rows.map((r: { total: string }) => Number(r.total));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(company.report.count).toBe(company.report.rows.length);
    const cents = (v: string) => Math.round(Number(v) * 100);
    const owner = await aging(finance, 'groupBy=owner&asOf=2026-06-01');
    expect(company.report.totals).toEqual(owner.totals);
    expect(company.report.rows.reduce((s: number, r: { total: string }) => s + cents(r.total), 0)).toBe(cents(owner.totals.total));
    // Each rep sees his own contracts' share of the shared customer.
    expect((await customers(repA)).mine).toEqual({ X: ['0.00', '600.00', '0.00', '0.00', '300.00', '900.00'], Y });
    expect((await customers(repB)).mine).toEqual({ X: ['500.00', '0.00', '0.00', '0.00', '0.00', '500.00'] });
    // Pages: one row a page, Y (2,000) ranks above X (1,400) for repA; past the end the count stays.
    const first = await aging(repA, 'groupBy=customer&asOf=2026-06-01&pageSize=1&page=1');
    const second = await aging(repA, 'groupBy=customer&asOf=2026-06-01&pageSize=1&page=2');
    expect([first.rows[0].id, second.rows[0].id, first.count]).toEqual([y, x, 2]);
    const past = await aging(repA, 'groupBy=customer&asOf=2026-06-01&pageSize=1&page=3');
    expect([past.rows, past.count]).toEqual([[], 2]);
    // As of 06-05 the second payment counts: X owes 200 less, in 0–30 (due 05-15, 21 days).
    expect((await aging(repA, 'groupBy=customer&asOf=2026-06-05')).rows.find((r: { id: string }) => r.id === x).d0to30).toBe('400.00');
  });
});

describe('profit per customer and contract (M5)', () => {
  it('computes revenue − cost − approved expenses on a hand-computed fixture, least profitable first', async () => {
    const { repA, eastManager } = await makeTeam(t.app, t.db);
    const p1 = await makeProduct(t.db, { listPrice: '1000.00', costPrice: '600.00', ownerId: admin.userId });
    const p2 = await makeProduct(t.db, { listPrice: '500.00', costPrice: '200.00', ownerId: admin.userId });
    const x = await customerOf(repA);
    const y = await customerOf(repA);
    // X: contract 1 = 2 × 1000 + 1 × 500 = 2,500 at cost 1,400; an amendment adds 1 × 500 at cost 200.
    const c1 = await effectiveContract(repA, x, [
      { productId: p1, quantity: '2' },
      { productId: p2, quantity: '1' },
    ]);
    expect(c1.amount).toBe('2500.00');
    await effectiveAmendment(c1.id, p2, '1', '500.00', '200.00');
    // A draft contract of X counts nothing.
    const draft = await repA.post('/api/v1/contracts', { customerId: x, lines: [{ productId: p2, quantity: '3' }] });
    expect(draft.status).toBe(201);
    await expense(repA, x, '300.00', 'approved', c1.id);
    await expense(repA, x, '150.00', 'approved');
    await expense(repA, x, '999.00', 'in_approval', c1.id);
    await expense(repA, x, '888.00', 'rejected');
    // Y: one contract of 1 × 1000 at cost 600, and 700 of approved expenses.
    const c3 = await effectiveContract(repA, y, [{ productId: p1, quantity: '1' }]);
    await expense(repA, y, '700.00', 'approved');

    // X: revenue 3,000, cost 1,600, expenses 450 → profit 950, margin 31.67 %.
    // Y: revenue 1,000, cost 600, expenses 700 → profit −300, margin −30.00 %.
    const expectedY = {
      customerId: y,
      contracts: 1,
      revenue: '1000.00',
      cost: '600.00',
      expenses: '700.00',
      profit: '-300.00',
      margin: '-30.00',
    };
    const expectedX = {
      customerId: x,
      contracts: 1,
      revenue: '3000.00',
      cost: '1600.00',
      expenses: '450.00',
      profit: '950.00',
      margin: '31.67',
    };
    const mine = await eastManager.get(`/api/v1/reports/profit/customers?ownerId=${repA.userId}`);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.items).toMatchObject([expectedY, expectedX]);
    expect(mine.body.total).toBe(2);
    // The company's whole view (kept per customer) has the same figures.
    const whole = (await admin.get('/api/v1/reports/profit/customers?pageSize=200')).body.items;
    expect(whole.find((r: { customerId: string }) => r.customerId === y)).toMatchObject(expectedY);
    expect(whole.find((r: { customerId: string }) => r.customerId === x)).toMatchObject(expectedX);
    expect(whole.findIndex((r: { customerId: string }) => r.customerId === y)).toBeLessThan(
      whole.findIndex((r: { customerId: string }) => r.customerId === x),
    );
    const best = (await eastManager.get(`/api/v1/reports/profit/customers?ownerId=${repA.userId}&sort=-profit`)).body.items;
    expect(best.map((r: { customerId: string }) => r.customerId)).toEqual([x, y]);

    // Per contract: contract 1 carries only the expense linked to it.
    const contracts = (await eastManager.get(`/api/v1/reports/profit/contracts?ownerId=${repA.userId}`)).body.items;
    expect(contracts).toMatchObject([
      { contractId: c3.id, revenue: '1000.00', cost: '600.00', expenses: '0.00', profit: '400.00', margin: '40.00' },
      { contractId: c1.id, revenue: '3000.00', cost: '1600.00', expenses: '300.00', profit: '1100.00', margin: '36.67' },
    ]);
    // A period before the signing leaves the contracts out.
    const early = (await eastManager.get(`/api/v1/reports/profit/contracts?ownerId=${repA.userId}&to=2025-12-31`)).body;
    expect(early.total).toBe(0);
    const file = await eastManager.get(`/api/v1/reports/profit/customers?ownerId=${repA.userId}&format=csv`);
    expect(file.status).toBe(200);
    expect(file.body).toContain('-300.00');
  });

  it('keeps the cost as it was on the lines when signed: a later catalogue cost change rewrites nothing', async () => {
    const { repA, eastManager } = await makeTeam(t.app, t.db);
    const p = await makeProduct(t.db, { listPrice: '800.00', costPrice: '500.00', ownerId: admin.userId });
    const c = await effectiveContract(repA, await customerOf(repA), [{ productId: p, quantity: '2' }]);
    const res = await admin.request('PATCH', `/api/v1/products/${p}`, {
      costPrice: '790.00',
      version: (await admin.get(`/api/v1/products/${p}`)).body.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await t.db.selectFrom('products').select('cost_price').where('id', '=', p).executeTakeFirstOrThrow()).cost_price).toBe(
      '790.00',
    );
    const rows = (await eastManager.get(`/api/v1/reports/profit/contracts?ownerId=${repA.userId}`)).body.items;
    expect(rows).toMatchObject([{ contractId: c.id, revenue: '1600.00', cost: '1000.00', profit: '600.00' }]);
  });

  it('is for those who may see costs: a rep (no product_costs:view) gets 403', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    for (const path of ['customers', 'contracts']) {
      expect((await repA.get(`/api/v1/reports/profit/${path}`)).status).toBe(403);
      expect((await repA.get(`/api/v1/reports/profit/${path}?format=xlsx`)).status).toBe(403);
    }
    expect((await finance.get('/api/v1/reports/profit/customers')).status).toBe(200);
  });
});

describe('the totals the triggers keep (0047, 0052)', () => {
  it('equal a recount after random changes by every writer', async () => {
    const { repA, repB } = await makeTeam(t.app, t.db);
    const p = await makeProduct(t.db, { listPrice: '100.00', costPrice: '37.00', ownerId: admin.userId });
    const customers = [await customerOf(repA), await customerOf(repA), await customerOf(repB)];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const contracts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const rep = i % 2 ? repB : repA;
      const customer = customers[i % 2 ? 2 : rnd(2)];
      const c = await effectiveContract(rep, customer, [{ productId: p, quantity: String(1 + rnd(5)) }]);
      contracts.push(c.id);
      const amount = Number(c.amount);
      await plan(rep, c.id, [
        { dueDate: '2026-02-01', amount: (amount / 2).toFixed(2) },
        { dueDate: '2026-05-01', amount: (amount - Number((amount / 2).toFixed(2))).toFixed(2) },
      ]);
      if (rnd(2)) await finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-03', amount: '30.00', method: 'cash' });
      if (rnd(2)) await rep.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-04', amount: '20.00', method: 'cash' });
    }
    const statuses = ['draft', 'in_approval', 'approved', 'rejected'] as const;
    const claims: string[] = [];
    for (let i = 0; i < 20; i++) {
      const rep = rnd(2) ? repA : repB;
      claims.push(
        await expense(rep, customers[rnd(3)], `${1 + rnd(500)}.${rnd(100)}`, statuses[rnd(4)], rnd(2) ? contracts[rnd(6)] : null),
      );
    }
    // Bulk statements, as an import or a script would write them. An approved claim is frozen (0045's
    // trigger refuses any change to it), so the statements that would change one leave it out.
    const open = sql`status <> 'approved'`;
    await sql`UPDATE expenses SET status = 'approved' WHERE id = ANY(${claims.slice(0, 5)}::uuid[]) AND ${open}`.execute(t.db);
    await sql`UPDATE expenses SET amount = amount + 1 WHERE id = ANY(${claims.slice(3, 9)}::uuid[]) AND ${open}`.execute(t.db);
    await sql`UPDATE expenses SET deleted_at = now() WHERE id = ANY(${claims.slice(8, 11)}::uuid[]) AND ${open}`.execute(t.db);
    await sql`UPDATE expenses SET status = 'rejected' WHERE id = ${claims[12]} AND ${open}`.execute(t.db);
    await sql`UPDATE expenses SET customer_id = ${customers[0]}, contract_id = NULL WHERE id = ${claims[13]} AND ${open}`.execute(t.db);
    await sql`DELETE FROM expenses WHERE id = ${claims[14]} AND ${open}`.execute(t.db);
    await sql`UPDATE payments SET status = 'confirmed', confirmed_at = now() WHERE contract_id = ANY(${contracts}::uuid[]) AND status = 'expected'`.execute(
      t.db,
    );
    await sql`UPDATE payments SET deleted_at = now() WHERE contract_id = ${contracts[0]}`.execute(t.db);
    await sql`UPDATE payment_allocations SET amount = amount - 1 WHERE amount > 1
                AND payment_id IN (SELECT id FROM payments WHERE contract_id = ANY(${contracts.slice(1, 4)}::uuid[]))`.execute(t.db);
    await sql`DELETE FROM payment_allocations WHERE payment_id IN (SELECT id FROM payments WHERE contract_id = ${contracts[5]})`.execute(
      t.db,
    );
    await sql`UPDATE contracts SET owner_id = ${repB.userId} WHERE id = ${contracts[2]}`.execute(t.db);
    await sql`UPDATE contracts SET status = 'terminated' WHERE id = ${contracts[3]}`.execute(t.db);
    await sql`UPDATE contracts SET deleted_at = now() WHERE id = ${contracts[4]}`.execute(t.db);
    await sql`UPDATE payment_instalments SET due_date = '2026-03-01' WHERE contract_id = ${contracts[5]}`.execute(t.db);

    const kept = async (q: string) => (await sql.raw(q).execute(t.db)).rows.map((r) => JSON.stringify(r)).sort();
    expect(await kept(BALANCES)).toEqual(await kept(BALANCES_RECOUNT));
    expect(await kept(OPEN_MONTHS)).toEqual(await kept(OPEN_MONTHS_RECOUNT));
    expect(await kept(OPEN_CUSTOMERS)).toEqual(await kept(OPEN_CUSTOMERS_RECOUNT));
    expect(await kept(EXPENSES)).toEqual(await kept(EXPENSES_RECOUNT));
    expect(await kept(CONTRACTS)).toEqual(await kept(CONTRACTS_RECOUNT));
    expect(await kept(CUSTOMERS)).toEqual(await kept(CUSTOMERS_RECOUNT));
    // 0053's rebuild from the rows (after a load with triggers off) arrives at the same tables.
    const tables = [BALANCES, OPEN_MONTHS, OPEN_CUSTOMERS, EXPENSES, CONTRACTS, CUSTOMERS];
    const before = await Promise.all(tables.map(kept));
    await sql`SELECT money_rebuild_totals()`.execute(t.db);
    expect(await Promise.all(tables.map(kept))).toEqual(before);
  });
});

const BALANCES = `SELECT instalment_id, contract_id, customer_id, owner_id, owner_dept_id, live, due_date::text, amount::text, paid::text
  FROM money_instalment_balances`;
const BALANCES_RECOUNT = `SELECT i.id AS instalment_id, i.contract_id, c.customer_id, c.owner_id, c.owner_dept_id,
    c.status = 'effective' AND c.deleted_at IS NULL AS live, i.due_date::text, i.amount::text,
    COALESCE((SELECT sum(a.amount) FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
               WHERE a.instalment_id = i.id AND p.status = 'confirmed' AND p.deleted_at IS NULL), 0)::numeric(14,2)::text AS paid
  FROM payment_instalments i JOIN contracts c ON c.id = i.contract_id`;
const OPEN_MONTHS = 'SELECT owner_id, owner_dept_id, due_month::text, outstanding::text, n FROM money_open_months';
const OPEN_MONTHS_RECOUNT = `SELECT owner_id, owner_dept_id, date_trunc('month', due_date)::date::text AS due_month,
    sum(amount - paid)::numeric(16,2)::text AS outstanding, count(*)::int AS n
  FROM money_instalment_balances WHERE live AND paid < amount GROUP BY 1, 2, 3`;
const OPEN_CUSTOMERS = 'SELECT customer_id, owner_id, owner_dept_id, outstanding::text, n FROM money_open_customers';
const OPEN_CUSTOMERS_RECOUNT = `SELECT customer_id, owner_id, owner_dept_id, sum(amount - paid)::numeric(16,2)::text AS outstanding, count(*)::int AS n
  FROM money_instalment_balances WHERE live AND paid < amount GROUP BY 1, 2, 3`;
const EXPENSES = 'SELECT customer_id, contract_id, owner_id, owner_dept_id, amount::text, n FROM money_expense_totals';
const EXPENSES_RECOUNT = `SELECT customer_id, contract_id, owner_id, owner_dept_id, sum(amount)::numeric(16,2)::text AS amount, count(*)::int AS n
  FROM expenses WHERE status = 'approved' AND deleted_at IS NULL GROUP BY 1, 2, 3, 4`;
const CONTRACTS =
  'SELECT contract_id, customer_id, owner_id, owner_dept_id, revenue::text, cost::text, expenses::text FROM money_contract_profit';
const CONTRACTS_RECOUNT = `SELECT c.id AS contract_id, c.customer_id, c.owner_id, c.owner_dept_id, c.amount::text AS revenue,
    COALESCE((SELECT sum(round(COALESCE(l.cost_price, 0) * l.quantity, 2)) FROM contract_lines l
               LEFT JOIN contract_amendments am ON am.id = l.amendment_id
              WHERE l.contract_id = c.id AND (l.amendment_id IS NULL OR am.status = 'effective')), 0)::numeric(14,2)::text AS cost,
    COALESCE((SELECT sum(amount) FROM expenses e WHERE e.contract_id = c.id AND e.status = 'approved' AND e.deleted_at IS NULL), 0)::numeric(16,2)::text AS expenses
  FROM contracts c WHERE c.status = 'effective' AND c.deleted_at IS NULL`;
const CUSTOMERS = 'SELECT customer_id, contracts, revenue::text, cost::text, expenses::text FROM money_customer_profit';
const CUSTOMERS_RECOUNT = `SELECT customer_id, sum(n)::int AS contracts, sum(revenue)::numeric(16,2)::text AS revenue,
    sum(cost)::numeric(16,2)::text AS cost, sum(expenses)::numeric(16,2)::text AS expenses FROM (
    SELECT customer_id, 1 AS n, amount AS revenue,
           COALESCE((SELECT sum(round(COALESCE(l.cost_price, 0) * l.quantity, 2)) FROM contract_lines l
                      LEFT JOIN contract_amendments am ON am.id = l.amendment_id
                     WHERE l.contract_id = c.id AND (l.amendment_id IS NULL OR am.status = 'effective')), 0) AS cost, 0 AS expenses
      FROM contracts c WHERE c.status = 'effective' AND c.deleted_at IS NULL
    UNION ALL
    SELECT customer_id, 0, 0, 0, amount FROM expenses WHERE status = 'approved' AND deleted_at IS NULL
  ) x GROUP BY 1`;
