import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeRep } from '../../test/factories.js';
import { makeProduct } from '../../test/quote-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { assertWithinCredit, creditExcessFact } from './credit-check.js';

let t: TestApp;
let admin: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
  finance = await makeClient(t.app, t.db, { role: 'finance' });
});
afterAll(() => t.close());

let n = 0;
async function customerOf(rep: Client) {
  const res = await rep.post('/api/v1/customers', { name: `信用客户${++n}${Date.now()}` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

async function draftContract(rep: Client, customerId: string, amount: string) {
  const product = await makeProduct(t.db, { listPrice: amount, ownerId: admin.userId });
  const res = await rep.post('/api/v1/contracts', { customerId, lines: [{ productId: product, quantity: '1' }] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.amount).toBe(amount);
  return res.body as { id: string; version: number; amount: string };
}

/** In force without walking its approval: the freeze trigger guards only the amount and lines. */
async function effectiveContract(rep: Client, customerId: string, amount: string) {
  const c = await draftContract(rep, customerId, amount);
  await t.db.updateTable('contracts').set({ status: 'effective', sign_date: '2026-11-01' }).where('id', '=', c.id).execute();
  return c;
}

const submit = (rep: Client, c: { id: string; version: number }) => rep.post(`/api/v1/contracts/${c.id}/submit`, { version: c.version });
async function setLimit(who: Client, customerId: string, creditLimit: string | null) {
  const current = await finance.get(`/api/v1/customers/${customerId}/credit`);
  return who.request('PUT', `/api/v1/customers/${customerId}/credit`, { version: current.body.customerVersion, creditLimit });
}

describe('credit limits (M3)', () => {
  it('reads the exposure once per submission: the gate’s finding is the approval’s fact, taken once', async () => {
    const rep = await makeRep(t.app, t.db);
    const customer = await customerOf(rep);
    expect((await setLimit(finance, customer.id, '1000.00')).status).toBe(200);
    await effectiveContract(rep, customer.id, '600.00');
    const later = await draftContract(rep, customer.id, '500.00');
    const gate = { documentType: 'contract', customerId: customer.id, customerName: customer.name, adding: '300.00' };
    const facts = await t.db.transaction().execute(async (trx) => {
      const found = await assertWithinCredit(trx, gate); // 600 + 300 against 1,000: passes
      // The exposure moves within the transaction (another contract in force): the submission's own
      // load still gets what its gate found; any load after that reads the exposure afresh.
      await trx.updateTable('contracts').set({ status: 'effective', sign_date: '2026-11-02' }).where('id', '=', later.id).execute();
      return [found?.excess, await creditExcessFact(trx, customer.id, '300.00'), await creditExcessFact(trx, customer.id, '300.00')];
    });
    expect(facts).toEqual([-10000n, '0.00', '400.00']);
  });

  it('finance sets a limit (on the customer history); a rep sees it but may not change it', async () => {
    const rep = await makeRep(t.app, t.db);
    const customer = await customerOf(rep);
    expect((await setLimit(rep, customer.id, '1000.00')).status).toBe(403);
    const set = await setLimit(finance, customer.id, '1000.00');
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ creditLimit: '1000.00', exposure: '0.00', available: '1000.00' });
    const seen = await rep.get(`/api/v1/customers/${customer.id}/credit`);
    expect(seen.body.creditLimit).toBe('1000.00');
    const history = (await rep.get(`/api/v1/customers/${customer.id}/history`)).body.items;
    expect(history).toContainEqual(expect.objectContaining({ field: 'credit_limit', newValue: '1000.00', actorId: finance.userId }));
    // The limit is the customer's own field: the customer record shows it too.
    expect((await rep.get(`/api/v1/customers/${customer.id}`)).body.creditLimit).toBe('1000.00');
    // Another rep's customer is out of his scope, its credit too.
    const other = await makeRep(t.app, t.db);
    expect((await other.get(`/api/v1/customers/${customer.id}/credit`)).status).toBe(404);
    // Removing the limit: no limit at all, not a limit of zero.
    expect((await setLimit(finance, customer.id, null)).body).toMatchObject({ creditLimit: null, available: null });
    expect((await setLimit(finance, customer.id, '-1')).status).toBe(400);
  });

  it('without credit_limits:edit a limit may be set or lowered through the customer, never raised or removed', async () => {
    const rep = await makeRep(t.app, t.db);
    const customer = await customerOf(rep);
    const version = async () => (await rep.get(`/api/v1/customers/${customer.id}`)).body.version;
    const patch = async (creditLimit: string | null) =>
      rep.patch(`/api/v1/customers/${customer.id}`, { version: await version(), creditLimit });
    expect((await patch('800.00')).status).toBe(200);
    expect((await patch('500.00')).status).toBe(200);
    const raised = await patch('500.01');
    expect(raised.status).toBe(403);
    expect(raised.body.error.fields.creditLimit).toContain('财务');
    expect((await patch(null)).status).toBe(403);
    expect((await rep.get(`/api/v1/customers/${customer.id}`)).body.creditLimit).toBe('500.00');
    // Finance raises it through the credit endpoint, without rights to edit the customer otherwise.
    expect((await setLimit(finance, customer.id, '2000.00')).status).toBe(200);
  });

  it('exposure is what effective contracts still owe: confirmed payments reduce it, expected ones do not', async () => {
    const rep = await makeRep(t.app, t.db);
    const customer = await customerOf(rep);
    const c = await effectiveContract(rep, customer.id, '600.00');
    await draftContract(rep, customer.id, '999.00'); // a draft binds nobody
    await setLimit(finance, customer.id, '1000.00');
    const plan = await rep.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, {
      instalments: [{ dueDate: '2026-12-31', amount: '600.00' }],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const paid = await finance.post('/api/v1/payments', {
      contractId: c.id,
      receivedOn: '2026-11-20',
      amount: '100.00',
      method: 'bank_transfer',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const expected = await rep.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-11-21', amount: '50.00', method: 'cash' });
    expect(expected.status, JSON.stringify(expected.body)).toBe(201);
    let pos = (await rep.get(`/api/v1/customers/${customer.id}/credit`)).body;
    const contractsPart = pos.parts.find((p: { key: string }) => p.key === 'contracts');
    expect(contractsPart.amount).toBe(paid.body.status === 'confirmed' ? '500.00' : '600.00');
    if (paid.body.status !== 'confirmed') {
      expect((await finance.post(`/api/v1/payments/${paid.body.id}/confirm`, {})).status).toBe(200);
      pos = (await rep.get(`/api/v1/customers/${customer.id}/credit`)).body;
    }
    expect(pos).toMatchObject({ exposure: '500.00', available: '500.00' });
  });

  it('a contract exactly at the limit passes; one fen over is stopped naming limit, exposure and excess', async () => {
    const rep = await makeRep(t.app, t.db);
    const customer = await customerOf(rep);
    await effectiveContract(rep, customer.id, '500.00');
    await setLimit(finance, customer.id, '1000.00');
    const over = await draftContract(rep, customer.id, '500.01');
    const stopped = await submit(rep, over);
    expect(stopped.status).toBe(422);
    expect(stopped.body.error.code).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(stopped.body.error.message).toContain('¥1,000.00');
    expect(stopped.body.error.message).toContain('¥500.00');
    expect(stopped.body.error.message).toContain('¥0.01');
    expect(stopped.body.error.message).toContain(customer.name);
    // Nothing half-written: still a draft, no approval request.
    expect((await rep.get(`/api/v1/contracts/${over.id}`)).body.status).toBe('draft');
    const exact = await draftContract(rep, customer.id, '500.00');
    const passed = await submit(rep, exact);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.status).not.toBe('draft');
    // Without a limit nothing is checked.
    const free = await customerOf(rep);
    const big = await draftContract(rep, free.id, '99999999.00');
    expect((await submit(rep, big)).status).toBe(200);
  });

  it('open orders count against the limit, and an order past it is stopped at submission', async () => {
    const rep = await makeRep(t.app, t.db);
    const customer = await customerOf(rep);
    await setLimit(finance, customer.id, '1000.00');
    const order = async (price: string) => {
      const product = await makeProduct(t.db, { listPrice: price, ownerId: admin.userId });
      const res = await rep.post('/api/v1/orders', {
        customerId: customer.id,
        lines: [{ productId: product, quantity: '1', requiredDate: '2026-12-20' }],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; version: number };
    };
    const first = await order('700.00');
    const confirmed = await rep.post(`/api/v1/orders/${first.id}/submit`, { version: first.version });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    const pos = (await rep.get(`/api/v1/customers/${customer.id}/credit`)).body;
    expect(pos.parts.find((p: { key: string }) => p.key === 'orders').amount).toBe('700.00');
    expect(pos.exposure).toBe('700.00');
    const second = await order('300.01');
    const stopped = await rep.post(`/api/v1/orders/${second.id}/submit`, { version: second.version });
    expect(stopped.status).toBe(422);
    expect(stopped.body.error.message).toContain('¥0.01');
    // An open order blocks a contract too: contracts and orders share one limit.
    const c = await draftContract(rep, customer.id, '300.01');
    expect((await submit(rep, c)).body.error.code).toBe('CREDIT_LIMIT_EXCEEDED');
  });

  it('lists customers with a limit by usage, the most used first, in the caller scope', async () => {
    const rep = await makeRep(t.app, t.db);
    const [a, b] = [await customerOf(rep), await customerOf(rep)];
    await effectiveContract(rep, a.id, '900.00');
    await effectiveContract(rep, b.id, '100.00');
    await setLimit(finance, a.id, '1000.00');
    await setLimit(finance, b.id, '1000.00');
    const list = (await rep.get('/api/v1/credit-limits')).body;
    expect(list.items.map((i: { customerId: string; usage: string }) => [i.customerId, i.usage])).toEqual([
      [a.id, '90.00'],
      [b.id, '10.00'],
    ]);
    const near = (await rep.get('/api/v1/credit-limits?minUsage=80')).body;
    expect(near.items.map((i: { customerId: string }) => i.customerId)).toEqual([a.id]);
    expect((await makeRep(t.app, t.db)).get('/api/v1/credit-limits').then((r) => r.body.total)).resolves.toBe(0);
  });
  // Last: it leaves a credit override step in the contract flow for the rest of the file.
  it('with a credit override step in the contract flow, an over-limit contract goes to it instead of being stopped', async () => {
    const rep = await makeRep(t.app, t.db);
    const customer = await customerOf(rep);
    await setLimit(finance, customer.id, '100.00');
    const flow = await admin.request('PUT', '/api/v1/approval-flows/contract', {
      definition: {
        steps: [
          { name: '财务审核', mode: 'any', approvers: [{ kind: 'user', userId: finance.userId }] },
          {
            name: '超额审批',
            mode: 'any',
            approvers: [{ kind: 'user', userId: admin.userId }],
            condition: { field: 'creditExcess', op: '>', value: '0' },
          },
        ],
        fallbackUserId: admin.userId,
      },
    });
    expect(flow.status, JSON.stringify(flow.body)).toBe(200);
    {
      const over = await draftContract(rep, customer.id, '150.00');
      const routed = await submit(rep, over);
      expect(routed.status, JSON.stringify(routed.body)).toBe(200);
      const request = (await rep.get(`/api/v1/approvals/by-document?documentType=contract&documentId=${over.id}`)).body.request;
      expect(request.steps.map((s: { name: string; applies: boolean }) => [s.name, s.applies])).toEqual([
        ['财务审核', true],
        ['超额审批', true],
      ]);
      const within = await draftContract(rep, customer.id, '100.00');
      expect((await submit(rep, within)).status).toBe(200);
      const plain = (await rep.get(`/api/v1/approvals/by-document?documentType=contract&documentId=${within.id}`)).body.request;
      expect(plain.steps.map((s: { applies: boolean }) => s.applies)).toEqual([true, false]);
    }
  });
});
