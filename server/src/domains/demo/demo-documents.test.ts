import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin } from '../../test/factories.js';
import { login, startTestApp, type TestApp } from '../../test/test-app.js';
import { seedDemo } from './seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // The first start has its administrator before the demo: he is every flow's fallback approver.
  await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

describe('demo documents (Q2–Q5)', () => {
  it('walks 华东 through quotes and contracts: one effective with progress, one with the project manager, one quote in 钱经理’s 待我审批', async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const manager = await login(t.app, 'qian.east', password);
    const quotes = (await manager.get('/api/v1/quotes?pageSize=50')).body.items.map((q: { status: string }) => q.status).sort();
    expect(quotes).toEqual(['accepted', 'accepted', 'draft', 'in_approval', 'sent']);
    const contracts = (await manager.get('/api/v1/contracts')).body.items;
    expect(contracts.map((c: { status: string }) => c.status).sort()).toEqual(['effective', 'in_approval']);
    expect(contracts.find((c: { status: string }) => c.status === 'effective').progress).not.toBe('0.0');
    const todo = (await manager.get('/api/v1/approvals?box=todo')).body.items;
    // Besides the demo's expense claims (demo-expenses.test.ts).
    expect(todo.map((i: { documentType: string }) => i.documentType).filter((d: string) => d !== 'expense')).toEqual(['quote']);
    const pm = await login(t.app, 'qin.pm', password);
    expect((await pm.get('/api/v1/approvals?box=todo')).body.items.map((i: { documentType: string }) => i.documentType)).toEqual([
      'contract',
    ]);
  }, 120_000);
});
