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

describe('demo notifications', () => {
  it("gives 周小舟 钱经理's @mention on a real follow-up of his customer, reminders and read history; managers an address", async () => {
    const { password } = await seedDemo(t.db, { customers: 150 });
    const rep = await login(t.app, 'zhou.sh1', password);
    const mentions = (await rep.get('/api/v1/notifications?category=mention')).body;
    expect(mentions.items).toHaveLength(1);
    const mention = mentions.items[0];
    expect(mention.title).toMatch(/^钱经理 在「.+」的跟进记录里@了你$/);
    const customerId = mention.link.replace('/customers/', '');
    const customer = await rep.get(`/api/v1/customers/${customerId}`);
    expect(customer.status).toBe(200);
    expect(customer.body.ownerId).toBe(rep.userId);
    // The manager's follow-up (his own record) shows on the customer's timeline, where the link leads.
    const timeline = (await rep.get(`/api/v1/customers/${customerId}/timeline`)).body.items as { body: string | null }[];
    expect(timeline.some((i) => i.body?.includes('@周小舟'))).toBe(true);

    const all = (await rep.get('/api/v1/notifications?limit=100')).body;
    expect(all.unread).toBeGreaterThanOrEqual(3);
    expect(all.items.some((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect((await rep.get('/api/v1/notifications/preferences')).body.emailAddress).toBeNull();
    const manager = await login(t.app, 'qian.east', password);
    expect((await manager.get('/api/v1/notifications/preferences')).body.emailAddress).toBe('qian.east@demo-crm.example.cn');
  });
});
