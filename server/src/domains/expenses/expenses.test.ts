import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeCustomer, makeTeam, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { makeOpportunity, makePipeline } from '../pipeline-reports/report-test-data.js';
import { approvedExpenseTotals } from './public.js';

let t: TestApp;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  finance = await makeClient(t.app, t.db, { role: 'finance' });
});
afterAll(() => t.close());

type Team = Awaited<ReturnType<typeof makeTeam>>;

/** A team whose 华东 manager approves his reps' claims (the default flow: the submitter's manager). */
async function setup() {
  const team = await makeTeam(t.app, t.db);
  await t.db.updateTable('departments').set({ manager_id: team.eastManager.userId }).where('id', '=', team.departments.east).execute();
  return team;
}

async function makeContractRow(owner: Client, deptId: string, customerId: string) {
  const row = await t.db
    .insertInto('contracts')
    .values({
      owner_id: owner.userId,
      owner_dept_id: deptId,
      created_by: owner.userId,
      number: uniq('HT-'),
      customer_id: customerId,
      title: '合同',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const claim = (customerId: string, fields: Record<string, unknown> = {}) => ({
  customerId,
  category: 'entertainment',
  amount: '1200.00',
  spentOn: '2026-11-20',
  description: '请客户采购部吃饭，谈明年框架协议',
  ...fields,
});

async function create(client: Client, customerId: string, fields: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/expenses', claim(customerId, fields));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function step(client: Client, e: { id: string; version: number }, path: 'submit' | 'withdraw') {
  const res = await client.post(`/api/v1/expenses/${e.id}/${path}`, { version: e.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const todoOf = async (client: Client, id: string) =>
  (await client.get('/api/v1/approvals?box=todo')).body.items.find((i: { link: string }) => i.link === `/expenses/${id}`);

async function decide(client: Client, id: string, decision: 'approve' | 'reject', comment?: string) {
  const item = await todoOf(client, id);
  expect(item, `nothing waits on this approver for ${id}`).toBeTruthy();
  const res = await client.post(`/api/v1/approvals/${item.id}/${decision}`, comment ? { comment } : {});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Submitted and decided by the manager: the claim as it stands afterwards. */
async function through(team: Team, client: Client, e: { id: string; version: number }, decision: 'approve' | 'reject') {
  await step(client, e, 'submit');
  await decide(team.eastManager, e.id, decision, decision === 'reject' ? '发票抬头不对' : undefined);
  return (await client.get(`/api/v1/expenses/${e.id}`)).body;
}

describe('expense claims (M4)', () => {
  it('goes draft → submitted → rejected with a reason → corrected → resubmitted → withdrawn → approved, then is locked', async () => {
    const team = await setup();
    const customer = await makeCustomer(team.repA);
    const e = await create(team.repA, customer.id);
    expect(e.number).toMatch(/^FY-\d{6}-\d{4}$/);
    expect(e).toMatchObject({ status: 'draft', amount: '1200.00', category: 'entertainment', customerName: customer.name });
    expect(e.can).toEqual({ edit: true, submit: true, delete: true });

    const submitted = await step(team.repA, e, 'submit');
    expect(submitted.status).toBe('in_approval');
    expect(submitted.can.edit).toBe(false);
    const locked = await team.repA.patch(`/api/v1/expenses/${e.id}`, { version: submitted.version, amount: '1.00' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('DOCUMENT_LOCKED');
    // The rep is not his own approver; his manager is.
    expect(await todoOf(team.repA, e.id)).toBeUndefined();
    await decide(team.eastManager, e.id, 'reject', '发票抬头不对，请重新开票');
    const rejected = (await team.repA.get(`/api/v1/expenses/${e.id}`)).body;
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '发票抬头不对，请重新开票' });
    expect(rejected.can.edit).toBe(true);

    const fixed = await team.repA.patch(`/api/v1/expenses/${e.id}`, { version: rejected.version, amount: '1180.50' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'rejected', amount: '1180.50' });
    const again = await step(team.repA, fixed.body, 'submit');
    expect(again).toMatchObject({ status: 'in_approval', rejectReason: null });
    const back = await step(team.repA, again, 'withdraw');
    expect(back.status).toBe('draft');
    expect(await todoOf(team.eastManager, e.id)).toBeUndefined();

    const approved = await through(team, team.repA, back, 'approve');
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt).toBeTruthy();
    expect(approved.can).toEqual({ edit: false, submit: false, delete: false });
    const edit = await team.repA.patch(`/api/v1/expenses/${e.id}`, { version: approved.version, amount: '1.00' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('EXPENSE_STATUS');
    expect((await team.repA.delete(`/api/v1/expenses/${e.id}`)).status).toBe(409);
    expect((await team.repA.post(`/api/v1/expenses/${e.id}/submit`, { version: approved.version })).status).toBe(409);
    expect((await team.repA.post(`/api/v1/expenses/${e.id}/withdraw`, { version: approved.version })).status).toBe(409);
    // The database keeps it so too (the freeze trigger), whatever writes.
    await expect(t.db.updateTable('expenses').set({ amount: '1.00' }).where('id', '=', e.id).execute()).rejects.toThrow();

    const history = (await team.repA.get(`/api/v1/expenses/${e.id}/history`)).body.items;
    expect(history.some((h: { field: string; newValue: unknown }) => h.field === 'status' && h.newValue === 'approved')).toBe(true);
  });

  it('refuses a deal or contract of another customer (422), an unknown category and a zero amount (400)', async () => {
    const team = await setup();
    const mine = await makeCustomer(team.repA);
    const other = await makeCustomer(team.repA);
    const pipeline = await makePipeline(t.db);
    const owner = { userId: team.repA.userId, deptId: team.departments.shanghai };
    const otherDeal = await makeOpportunity(t.db, { owner, pipeline, stage: 'quote', amount: '1000.00', customerId: other.id });
    const myDeal = await makeOpportunity(t.db, { owner, pipeline, stage: 'quote', amount: '1000.00', customerId: mine.id });
    const otherContract = await makeContractRow(team.repA, team.departments.shanghai, other.id);
    const myContract = await makeContractRow(team.repA, team.departments.shanghai, mine.id);

    const byDeal = await team.repA.post('/api/v1/expenses', claim(mine.id, { opportunityId: otherDeal }));
    expect(byDeal.status).toBe(422);
    expect(byDeal.body.error).toMatchObject({ code: 'EXPENSE_OTHER_CUSTOMER' });
    expect(byDeal.body.error.fields.opportunityId).toBeTruthy();
    const byContract = await team.repA.post('/api/v1/expenses', claim(mine.id, { contractId: otherContract }));
    expect(byContract.status).toBe(422);
    expect(byContract.body.error.fields.contractId).toBeTruthy();

    const linked = await create(team.repA, mine.id, { opportunityId: myDeal, contractId: myContract });
    expect(linked).toMatchObject({ opportunityId: myDeal, contractId: myContract });
    expect(linked.contractNumber).toMatch(/^HT-/);
    // Moving the claim to another customer with the old links is refused too.
    const moved = await team.repA.patch(`/api/v1/expenses/${linked.id}`, {
      version: linked.version,
      customerId: other.id,
      opportunityId: myDeal,
    });
    expect(moved.status).toBe(422);

    expect((await team.repA.post('/api/v1/expenses', claim(mine.id, { category: 'yacht' }))).status).toBe(400);
    expect((await team.repA.post('/api/v1/expenses', claim(mine.id, { amount: '0.00' }))).status).toBe(400);
    // A customer he cannot see is no reference at all.
    const foreign = await makeCustomer(team.repSouth);
    expect((await team.repA.post('/api/v1/expenses', claim(foreign.id))).status).toBe(400);
  });

  it('shows a rep only his own claims (list, detail 404, export); his manager his department’s; finance all', async () => {
    const team = await setup();
    const customer = await makeCustomer(team.repA);
    const a = await create(team.repA, customer.id, { description: uniq('A的招待') });
    const bCustomer = await makeCustomer(team.repB);
    const b = await create(team.repB, bCustomer.id, { description: uniq('B的差旅'), category: 'travel' });
    const ids = async (client: Client, q = '') =>
      (await client.get(`/api/v1/expenses?pageSize=200${q}`)).body.items.map((x: { id: string }) => x.id);

    expect(await ids(team.repA)).toEqual([a.id]);
    expect((await team.repA.get(`/api/v1/expenses/${b.id}`)).status).toBe(404);
    expect((await team.repA.get(`/api/v1/files?ownerEntity=expense&ownerId=${b.id}`)).status).toBe(404);
    const repCsv = String((await team.repA.get('/api/v1/exports/expenses?format=csv')).body);
    expect(repCsv).toContain(a.number);
    expect(repCsv).not.toContain(b.number);
    expect((await team.repB.get(`/api/v1/expense-reports/summary?customerId=${customer.id}`)).body.count).toBe(0);

    const managerSees = await ids(team.eastManager, `&customerId=${customer.id}`);
    expect(managerSees).toEqual([a.id]);
    expect((await ids(team.eastManager)).sort()).toEqual([a.id, b.id].sort());
    expect(await ids(team.eastManager, '&mine=true')).toEqual([]);
    expect(await ids(team.southManager)).toEqual([]);
    expect((await team.southManager.get(`/api/v1/expenses/${a.id}`)).status).toBe(404);
    const southCsv = String((await team.southManager.get('/api/v1/exports/expenses?format=csv')).body);
    expect(southCsv).not.toContain(a.number);

    expect((await finance.get(`/api/v1/expenses/${a.id}`)).status).toBe(200);
    const financeCsv = String((await finance.get(`/api/v1/exports/expenses?format=csv&customerId=${bCustomer.id}`)).body);
    expect(financeCsv).toContain(b.number);
    expect(financeCsv).toContain('差旅');
    // Finance sees and approves claims, it does not file them.
    expect((await finance.post('/api/v1/expenses', claim(customer.id))).status).toBe(403);
  });

  it('counts only approved claims in the customer’s cost and the statistics, to the fen', async () => {
    const team = await setup();
    const x = await makeCustomer(team.repA, { name: uniq('华东乳业') });
    const y = await makeCustomer(team.repB, { name: uniq('杭州母婴') });
    // Hand-computed: approved for X 1200.10 + 300.05 = 1500.15; for Y 99.99; company 1600.14;
    // entertainment 1300.09 / 1600.14 = 81.249…% → 81.2, travel 300.05 / 1600.14 = 18.751…% → 18.8.
    const approve = async (client: Client, customerId: string, fields: Record<string, unknown>) =>
      through(team, client, await create(client, customerId, fields), 'approve');
    await approve(team.repA, x.id, { amount: '1200.10', category: 'entertainment', spentOn: '2026-11-20' });
    await approve(team.repA, x.id, { amount: '300.05', category: 'travel', spentOn: '2026-10-08' });
    await approve(team.repB, y.id, { amount: '99.99', category: 'entertainment', spentOn: '2026-11-02' });
    await step(team.repA, await create(team.repA, x.id, { amount: '500.00' }), 'submit');
    await create(team.repA, x.id, { amount: '50.00' });
    await through(team, team.repA, await create(team.repA, x.id, { amount: '70.00' }), 'reject');
    const deleted = await create(team.repA, x.id, { amount: '0.01' });
    expect((await team.repA.delete(`/api/v1/expenses/${deleted.id}`)).status).toBe(200);

    const summary = (await team.repA.get(`/api/v1/customers/${x.id}/expense-summary`)).body;
    expect(summary).toEqual({ customerId: x.id, approved: '1500.15', approvedCount: 2, pending: '500.00', pendingCount: 1 });
    const totals = await approvedExpenseTotals(t.db, [x.id, y.id, x.id]);
    expect(Object.fromEntries(totals)).toEqual({ [x.id]: '1500.15', [y.id]: '99.99' });

    const url = `/api/v1/expense-reports/summary?from=2026-01-01&to=2026-12-31&departmentId=${team.departments.east}`;
    const report = (await team.eastManager.get(url)).body;
    expect(report).toMatchObject({ from: '2026-01-01', to: '2026-12-31', total: '1600.14', count: 3 });
    expect(report.byCategory).toEqual([
      { category: 'entertainment', amount: '1300.09', count: 2, share: 81.2 },
      { category: 'travel', amount: '300.05', count: 1, share: 18.8 },
    ]);
    expect(report.byCustomer.map((c: { customerName: string; amount: string }) => [c.customerName, c.amount])).toEqual([
      [x.name, '1500.15'],
      [y.name, '99.99'],
    ]);
    expect(report.byOwner.map((o: { ownerId: string; amount: string }) => [o.ownerId, o.amount])).toEqual([
      [team.repA.userId, '1500.15'],
      [team.repB.userId, '99.99'],
    ]);
    expect(report.byMonth).toHaveLength(12);
    expect(report.byMonth.filter((m: { count: number }) => m.count > 0)).toEqual([
      { month: '2026-10', amount: '300.05', count: 1 },
      { month: '2026-11', amount: '1300.09', count: 2 },
    ]);
    // A rep's statistics are his own claims only.
    expect((await team.repB.get(url)).body).toMatchObject({ total: '99.99', count: 1 });
    // The download holds the same figures, categories by their labels.
    const csv = String((await team.eastManager.get(`${url}&format=csv`)).body);
    expect(csv).toContain('业务招待,1300.09,2,81.2');
    expect(csv).toContain('2026-11,1300.09,2');
    const xlsx = await team.eastManager.get(`${url}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(String(xlsx.headers['content-type'])).toContain('spreadsheetml');

    const timeline = (await team.repA.get(`/api/v1/customers/${x.id}/timeline?limit=50`)).body.items.filter(
      (i: { type: string }) => i.type === 'expense',
    );
    // Submitted, approved and rejected claims; not the draft, not the deleted one.
    expect(timeline).toHaveLength(4);
  });

  it('takes receipts as images or PDF up to 10 MB, and nothing else', async () => {
    const team = await setup();
    const customer = await makeCustomer(team.repA);
    const e = await create(team.repA, customer.id);
    const upload = (client: Client, name: string, data: Buffer, type: string) =>
      client.request(
        'POST',
        `/api/v1/files?${new URLSearchParams({ ownerEntity: 'expense', ownerId: e.id, purpose: 'expense_receipt', name })}`,
        data,
        { 'content-type': type },
      );
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const ok = await upload(team.repA, '餐费发票.png', png, 'image/png');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await upload(team.repA, '发票.pdf', Buffer.from('%PDF-1.4\n'), 'application/pdf')).status).toBe(201);
    expect((await upload(team.repA, '说明.txt', Buffer.from('hello'), 'text/plain')).status).toBe(415);
    expect((await upload(team.repA, 'big.pdf', Buffer.alloc(10 * 1024 * 1024 + 1), 'application/pdf')).status).toBe(413);
    // Another rep cannot attach to it (the claim is not his to see).
    expect((await upload(team.repB, 'x.png', png, 'image/png')).status).toBe(404);
    // The approver reads the receipts of the claim routed to him.
    await step(team.repA, (await team.repA.get(`/api/v1/expenses/${e.id}`)).body, 'submit');
    const files = await team.eastManager.get(`/api/v1/files?ownerEntity=expense&ownerId=${e.id}`);
    expect(files.body.items).toHaveLength(2);
    // Submitted, the receipts are what the approver decides on: none added, none removed.
    const late = await upload(team.repA, '补充.png', png, 'image/png');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ATTACHMENTS_LOCKED');
    expect((await team.repA.request('DELETE', `/api/v1/files/${files.body.items[0].id}`)).status).toBe(409);
    expect((await team.repA.get(`/api/v1/files?ownerEntity=expense&ownerId=${e.id}`)).body.items).toHaveLength(2);
  });
});
