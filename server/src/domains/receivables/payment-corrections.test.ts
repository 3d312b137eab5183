import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeClient, makeTeam } from '../../test/factories.js';
import { effectiveContract, pay, planInThirds, planOf } from '../../test/receivable-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { creditScores } from './receivable-sources.js';

let t: TestApp;
let admin: Client;
let finance: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t.app, t.db);
  finance = await makeClient(t.app, t.db, { role: 'finance' });
});
afterAll(() => t.close());

const unpaidRow = async (who: Client, contractId: string) =>
  (await who.get('/api/v1/receivables/unpaid?pageSize=200')).body.items.find((i: { contractId: string }) => i.contractId === contractId);

describe('payments (M1): reject, correct, delete', () => {
  it('finance rejects an expected payment with a reason: it stops counting and its allocations are released', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '90.00');
    await planInThirds(repA, c.id);
    const expected = await pay(repA, c.id, '60.00');
    expect(expected.status).toBe('expected');
    expect((await planOf(repA, c.id)).instalments.map((i) => i.allocated)).toEqual(['30.00', '30.00', '0.00']);
    // The reserved money is not open to another payment meanwhile.
    const more = await finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-02-01', amount: '30.01', method: 'cash' });
    expect(more.body.error.code).toBe('PAYMENT_OVER_UNPAID');

    expect((await repA.post(`/api/v1/payments/${expected.id}/reject`, { reason: '没到账' })).status).toBe(403);
    expect((await finance.post(`/api/v1/payments/${expected.id}/reject`, {})).status).toBe(400);
    expect((await finance.post(`/api/v1/payments/${expected.id}/reject`, { reason: '  ' })).status).toBe(400);
    const rejected = await finance.post(`/api/v1/payments/${expected.id}/reject`, { reason: '银行查无此笔' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectedBy: finance.userId, rejectReason: '银行查无此笔', allocations: [] });
    expect(rejected.body.rejectedAt).toBeTruthy();
    expect((await planOf(repA, c.id)).instalments.map((i) => i.allocated)).toEqual(['0.00', '0.00', '0.00']);
    const history = await historyRows(t.db, 'payment', expected.id);
    expect(history.find((h) => h.field === 'allocations')).toMatchObject({
      old_value: [
        { position: 1, amount: '30.00' },
        { position: 2, amount: '30.00' },
      ],
      new_value: [],
    });
    expect(history.find((h) => h.action === 'update' && h.field === 'status')).toMatchObject({
      old_value: 'expected',
      new_value: 'rejected',
    });

    // Rejected is final: neither confirmed nor rejected again, nor corrected; the money is open again.
    expect((await finance.post(`/api/v1/payments/${expected.id}/confirm`, {})).body.error.code).toBe('PAYMENT_STATUS');
    expect((await finance.post(`/api/v1/payments/${expected.id}/reject`, { reason: '再退' })).body.error.code).toBe('PAYMENT_STATUS');
    expect((await repA.patch(`/api/v1/payments/${expected.id}`, { version: rejected.body.version, note: '改' })).status).toBe(409);
    await pay(finance, c.id, '90.00');
    expect(await unpaidRow(repA, c.id)).toBeUndefined();
    // A confirmed payment is not rejected (finance corrects or deletes it instead).
    const confirmed = (await finance.get(`/api/v1/payments?contractId=${c.id}&status=confirmed`)).body.items[0];
    expect((await finance.post(`/api/v1/payments/${confirmed.id}/reject`, { reason: '错' })).body.error.code).toBe('PAYMENT_STATUS');
  });

  it('lets the owner correct or delete his expected payment, only finance a confirmed one, never beyond the plan', async () => {
    const { repA, repB } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '100.00');
    const [first, second, third] = await planInThirds(repA, c.id);
    const mine = await pay(repA, c.id, '20.00', { note: '客户说周五打款' });

    // The owner corrects the amount: it is allocated again, oldest first.
    const corrected = await repA.patch(`/api/v1/payments/${mine.id}`, { version: mine.version, amount: '40.00', receivedOn: '2026-02-05' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({ amount: '40.00', receivedOn: '2026-02-05', status: 'expected', note: '客户说周五打款' });
    expect(corrected.body.allocations).toEqual([
      { instalmentId: first.id, position: 1, amount: '33.33' },
      { instalmentId: second.id, position: 2, amount: '6.67' },
    ]);
    // Stale version: 409 with the current payment.
    const stale = await repA.patch(`/api/v1/payments/${mine.id}`, { version: mine.version, note: '旧' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.amount).toBe('40.00');
    // Allocations given by hand, each checked against its instalment (its own share released first).
    const over = await repA.patch(`/api/v1/payments/${mine.id}`, {
      version: corrected.body.version,
      allocations: [{ instalmentId: third.id, amount: '40.00' }],
    });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('INSTALMENT_OVER_ALLOCATED');
    const moved = await repA.patch(`/api/v1/payments/${mine.id}`, {
      version: corrected.body.version,
      allocations: [
        { instalmentId: third.id, amount: '33.34' },
        { instalmentId: first.id, amount: '6.66' },
      ],
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.version).toBe(corrected.body.version + 1);
    expect((await planOf(repA, c.id)).instalments.map((i) => i.allocated)).toEqual(['6.66', '0.00', '33.34']);
    // Another rep does not even see it.
    expect((await repB.patch(`/api/v1/payments/${mine.id}`, { version: moved.body.version, note: 'x' })).status).toBe(404);
    expect((await repB.delete(`/api/v1/payments/${mine.id}`)).status).toBe(404);

    // Finance confirms 60.00; the rep cannot touch a confirmed payment; nor can the total pass the contract.
    const received = await pay(finance, c.id, '60.00');
    expect(received.status).toBe('confirmed');
    const repEdit = await repA.patch(`/api/v1/payments/${received.id}`, { version: received.version, note: '改' });
    expect(repEdit.status).toBe(403);
    expect(repEdit.body.error.code).toBe('PAYMENT_FINANCE_ONLY');
    expect((await repA.delete(`/api/v1/payments/${received.id}`)).body.error.code).toBe('PAYMENT_FINANCE_ONLY');
    const beyond = await finance.patch(`/api/v1/payments/${received.id}`, { version: received.version, amount: '60.01' });
    expect(beyond.status).toBe(422);
    expect(beyond.body.error.code).toBe('PAYMENT_OVER_UNPAID');
    const beyondExpected = await repA.patch(`/api/v1/payments/${mine.id}`, { version: moved.body.version, amount: '40.01' });
    expect(beyondExpected.body.error.code).toBe('PAYMENT_OVER_UNPAID');

    // Finance corrects the confirmed amount (a typo): history keeps the old figure and the allocations.
    const fixed = await finance.patch(`/api/v1/payments/${received.id}`, {
      version: received.version,
      amount: '50.00',
      bankReference: 'B-7',
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'confirmed', amount: '50.00', bankReference: 'B-7' });
    const history = await historyRows(t.db, 'payment', received.id);
    expect(history.find((h) => h.action === 'update' && h.field === 'amount')).toMatchObject({
      old_value: '60.00',
      new_value: '50.00',
      actor_id: finance.userId,
    });
    expect(history.some((h) => h.field === 'allocations')).toBe(true);
    expect(await unpaidRow(repA, c.id)).toMatchObject({ paid: '50.00', unpaid: '50.00' });

    // The owner deletes his expected payment; finance deletes the confirmed one: both stop counting.
    expect((await repA.delete(`/api/v1/payments/${mine.id}`)).status).toBe(200);
    expect((await finance.delete(`/api/v1/payments/${received.id}`)).status).toBe(200);
    expect((await planOf(repA, c.id)).instalments.map((i) => [i.allocated, i.paid])).toEqual([
      ['0.00', '0.00'],
      ['0.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    expect(await unpaidRow(repA, c.id)).toMatchObject({ paid: '0.00', unpaid: '100.00' });

    // Restored from the recycle bin it counts again — unless its money went to another payment meanwhile.
    expect((await finance.post(`/api/v1/recycle-bin/payment/${received.id}/restore`)).status).toBe(200);
    expect(await unpaidRow(repA, c.id)).toMatchObject({ paid: '50.00', unpaid: '50.00' });
    await pay(finance, c.id, '50.00');
    expect(await unpaidRow(repA, c.id)).toBeUndefined();
    // (The rep deleted his own: an administrator restores it for him — and is refused.)
    const refused = await admin.post(`/api/v1/recycle-bin/payment/${mine.id}/restore`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'RECEIVABLE_OVER_ALLOCATED', message: expect.stringContaining('占满') });
    expect((await planOf(repA, c.id)).instalments.map((i) => i.allocated)).toEqual(['33.33', '33.33', '33.34']);
  });

  it('lets the rep correct a rejected payment and resubmit it: expected again, allocated anew, finance confirms', async () => {
    const { repA, repB } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '90.00');
    await planInThirds(repA, c.id);
    const expected = await pay(repA, c.id, '60.00');
    const rejected = (await finance.post(`/api/v1/payments/${expected.id}/reject`, { reason: '金额不对' })).body;
    const resubmit = (who: Client, id: string, body: Record<string, unknown>) => who.post(`/api/v1/payments/${id}/resubmit`, body);
    // Only a rejected one, only by someone who may change it, and at its current version.
    expect((await resubmit(repB, expected.id, { version: rejected.version, amount: '45.00' })).status).toBe(404);
    expect((await resubmit(repA, expected.id, { version: rejected.version - 1, amount: '45.00' })).status).toBe(409);
    const again = await resubmit(repA, expected.id, { version: rejected.version, amount: '45.00', note: '按实际到账改为 45' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ status: 'expected', amount: '45.00', rejectedAt: null, rejectedBy: null, rejectReason: null });
    expect((await planOf(repA, c.id)).instalments.map((i) => [i.allocated, i.paid])).toEqual([
      ['30.00', '0.00'],
      ['15.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    expect((await resubmit(repA, expected.id, { version: again.body.version })).body.error.code).toBe('PAYMENT_STATUS');
    expect((await finance.post(`/api/v1/payments/${expected.id}/confirm`, {})).status).toBe(200);
    expect((await planOf(repA, c.id)).instalments.map((i) => i.paid)).toEqual(['30.00', '15.00', '0.00']);
    expect((await unpaidRow(repA, c.id)).unpaid).toBe('45.00');
    const history = await historyRows(t.db, 'payment', expected.id);
    expect(history.filter((h) => h.field === 'status').map((h) => h.new_value)).toEqual(['expected', 'rejected', 'expected', 'confirmed']);
  });

  it('keeps the unpaid list and its total exact as payments come and go', async () => {
    const { repA, eastManager } = await makeTeam(t.app, t.db);
    const a = await effectiveContract(t.db, admin.userId, repA, '100.00', { signDate: '2002-01-01' });
    const b = await effectiveContract(t.db, admin.userId, repA, '50.00', { signDate: '2001-06-01' });
    await planInThirds(repA, a.id);
    await planInThirds(repA, b.id);
    const list = async (who: Client) => (await who.get('/api/v1/receivables/unpaid?pageSize=200')).body;
    expect((await list(repA)).items.map((i: { contractId: string }) => i.contractId)).toEqual([b.id, a.id]);
    expect((await list(repA)).total).toBe(2);
    const p = await pay(finance, b.id, '50.00');
    expect((await list(repA)).total).toBe(1);
    expect((await list(eastManager)).total).toBe(1);
    await finance.delete(`/api/v1/payments/${p.id}`);
    expect((await list(repA)).total).toBe(2);
    // The next instalment due on each row, with what is still unpaid on it.
    const row = (await list(repA)).items.find((i: { contractId: string }) => i.contractId === a.id);
    expect(row).toMatchObject({
      amount: '100.00',
      paid: '0.00',
      unpaid: '100.00',
      nextDue: { position: 1, dueDate: '2026-01-31', unpaid: '33.33' },
    });
  });

  it('filters the unpaid list by customer (the customer 回款 tab), within the scope, with its own total', async () => {
    const { repA, repB } = await makeTeam(t.app, t.db);
    const a = await effectiveContract(t.db, admin.userId, repA, '100.00', { signDate: '2002-03-01' });
    const b = await effectiveContract(t.db, admin.userId, repA, '40.00', { signDate: '2002-02-01', customerId: a.customerId });
    const other = await effectiveContract(t.db, admin.userId, repA, '70.00');
    for (const c of [a, b, other]) await planInThirds(repA, c.id);
    const ofCustomer = async (who: Client, customerId: string) =>
      (await who.get(`/api/v1/receivables/unpaid?customerId=${customerId}`)).body as { items: { contractId: string }[]; total: number };
    const mine = await ofCustomer(repA, a.customerId);
    expect([mine.items.map((i) => i.contractId), mine.total]).toEqual([[b.id, a.id], 2]);
    await pay(finance, b.id, '40.00');
    const after = await ofCustomer(finance, a.customerId);
    expect([after.items.map((i) => i.contractId), after.total]).toEqual([[a.id], 1]);
    // Another rep sees none of them, whatever customer he names.
    expect(await ofCustomer(repB, a.customerId)).toMatchObject({ items: [], total: 0 });
    expect((await repA.get('/api/v1/receivables/unpaid?customerId=nope')).status).toBe(400);
  });
});

describe('receivables feeds (M1)', () => {
  it('puts confirmed payments and invoices on the customer 360 timeline', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '100.00');
    await planInThirds(repA, c.id);
    const expected = await pay(repA, c.id, '10.00');
    const confirmed = await pay(finance, c.id, '20.00', { note: '首付款' });
    const inv = await finance.post('/api/v1/invoices', {
      contractId: c.id,
      number: String(Date.now()).slice(-8),
      issuedOn: '2026-02-03',
      amount: '100.00',
      type: 'vat_normal',
      taxRate: '6',
    });
    expect(inv.status, JSON.stringify(inv.body)).toBe(201);
    const items = (await repA.get(`/api/v1/customers/${c.customerId}/timeline?types=payment,invoice`)).body.items;
    expect(items.map((i: { type: string; id: string }) => [i.type, i.id]).sort()).toEqual(
      [
        ['invoice', inv.body.id],
        ['payment', confirmed.id],
      ].sort(),
    );
    expect(items.find((i: { type: string }) => i.type === 'payment')).toMatchObject({
      body: '首付款',
      actorName: expect.any(String),
      meta: { contractId: c.id, amount: '20.00', receivedOn: '2026-02-01', method: 'bank_transfer' },
    });
    expect(items.find((i: { type: string }) => i.type === 'invoice').meta).toMatchObject({ amount: '100.00', type: 'vat_normal' });
    // The expected one appears once finance confirms it.
    await finance.post(`/api/v1/payments/${expected.id}/confirm`, {});
    expect((await repA.get(`/api/v1/customers/${c.customerId}/timeline?types=payment`)).body.items).toHaveLength(2);
  });

  it('gives a customer who pays late or is overdue a lower credit input than one who paid on time', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const now = new Date('2026-06-15T04:00:00Z');
    const onTime = await effectiveContract(t.db, admin.userId, repA, '300.00');
    const late = await effectiveContract(t.db, admin.userId, repA, '300.00');
    const overdue = await effectiveContract(t.db, admin.userId, repA, '300.00');
    const nothingDue = await effectiveContract(t.db, admin.userId, repA, '300.00');
    for (const c of [onTime, late, overdue]) await planInThirds(repA, c.id, '2026-01-31'); // due 31 Jan, 28 Feb, 31 Mar
    await planInThirds(repA, nothingDue.id, '2026-12-31');
    // On time: each instalment paid on its due date.
    for (const [on, amount] of [
      ['2026-01-31', '100.00'],
      ['2026-02-28', '100.00'],
      ['2026-03-31', '100.00'],
    ])
      await pay(finance, onTime.id, amount, { receivedOn: on });
    // Late: everything in one payment in May (all three instalments paid after their dates).
    await pay(finance, late.id, '300.00', { receivedOn: '2026-05-02' });
    // Overdue: the first paid on time, the rest still open.
    await pay(finance, overdue.id, '100.00', { receivedOn: '2026-01-20' });
    // An expected payment is not money yet: it does not save the third customer.
    await pay(repA, overdue.id, '200.00');

    const scores = await creditScores(t.db, [onTime.customerId, late.customerId, overdue.customerId, nothingDue.customerId], now);
    expect(scores.get(onTime.customerId)).toBe(100);
    expect(scores.get(late.customerId)).toBe(0);
    expect(scores.get(overdue.customerId)).toBe(33);
    expect(scores.has(nothingDue.customerId)).toBe(false);
    expect(scores.get(overdue.customerId)).toBeLessThan(scores.get(onTime.customerId) as number);

    // Through grading: the credit input weighs in, so the overdue customer scores below the punctual one.
    const before = t.clock.now();
    t.clock.set(now);
    try {
      const run = await admin.post(`/api/v1/customers/${onTime.customerId}/grade/auto`, {});
      expect(run.status, JSON.stringify(run.body)).toBe(200);
      expect(run.body.inputs).toContain('credit');
      await admin.post(`/api/v1/customers/${overdue.customerId}/grade/auto`, {});
    } finally {
      t.clock.set(before);
    }
    const score = async (customerId: string) => {
      const rows = await historyRows(t.db, 'customer', customerId);
      return Number(rows.filter((h) => h.field === 'grade_score').at(-1)?.new_value);
    };
    expect(await score(overdue.customerId)).toBeLessThan(await score(onTime.customerId));
  });

  it('exports payments and invoices with the list’s scope', async () => {
    const { repA, repB } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '88.00');
    await planInThirds(repA, c.id);
    await pay(finance, c.id, '12.34', { bankReference: 'HSBC-001' });
    const download = (who: Client, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    const mine = await download(finance, `/api/v1/exports/payments?format=csv&contractId=${c.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('12.34');
    expect(mine.body).toContain('HSBC-001');
    expect(mine.body).toContain('银行转账');
    // A rep may not export (no receivables:export); a director may, within his scope.
    expect((await download(repB, '/api/v1/exports/payments?format=csv')).statusCode).toBe(403);
    const invoices = await download(finance, `/api/v1/exports/invoices?format=csv&contractId=${c.id}`);
    expect(invoices.statusCode).toBe(200);
    expect(invoices.body).toContain('发票号码');
  });
});

const ids = (body: { items: { contractId: string }[] }) => body.items.map((i) => i.contractId);

describe('a terminated or voided contract (M1)', () => {
  it('closes its plan: what is still open leaves every receivable list and the credit exposure; what was received stays', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '90.00');
    await planInThirds(repA, c.id); // 30.00 due 01-31, 02-28, 03-31
    await pay(finance, c.id, '30.00', { receivedOn: '2026-01-20' });
    const expected = await pay(repA, c.id, '20.00');
    const listed = async () => ({
      unpaid: ids((await finance.get(`/api/v1/receivables/unpaid?customerId=${c.customerId}`)).body).includes(c.id),
      overdue: ids((await finance.get('/api/v1/receivables/overdue?pageSize=200')).body).includes(c.id),
      aging: (await finance.get('/api/v1/reports/receivables-aging?groupBy=customer&asOf=2026-04-01&pageSize=200')).body.rows.some(
        (r: { id: string }) => r.id === c.customerId,
      ),
      exposure: (await finance.get(`/api/v1/customers/${c.customerId}/credit`)).body.exposure,
    });
    expect(await listed()).toEqual({ unpaid: true, overdue: true, aging: true, exposure: '60.00' });
    const now = new Date('2026-04-01T04:00:00Z');
    expect(await creditScores(t.db, [c.customerId], now)).toEqual(new Map([[c.customerId, 33]]));

    // Terminated on 15 February (Shanghai), as the end approval writes it.
    await sql`UPDATE contracts SET status = 'terminated', ended_at = '2026-02-15T02:00:00Z' WHERE id = ${c.id}`.execute(t.db);
    expect(await listed()).toEqual({ unpaid: false, overdue: false, aging: false, exposure: '0.00' });
    const plan = await planOf(finance, c.id);
    expect(plan.status).toBe('closed');
    expect(plan.instalments.map((i) => [i.allocated, i.paid])).toEqual([
      ['30.00', '30.00'],
      ['20.00', '0.00'],
      ['0.00', '0.00'],
    ]);
    // Only what fell due before the end counts for the credit input: the first, paid on time.
    expect(await creditScores(t.db, [c.customerId], now)).toEqual(new Map([[c.customerId, 100]]));
    // Money that arrived stays: the confirmed payment as it was; finance still decides the expected one.
    const payments = (await finance.get(`/api/v1/payments?contractId=${c.id}`)).body.items;
    expect(payments.map((p: { status: string }) => p.status).sort()).toEqual(['confirmed', 'expected']);
    expect((await finance.post(`/api/v1/payments/${expected.id}/confirm`, {})).status).toBe(200);
    expect((await planOf(finance, c.id)).instalments.map((i) => i.paid)).toEqual(['30.00', '20.00', '0.00']);
    // No new money on it and no new plan.
    const more = await finance.post('/api/v1/payments', { contractId: c.id, receivedOn: '2026-03-01', amount: '10.00', method: 'cash' });
    expect(more.status).toBe(409);
    expect(await listed()).toEqual({ unpaid: false, overdue: false, aging: false, exposure: '0.00' });
  });

  it('a voided one the same, and it no longer counts for the credit input at all', async () => {
    const { repA } = await makeTeam(t.app, t.db);
    const c = await effectiveContract(t.db, admin.userId, repA, '90.00');
    await planInThirds(repA, c.id);
    await sql`UPDATE contracts SET status = 'voided', ended_at = '2026-02-15T02:00:00Z' WHERE id = ${c.id}`.execute(t.db);
    expect((await planOf(finance, c.id)).status).toBe('closed');
    expect(ids((await finance.get(`/api/v1/receivables/unpaid?customerId=${c.customerId}`)).body)).toEqual([]);
    expect(await creditScores(t.db, [c.customerId], new Date('2026-04-01T04:00:00Z'))).toEqual(new Map());
  });
});
