import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../platform/db/database.js';
import { makeClient, makeContact, makeCustomer, makeRep, uniq } from './factories.js';
import { makeDeal, makeProduct } from './quote-factories.js';
import { effectiveContract, pay, planInThirds } from './receivable-factories.js';
import type { Client } from './test-app.js';

async function created(res: Promise<{ status: number; body: { id: string } }>, what: string): Promise<string> {
  const r = await res;
  expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(201);
  return r.body.id;
}

/**
 * One record of every registered record type, owned by a rep alone in a department of his own,
 * for the route matrix's "outside the caller's scope" check. A record type added later needs one
 * line here; the matrix names any type it finds without one.
 */
export async function makeRecordOfEveryType(app: FastifyInstance, db: Db, adminId: string) {
  const rep = await makeRep(app, db);
  const finance: Client = await makeClient(app, db, { role: 'finance' });
  const owner = { userId: rep.userId, deptId: rep.departmentId };
  const customer = await makeCustomer(rep);
  const deal = await makeDeal(db, owner);
  const productId = await makeProduct(db, { listPrice: '1000.00', ownerId: adminId });
  const contract = await effectiveContract(db, adminId, rep, '3000.00', { customerId: customer.id });
  await planInThirds(rep, contract.id);
  const records: Record<string, string> = {
    customer: customer.id,
    contact: (await makeContact(rep, customer.id)).id,
    opportunity: deal.id,
    contract: contract.id,
    follow_up: await created(
      rep.post('/api/v1/follow-ups', { customerId: customer.id, type: 'call', content: '回访', occurredAt: '2026-11-01T02:00:00Z' }),
      'follow-up',
    ),
    lead: await created(rep.post('/api/v1/leads', { company: uniq('线索公司') }), 'lead'),
    note: await created(rep.post('/api/v1/notes', { title: uniq('笔记') }), 'note'),
    task: await created(rep.post('/api/v1/tasks', { title: '发合同', dueAt: '2026-12-15T23:30:00Z' }), 'task'),
    visit_plan: await created(rep.post('/api/v1/visit-plans', { planDate: '2026-12-08', customerId: customer.id }), 'visit plan'),
    quote: await created(rep.post('/api/v1/quotes', { opportunityId: deal.id, lines: [{ productId, quantity: '1' }] }), 'quote'),
    order: await created(
      rep.post('/api/v1/orders', {
        customerId: customer.id,
        orderDate: '2026-03-01',
        lines: [{ productId, quantity: '1', requiredDate: '2026-03-10' }],
      }),
      'order',
    ),
    expense: await created(
      rep.post('/api/v1/expenses', {
        customerId: customer.id,
        category: 'entertainment',
        amount: '100.00',
        spentOn: '2026-11-20',
        description: '请客户吃饭',
      }),
      'expense',
    ),
    payment: (await pay(rep, contract.id, '100.00')).id,
    invoice: await created(
      finance.post('/api/v1/invoices', {
        contractId: contract.id,
        number: uniq('FP'),
        issuedOn: '2026-02-10',
        amount: '100.00',
        type: 'vat_special',
        taxRate: '13',
      }),
      'invoice',
    ),
    target: await created(
      makeClient(app, db, { role: 'admin' }).then((a) =>
        a.post('/api/v1/targets', { type: 'signed_amount', year: 2027, departmentId: rep.departmentId, amount: '100000.00' }),
      ),
      'target',
    ),
  };
  return { rep, records };
}
