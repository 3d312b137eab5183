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

describe('demo expenses (M4)', () => {
  it('gives finance claims in every state, approved ones across categories and months, and 钱经理 claims to approve', async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const finance = await login(t.app, 'han.fin', password);
    const items = (await finance.get('/api/v1/expenses?pageSize=100')).body.items as {
      status: string;
      category: string;
      spentOn: string;
    }[];
    expect(new Set(items.map((e) => e.status))).toEqual(new Set(['draft', 'in_approval', 'approved', 'rejected']));
    const approved = items.filter((e) => e.status === 'approved');
    expect(new Set(approved.map((e) => e.category)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(approved.map((e) => e.spentOn.slice(0, 7))).size).toBeGreaterThanOrEqual(4);
    const manager = await login(t.app, 'qian.east', password);
    const todo = (await manager.get('/api/v1/approvals?box=todo')).body.items;
    expect(todo.filter((i: { documentType: string }) => i.documentType === 'expense').length).toBeGreaterThanOrEqual(1);
    // A rep sees his own claims only.
    const rep = await login(t.app, 'zhou.sh1', password);
    const own = (await rep.get('/api/v1/expenses?pageSize=100')).body.items as { ownerId: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((e) => e.ownerId)).size).toBe(1);
  });
});
