import { expect } from 'vitest';
import type { Db } from '../platform/db/database.js';
import { uniq } from './factories.js';
import { makeProduct } from './quote-factories.js';
import type { Client } from './test-app.js';

export interface TestContract {
  id: string;
  amount: string;
  customerId: string;
  productId: string;
}

/**
 * An effective contract of `amount` owned by `rep` (one line of a product priced at `amount`), drafted
 * by hand through the API; its status and sign date are set in SQL (the freeze trigger guards only
 * the amount and lines), sparing each test the approval. `customerId` puts it under an existing customer.
 */
export async function effectiveContract(
  db: Db,
  adminId: string,
  rep: Client,
  amount: string,
  opts: { signDate?: string; customerId?: string } = {},
): Promise<TestContract> {
  const productId = await makeProduct(db, { listPrice: amount, ownerId: adminId });
  const customerId = opts.customerId ?? (await rep.post('/api/v1/customers', { name: uniq('回款客户') })).body.id;
  const c = (await rep.post('/api/v1/contracts', { customerId, lines: [{ productId, quantity: '1' }] })).body;
  expect(c.amount).toBe(amount);
  await db
    .updateTable('contracts')
    .set({ status: 'effective', sign_date: opts.signDate ?? '2026-01-15' })
    .where('id', '=', c.id)
    .execute();
  return { id: c.id, amount: c.amount, customerId, productId };
}

export type TestInstalment = { id: string; amount: string; dueDate: string; allocated: string; paid: string };

/** The helper's even split into thirds (odd fen on the last), saved as the contract's plan. */
export async function planInThirds(rep: Client, contractId: string, firstDueDate = '2026-01-31'): Promise<TestInstalment[]> {
  const proposal = await rep.post(`/api/v1/contracts/${contractId}/payment-plan/split`, { count: 3, firstDueDate, monthsApart: 1 });
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(200);
  const plan = await rep.request('PUT', `/api/v1/contracts/${contractId}/payment-plan`, { instalments: proposal.body.instalments });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);
  return plan.body.instalments;
}

export async function planOf(client: Client, contractId: string) {
  const res = await client.get(`/api/v1/contracts/${contractId}/payment-plan`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    contractAmount: string;
    planTotal: string;
    balanced: boolean;
    status: string;
    difference: string;
    instalments: TestInstalment[];
  };
}

/** A payment as the client registers it (finance's are confirmed at once); asserts it was taken. */
export async function pay(client: Client, contractId: string, amount: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/payments', { contractId, receivedOn: '2026-02-01', amount, method: 'bank_transfer', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
