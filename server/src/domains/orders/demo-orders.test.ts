import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.js';
import { makeAdmin } from '../../test/factories.js';
import { login, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

describe('demo orders (M2)', () => {
  it('gives 华东 orders in every state and something in each 发货提醒 tab', async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const manager = await login(t.app, 'qian.east', password);
    const orders = (await manager.get('/api/v1/orders?pageSize=50')).body.items;
    // Besides these five, the repeat orders of product sales analysis (demo-sales.ts) are all delivered in full.
    const statuses = orders.map((o: { status: string }) => o.status).sort();
    expect(statuses.filter((s: string) => s !== 'delivered')).toEqual(['confirmed', 'draft', 'partially_delivered', 'partially_delivered']);
    expect(statuses.filter((s: string) => s === 'delivered').length).toBeGreaterThanOrEqual(1);
    const due = (await manager.get('/api/v1/deliveries/due?window=today')).body;
    expect(due.counts.today).toBe(1);
    expect(due.counts.tomorrow).toBe(1);
    expect(due.counts.overdue).toBe(1);
    expect(due.counts.week).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
