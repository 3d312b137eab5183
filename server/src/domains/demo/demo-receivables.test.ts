import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin } from '../../test/factories.js';
import { login, startTestApp, type TestApp } from '../../test/test-app.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

describe('demo receivables (M1)', () => {
  it('gives finance plans of three instalments, confirmed payments, one expected, an overdue instalment and an invoice', async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const finance = await login(t.app, 'han.fin', password);
    const unpaid = (await finance.get('/api/v1/receivables/unpaid')).body.items as { contractId: string; paid: string }[];
    // The three stories and the 华东 contract signed today (no plan yet).
    expect(unpaid).toHaveLength(4);
    const plans = await Promise.all(unpaid.map(async (c) => (await finance.get(`/api/v1/contracts/${c.contractId}/payment-plan`)).body));
    expect(plans.map((p: { instalments: unknown[] }) => p.instalments.length).sort()).toEqual([0, 3, 3, 3]);
    expect(plans.filter((p: { balanced: boolean }) => p.balanced)).toHaveLength(3);
    const payments = (await finance.get('/api/v1/payments?pageSize=50')).body.items as { status: string }[];
    expect(payments.map((p) => p.status).sort()).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'expected']);
    const overdue = (await finance.get('/api/v1/receivables/overdue')).body.items as { position: number; daysOverdue: number }[];
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.every((i) => i.daysOverdue > 0)).toBe(true);
    expect((await finance.get('/api/v1/invoices')).body.total).toBe(1);
  }, 120_000);
});
