import { splitEvenly } from '@contracts/receivables.js';
import { fen, formatFen } from '@contracts/quote-money.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeTeam } from '../../test/factories.js';
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

/**
 * An effective contract of `amount` owned by `rep`, drafted by hand through the API; its status is
 * set in SQL (the freeze trigger guards only the amount and lines), sparing each test the approval.
 */
async function effectiveContract(rep: Client, amount: string, signDate = '2026-01-15') {
  const product = await makeProduct(t.db, { listPrice: amount, ownerId: admin.userId });
  const customer = (await rep.post('/api/v1/customers', { name: `回款客户${Date.now()}${Math.random()}` })).body;
  const c = (await rep.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: product, quantity: '1' }] })).body;
  expect(c.amount).toBe(amount);
  await t.db.updateTable('contracts').set({ status: 'effective', sign_date: signDate }).where('id', '=', c.id).execute();
  return c as { id: string; amount: string };
}

async function planInThirds(rep: Client, contractId: string, firstDueDate = '2026-01-31') {
  const proposal = await rep.post(`/api/v1/contracts/${contractId}/payment-plan/split`, { count: 3, firstDueDate, monthsApart: 1 });
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(200);
  const plan = await rep.request('PUT', `/api/v1/contracts/${contractId}/payment-plan`, { instalments: proposal.body.instalments });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);
  return plan.body.instalments as { id: string; amount: string; dueDate: string }[];
}

describe('receivables (M1): payment plans', () => {
  it('splits always add up to the amount exactly, the odd fen on the last instalment', () => {
    expect(splitEvenly('100.00', 3, '2026-01-31', 1)).toEqual([
      { dueDate: '2026-01-31', amount: '33.33' },
      { dueDate: '2026-02-28', amount: '33.33' },
      { dueDate: '2026-03-31', amount: '33.34' },
    ]);
    for (const amount of ['0.01', '0.02', '1.00', '99.99', '164000.00', '1234567.89', '10.07']) {
      for (let count = 1; count <= 12; count++) {
        const parts = splitEvenly(amount, count, '2026-01-01', 3).map((p) => fen(p.amount));
        expect(formatFen(parts.reduce((s, p) => s + p, 0n))).toBe(amount);
        // Every instalment but the last is the same; the last carries at most count − 1 extra fen.
        expect(new Set(parts.slice(0, -1)).size).toBeLessThanOrEqual(1);
      }
    }
  });

  it('splits any amount into any count exactly (property-style: 5,000 random cases, a fixed seed)', () => {
    let seed = 20260115;
    const random = () => {
      // xorshift32: the same cases on every run and engine.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 4294967296;
    };
    for (let n = 0; n < 5000; n++) {
      // From one fen to a billion yuan, skewed towards small amounts where rounding bites.
      const totalFen = BigInt(Math.floor(10 ** (random() * 11))) + 1n;
      const amount = formatFen(totalFen);
      const count = 1 + Math.floor(random() * 120);
      const parts = splitEvenly(amount, count, '2026-01-31', Math.floor(random() * 13)).map((p) => fen(p.amount));
      expect(parts).toHaveLength(count);
      expect(parts.reduce((s, p) => s + p, 0n)).toBe(totalFen);
      const share = totalFen / BigInt(count);
      // Every instalment but the last is the fen-floor share; the last carries the remainder (< count fen).
      expect(parts.slice(0, -1).every((p) => p === share)).toBe(true);
      expect(parts[count - 1] - share).toBeGreaterThanOrEqual(0n);
      expect(parts[count - 1] - share).toBeLessThan(BigInt(count));
    }
  });

  it('proposes the split for an effective contract and accepts a plan only when it equals the contract amount', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '100.00');
    const instalments = await planInThirds(repA, c.id);
    expect(instalments.map((i) => [i.dueDate, i.amount])).toEqual([
      ['2026-01-31', '33.33'],
      ['2026-02-28', '33.33'],
      ['2026-03-31', '33.34'],
    ]);
    const short = await repA.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, {
      instalments: [
        { dueDate: '2026-01-31', amount: '50.00' },
        { dueDate: '2026-02-28', amount: '49.99' },
      ],
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.instalments).toContain('99.99');
    expect((await repA.get(`/api/v1/contracts/${c.id}/payment-plan`)).body.instalments).toHaveLength(3);
  });

  it('proposes no split with empty instalments: each holds at least one fen', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '0.02');
    const three = await repA.post(`/api/v1/contracts/${c.id}/payment-plan/split`, { count: 3, firstDueDate: '2026-01-31' });
    expect(three.status).toBe(400);
    expect(three.body.error.fields.count).toContain('2');
    const two = await repA.post(`/api/v1/contracts/${c.id}/payment-plan/split`, { count: 2, firstDueDate: '2026-01-31' });
    expect(two.body.instalments.map((i: { amount: string }) => i.amount)).toEqual(['0.01', '0.01']);
  });

  it('refuses a plan for a contract that is not effective', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '100.00');
    await t.db.updateTable('contracts').set({ status: 'draft' }).where('id', '=', c.id).execute();
    const res = await repA.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, {
      instalments: [{ dueDate: '2026-01-31', amount: '100.00' }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONTRACT_STATUS');
  });
});

describe('receivables (M1): payments', () => {
  it('allocates to the oldest instalments first, refuses over-allocation and payment beyond the unpaid amount', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '100.00');
    const [first, second, third] = await planInThirds(repA, c.id);

    const over = await finance.post('/api/v1/payments', {
      contractId: c.id,
      receivedOn: '2026-02-01',
      amount: '40.00',
      method: 'bank_transfer',
      allocations: [{ instalmentId: first.id, amount: '40.00' }],
    });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('INSTALMENT_OVER_ALLOCATED');
    expect(over.body.error.message).toContain('33.33');

    const paid = await finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-01', amount: '50.00', method: 'cash' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.status).toBe('confirmed');
    expect(paid.body.allocations).toEqual([
      { instalmentId: first.id, position: 1, amount: '33.33' },
      { instalmentId: second.id, position: 2, amount: '16.67' },
    ]);

    const beyond = await finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-02', amount: '50.01', method: 'cash' });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error.code).toBe('PAYMENT_OVER_UNPAID');
    expect(beyond.body.error.message).toContain('50.00');

    // A new plan keeps what is allocated: the second instalment cannot shrink below 16.67 nor go.
    const shrink = await repA.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, {
      instalments: [
        { id: first.id, dueDate: first.dueDate, amount: '33.33' },
        { id: second.id, dueDate: second.dueDate, amount: '16.66' },
        { dueDate: '2026-04-30', amount: '50.01' },
      ],
    });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error.code).toBe('PLAN_DROPS_ALLOCATED');
    const replaced = await repA.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, {
      instalments: [
        { id: first.id, dueDate: first.dueDate, amount: '33.33' },
        { id: second.id, dueDate: second.dueDate, amount: '16.67' },
        { dueDate: '2026-04-30', amount: '50.00' },
      ],
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body.instalments.map((i: { paid: string }) => i.paid)).toEqual(['33.33', '16.67', '0.00']);
    expect(replaced.body.instalments.some((i: { id: string }) => i.id === third.id)).toBe(false);
  });

  it('lets only one of two payments at once take the same open amount (the contract row is locked)', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '100.00');
    await planInThirds(repA, c.id);
    const pay = () => finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-01', amount: '60.00', method: 'cash' });
    const statuses = (await Promise.all([pay(), pay()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 422]);
    const plan = (await repA.get(`/api/v1/contracts/${c.id}/payment-plan`)).body;
    expect(plan.instalments.map((i: { allocated: string }) => i.allocated)).toEqual(['33.33', '26.67', '0.00']);
  });

  it('keeps a rep’s payment expected until finance confirms it; only then does it count as paid', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '90.00');
    await planInThirds(repA, c.id);
    const expected = await repA.post('/api/v1/payments', {
      contractId: c.id,
      receivedOn: '2026-02-01',
      amount: '90.00',
      method: 'acceptance_bill',
    });
    expect(expected.status, JSON.stringify(expected.body)).toBe(201);
    expect(expected.body).toMatchObject({ status: 'expected', confirmedBy: null });

    const unpaid = async (who: Client) =>
      (await who.get('/api/v1/receivables/unpaid?pageSize=100')).body.items.find((i: { contractId: string }) => i.contractId === c.id);
    expect(await unpaid(repA)).toMatchObject({ amount: '90.00', paid: '0.00', unpaid: '90.00', nextDue: { position: 1, unpaid: '30.00' } });

    expect((await repA.post(`/api/v1/payments/${expected.body.id}/confirm`, {})).status).toBe(403);
    const confirmed = await finance.post(`/api/v1/payments/${expected.body.id}/confirm`, {});
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: finance.userId });
    expect((await finance.post(`/api/v1/payments/${expected.body.id}/confirm`, {})).body.error.code).toBe('PAYMENT_CONFIRMED');
    // Fully paid: the contract leaves the unpaid list.
    expect(await unpaid(repA)).toBeUndefined();
    expect(await unpaid(finance)).toBeUndefined();
  });
});

describe('receivables (M1): lists', () => {
  it('scopes plans, payments and lists by the contract’s owner: a rep sees only his own', async () => {
    const { repA, repB, eastManager } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '100.00');
    await planInThirds(repA, c.id);
    await finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-01', amount: '10.00', method: 'cash' });

    expect((await repB.get(`/api/v1/contracts/${c.id}/payment-plan`)).status).toBe(404);
    const paying = await repB.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-01', amount: '1.00', method: 'cash' });
    expect(paying.status).toBe(404);
    const seen = async (who: Client) => ({
      unpaid: (await who.get('/api/v1/receivables/unpaid?pageSize=100')).body.items.some(
        (i: { contractId: string }) => i.contractId === c.id,
      ),
      payments: (await who.get(`/api/v1/payments?contractId=${c.id}`)).body.total,
    });
    expect(await seen(repA)).toEqual({ unpaid: true, payments: 1 });
    expect(await seen(repB)).toEqual({ unpaid: false, payments: 0 });
    expect(await seen(eastManager)).toEqual({ unpaid: true, payments: 1 });
  });

  it('counts days overdue in Shanghai: due yesterday is 1 day overdue, due today is not overdue yet', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(repA, '100.00');
    await repA.request('PUT', `/api/v1/contracts/${c.id}/payment-plan`, {
      instalments: [
        { dueDate: '2026-03-09', amount: '40.00' },
        { dueDate: '2026-03-10', amount: '60.00' },
      ],
    });
    const overdue = async () =>
      (await repA.get('/api/v1/receivables/overdue?pageSize=100')).body.items
        .filter((i: { contractId: string }) => i.contractId === c.id)
        .map((i: { dueDate: string; daysOverdue: number }) => [i.dueDate, i.daysOverdue]);
    const now = t.clock.now();
    try {
      t.clock.set('2026-03-10T15:59:00Z'); // 23:59 on 10 March in Shanghai
      expect(await overdue()).toEqual([['2026-03-09', 1]]);
      t.clock.set('2026-03-10T16:00:00Z'); // midnight: 11 March in Shanghai, still 10 March in UTC
      expect(await overdue()).toEqual([
        ['2026-03-09', 2],
        ['2026-03-10', 1],
      ]);
    } finally {
      t.clock.set(now);
    }
  });
});
