import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeTeam, uniq } from '../../test/factories.js';
import { makeProduct } from '../../test/quote-factories.js';
import { effectiveContract, planInThirds } from '../../test/receivable-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { makeOpportunity, makePipeline } from '../pipeline-reports/report-test-data.js';

let t: TestApp;
let adminId: string;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-12-07T02:00:00Z');
  const admin = await makeAdmin(t.app, t.db);
  adminId = (await t.db.selectFrom('users').select('id').where('username', '=', admin.username).executeTakeFirstOrThrow()).id;
  finance = await makeClient(t.app, t.db, { role: 'finance' });
});
afterAll(() => t.close());

const idOf = async (c: { username: string }) =>
  (await t.db.selectFrom('users').select('id').where('username', '=', c.username).executeTakeFirstOrThrow()).id;

/** An effective amendment (补充协议) adding to the contract's amount, as the approval engine's onApproved writes it. */
async function effectiveAmendment(contractId: string, amount: string) {
  await t.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('crm.amending', 'on', true)`.execute(trx);
    await sql`INSERT INTO contract_amendments (contract_id, number, title, reason, status, amount_change, effective_at)
              VALUES (${contractId}, ${uniq('BC-')}, '增补', '客户加购', 'effective', ${amount}, now())`.execute(trx);
    await sql`UPDATE contracts SET amount = amount + ${amount}::numeric, version = version + 1 WHERE id = ${contractId}`.execute(trx);
  });
}

async function attainment(who: Client, query: string) {
  const res = await who.get(`/api/v1/targets/attainment?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    forecastFrom: string | null;
    rows: {
      kind: string;
      id: string | null;
      isParent: boolean;
      target: string | null;
      actual: string;
      rate: string | null;
      gap: string | null;
      forecast: string | null;
      gapAfterForecast: string | null;
    }[];
  };
}

async function splitTeamTarget() {
  const tm = await makeTeam(t.app, t.db);
  const ids = { repA: await idOf(tm.repA), repB: await idOf(tm.repB), eastManager: await idOf(tm.eastManager) };
  const tg = await tm.eastManager.post('/api/v1/targets', {
    type: 'signed_amount',
    year: 2027,
    departmentId: tm.departments.shanghai,
    amount: '12000.00',
  });
  expect(tg.status, JSON.stringify(tg.body)).toBe(201);
  const put = await tm.eastManager.request('PUT', `/api/v1/targets/${tg.body.id}/cells`, {
    version: tg.body.version,
    cells: [
      { userId: ids.repA, month: 2, amount: '1000.00' },
      { userId: ids.repB, month: 2, amount: '500.00' },
      { userId: ids.repA, month: 3, amount: '700.00' },
    ],
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return { ...tm, ids };
}

describe('attainment (T2, seed 002: 已签约 + 预计签约 vs 目标)', () => {
  it('counts a contract at its amended amount and sets the gap against the forecast for the rest of the period', async () => {
    const tm = await splitTeamTarget();
    const a = await effectiveContract(t.db, adminId, tm.repA, '800.00', { signDate: '2027-02-10' });
    await effectiveAmendment(a.id, '200.00');
    await effectiveContract(t.db, adminId, tm.repB, '100.00', { signDate: '2027-02-11' });
    // Terminated contracts and next month's signing do not count in February.
    const gone = await effectiveContract(t.db, adminId, tm.repB, '999.00', { signDate: '2027-02-12' });
    await t.db.updateTable('contracts').set({ status: 'terminated' }).where('id', '=', gone.id).execute();
    await effectiveContract(t.db, adminId, tm.repB, '50.00', { signDate: '2027-03-01' });
    const pipeline = await makePipeline(t.db);
    const owner = { userId: tm.ids.repB, deptId: tm.departments.shanghai };
    await makeOpportunity(t.db, { owner, pipeline, stage: 'quote', amount: '500.00', probability: 80, expectedCloseDate: '2027-02-20' });
    // Below the 70 % threshold: not forecast.
    await makeOpportunity(t.db, { owner, pipeline, stage: 'intent', amount: '9000.00', probability: 50, expectedCloseDate: '2027-02-21' });

    const r = await attainment(tm.eastManager, `type=signed_amount&period=2027-02&departmentId=${tm.departments.shanghai}`);
    expect(r.forecastFrom).toBe('2027-02-01');
    const row = (id: string) => r.rows.find((x) => x.id === id);
    expect(row(tm.departments.shanghai)).toMatchObject({
      isParent: true,
      target: '1500.00',
      actual: '1100.00',
      rate: '73.33',
      gap: '400.00',
      forecast: '400.00',
      gapAfterForecast: '0.00',
    });
    expect(row(tm.ids.repA)).toMatchObject({ target: '1000.00', actual: '1000.00', rate: '100.00', gap: '0.00' });
    expect(row(tm.ids.repB)).toMatchObject({ target: '500.00', actual: '100.00', rate: '20.00', gap: '400.00', forecast: '400.00' });

    const quarter = await attainment(tm.eastManager, `type=signed_amount&period=2027-Q1&departmentId=${tm.departments.shanghai}`);
    expect(quarter.rows.find((x) => x.id === tm.ids.repA)).toMatchObject({ target: '1700.00', actual: '1000.00', gap: '700.00' });
    expect(quarter.rows.find((x) => x.id === tm.ids.repB)).toMatchObject({ actual: '150.00' });
  });

  it('counts only payments finance confirmed towards collections', async () => {
    const tm = await makeTeam(t.app, t.db);
    const repA = await idOf(tm.repA);
    const c = await effectiveContract(t.db, adminId, tm.repA, '300.00', { signDate: '2026-11-01' });
    await planInThirds(tm.repA, c.id, '2026-11-30');
    const paid = await finance.post('/api/v1/payments', {
      contractId: c.id,
      receivedOn: '2026-11-10',
      amount: '100.00',
      method: 'bank_transfer',
    });
    expect(paid.body.status).toBe('confirmed');
    const expected = await tm.repA.post('/api/v1/payments', {
      contractId: c.id,
      receivedOn: '2026-11-11',
      amount: '50.00',
      method: 'cash',
    });
    expect(expected.body.status).toBe('expected');
    const r = await attainment(tm.repA, 'type=collections&period=2026-11');
    expect(r.rows).toEqual([expect.objectContaining({ kind: 'person', id: repA, actual: '100.00', target: null, forecast: null })]);
  });

  it('counts gross margin as the profit report does: revenue − cost on the lines − approved expenses spent in the period', async () => {
    const tm = await makeTeam(t.app, t.db);
    const repA = await idOf(tm.repA);
    const productId = await makeProduct(t.db, { listPrice: '1000.00', costPrice: '600.00', ownerId: adminId });
    const customerId = (await tm.repA.post('/api/v1/customers', { name: uniq('毛利客户') })).body.id;
    const c = (await tm.repA.post('/api/v1/contracts', { customerId, lines: [{ productId, quantity: '1' }] })).body;
    await t.db.updateTable('contracts').set({ status: 'effective', sign_date: '2026-10-08' }).where('id', '=', c.id).execute();
    const claim = (status: string, amount: string, spentOn: string) =>
      sql`INSERT INTO expenses (owner_id, owner_dept_id, created_by, number, customer_id, contract_id, category, amount, spent_on, description, status)
          VALUES (${repA}, ${tm.departments.shanghai}, ${repA}, ${uniq('FY-')}, ${customerId}, ${c.id}, 'entertainment', ${amount}, ${spentOn}, '招待', ${status})`.execute(
        t.db,
      );
    await claim('approved', '150.00', '2026-10-20');
    await claim('draft', '70.00', '2026-10-21');
    await claim('approved', '30.00', '2026-11-02');
    const r = await attainment(tm.repA, 'type=gross_margin&period=2026-10');
    expect(r.rows[0]).toMatchObject({ id: repA, actual: '250.00', forecast: null });
    const profit = (await tm.eastManager.get('/api/v1/reports/profit/contracts?pageSize=100')).body.items.find(
      (x: { contractId: string }) => x.contractId === c.id,
    );
    expect(profit).toMatchObject({ revenue: '1000.00', cost: '600.00', expenses: '180.00' });
  });

  it('narrows a target and its actuals to one region or one product category (T1 "optionally by product or region")', async () => {
    const tm = await makeTeam(t.app, t.db);
    const repA = await idOf(tm.repA);
    const east = (await tm.repA.post('/api/v1/customers', { name: uniq('华东客户'), region: '华东/上海' })).body.id;
    const south = (await tm.repA.post('/api/v1/customers', { name: uniq('华南客户'), region: '华南/广州' })).body.id;
    await effectiveContract(t.db, adminId, tm.repA, '300.00', { signDate: '2027-05-06', customerId: east });
    await effectiveContract(t.db, adminId, tm.repA, '700.00', { signDate: '2027-05-07', customerId: south });
    const regional = await tm.eastManager.post('/api/v1/targets', {
      type: 'signed_amount',
      year: 2027,
      departmentId: tm.departments.shanghai,
      amount: '600.00',
      dimension: 'region',
      dimensionValue: '华东',
    });
    expect(regional.status, JSON.stringify(regional.body)).toBe(201);
    expect(regional.body.title).toContain('（华东）');
    await tm.eastManager.request('PUT', `/api/v1/targets/${regional.body.id}/cells`, {
      version: regional.body.version,
      cells: [{ userId: repA, month: 5, amount: '600.00' }],
    });
    const r = await attainment(tm.repA, 'type=signed_amount&period=2027-05&dimension=region&dimensionValue=华东');
    expect(r.rows[0]).toMatchObject({ target: '600.00', actual: '300.00', rate: '50.00' });
    // Without the dimension: both contracts, and no target (none was set for all regions).
    expect((await attainment(tm.repA, 'type=signed_amount&period=2027-05')).rows[0]).toMatchObject({ target: null, actual: '1000.00' });

    // A category counts the contract lines of its products, sub-categories included.
    const [parent] = await sql<{ id: string }>`INSERT INTO product_categories (name) VALUES (${uniq('奶粉')}) RETURNING id`
      .execute(t.db)
      .then((x) => x.rows);
    const [child] = await sql<{
      id: string;
    }>`INSERT INTO product_categories (name, parent_id) VALUES (${uniq('婴儿奶粉')}, ${parent.id}) RETURNING id`
      .execute(t.db)
      .then((x) => x.rows);
    const inCategory = await makeProduct(t.db, { listPrice: '120.00', ownerId: adminId });
    const other = await makeProduct(t.db, { listPrice: '80.00', ownerId: adminId });
    await t.db.updateTable('products').set({ category_id: child.id }).where('id', '=', inCategory).execute();
    const c = (
      await tm.repA.post('/api/v1/contracts', {
        customerId: east,
        lines: [
          { productId: inCategory, quantity: '2' },
          { productId: other, quantity: '1' },
        ],
      })
    ).body;
    await t.db.updateTable('contracts').set({ status: 'effective', sign_date: '2027-06-10' }).where('id', '=', c.id).execute();
    const byCategory = await attainment(
      tm.repA,
      `type=signed_amount&period=2027-06&dimension=product_category&dimensionValue=${parent.id}`,
    );
    expect(byCategory.rows[0]).toMatchObject({ actual: '240.00', forecast: null });
    expect(
      (await tm.repA.get(`/api/v1/targets/attainment?type=collections&dimension=product_category&dimensionValue=${parent.id}`)).status,
    ).toBe(400);
    const wrong = await tm.eastManager.post('/api/v1/targets', {
      type: 'collections',
      year: 2027,
      departmentId: tm.departments.shanghai,
      amount: '1.00',
      dimension: 'product_category',
      dimensionValue: parent.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.dimension).toBe('按产品分类只能设签约金额目标');
  });

  it('shows each caller his scope: a rep himself, a manager his department down, the director the company', async () => {
    const tm = await splitTeamTarget();
    const rep = await attainment(tm.repA, 'period=2027-02');
    expect(rep.rows.map((r) => r.id)).toEqual([tm.ids.repA]);
    expect((await tm.repA.get(`/api/v1/targets/attainment?departmentId=${tm.departments.shanghai}`)).status).toBe(200);

    const manager = await attainment(tm.eastManager, 'period=2027-02');
    expect(manager.rows[0]).toMatchObject({ kind: 'department', id: tm.departments.east, isParent: true });
    expect(manager.rows.map((r) => r.id)).toEqual(expect.arrayContaining([tm.departments.shanghai, tm.ids.eastManager]));
    expect(manager.rows.some((r) => r.id === tm.departments.south)).toBe(false);
    expect((await tm.eastManager.get(`/api/v1/targets/attainment?departmentId=${tm.departments.south}`)).status).toBe(404);

    const director = await attainment(tm.director, 'period=2027');
    expect(director.rows[0]).toMatchObject({ kind: 'company', isParent: true });
    const drill = await attainment(tm.director, `period=2027&departmentId=${tm.departments.center}`);
    expect(drill.rows.map((r) => r.id)).toEqual(expect.arrayContaining([tm.departments.center, tm.departments.east, tm.departments.south]));
    // One level up from 上海组 is 华东 for both; from 华东 the manager is at his top, the director goes on to 销售中心.
    const up = async (who: Client, dept: string) => (await who.get(`/api/v1/targets/attainment?departmentId=${dept}`)).body.upDepartmentId;
    expect(await up(tm.eastManager, tm.departments.shanghai)).toBe(tm.departments.east);
    expect(await up(tm.eastManager, tm.departments.east)).toBeNull();
    expect(await up(tm.director, tm.departments.east)).toBe(tm.departments.center);
  });

  it('downloads the same figures as CSV', async () => {
    const tm = await splitTeamTarget();
    const res = await tm.eastManager.get(`/api/v1/targets/attainment?period=2027-02&departmentId=${tm.departments.shanghai}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain('达成率 %');
    expect(res.body).toContain('1500.00');
  });
});
