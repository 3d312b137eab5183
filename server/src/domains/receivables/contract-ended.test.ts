import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeTeam } from '../../test/factories.js';
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
