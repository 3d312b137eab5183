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

describe('demo analysis pages (T5, T7)', () => {
  it('gives the director product shares, best and slow sellers and prices to review, and a timeliness score per rep', async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const director = await login(t.app, 'zhao.zong', password);
    const shares = (await director.get('/api/v1/reports/product-sales/shares')).body;
    expect(Number(shares.total)).toBeGreaterThan(0);
    expect(shares.products.length).toBeGreaterThanOrEqual(5);
    const trend = (await director.get('/api/v1/reports/product-sales/trend')).body;
    expect(trend.best.length).toBeGreaterThanOrEqual(5);
    // Sold before, not now: the elderly formula falls; the scanner never sells.
    const slow = trend.slow.map((i: { code: string }) => i.code);
    expect(slow).toEqual(expect.arrayContaining(['NF-010', 'RJ-004']));
    const prices = (await director.get('/api/v1/reports/product-sales/price-candidates')).body;
    expect(prices.items.some((i: { code: string; reasons: string[] }) => i.code === 'YY-001' && i.reasons.includes('discount'))).toBe(true);
    expect(prices.items.some((i: { code: string; reasons: string[] }) => i.code === 'NF-010' && i.reasons.includes('fell'))).toBe(true);

    const manager = await login(t.app, 'qian.east', password);
    const timeliness = (await manager.get('/api/v1/reports/data-timeliness')).body;
    expect(timeliness.reps.total).toBeGreaterThanOrEqual(4);
    expect(timeliness.team.score).toBeGreaterThan(0);
    const wang = timeliness.reps.items.find((r: { ownerName: string }) => r.ownerName === '王思远');
    expect(wang?.late.bad).toBeGreaterThan(0);
    expect((await manager.get('/api/v1/reports/data-timeliness/fixes')).body.total).toBeGreaterThan(0);
  }, 180_000);
});
