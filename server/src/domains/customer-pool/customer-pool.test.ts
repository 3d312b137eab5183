import type { CustomerPoolRules } from '@contracts/customer-pool.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeContact, makeCustomer, makeTeam } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { runCustomerPoolReturn } from './auto-return-job.js';
import { registerLastWonProvider } from './last-won.js';
import { DEFAULT_CUSTOMER_POOL_RULES } from './pool-rules.js';

const DAY = 86_400_000;
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

async function setRules(rules: Partial<CustomerPoolRules>) {
  const res = await admin.request('PUT', '/api/v1/pool/customer-rules', { ...DEFAULT_CUSTOMER_POOL_RULES, ...rules });
  expect(res.status).toBe(200);
}
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
const runJob = () => t.db.transaction().execute((trx) => runCustomerPoolReturn(trx, t.clock.now(), 'Asia/Shanghai'));

describe('the public pool for customers (公海)', () => {
  it('takes a released customer out of every list and total, shows it in the pool, and records the move', async () => {
    await setRules({});
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const before = (await team.eastManager.get('/api/v1/customers')).body.total;
    expect((await team.repA.post(`/api/v1/customers/${c.id}/release`, { note: '联系不上' })).status).toBe(200);

    expect(ids(await team.repA.get('/api/v1/customers'))).not.toContain(c.id);
    expect((await team.eastManager.get('/api/v1/customers')).body.total).toBe(before - 1);
    expect((await team.director.get(`/api/v1/customers/${c.id}`)).status).toBe(404);
    const pool = await team.repB.get('/api/v1/pool/customers?pageSize=200');
    const item = pool.body.items.find((i: { id: string }) => i.id === c.id);
    expect(item).toMatchObject({ poolReason: 'released', pooledFromName: expect.any(String), claimableFrom: null });
    // The duplicate check still finds it (as existing, not as someone's to open).
    const dup = await team.director.post('/api/v1/duplicates/check', { name: c.name });
    expect(dup.status).toBe(200);
    expect(dup.body.matches).toContainEqual(expect.objectContaining({ entity: 'customer', visible: false, id: null }));
    const history = await historyRows(t.db, 'customer', c.id);
    expect(history.filter((h) => h.action === 'release').map((h) => [h.field, h.new_value])).toEqual([
      ['owner_id', null],
      ['pool_reason', 'released: 联系不上'],
    ]);
  });

  it('lets another rep claim it, with its contacts, and keeps the rep who let it go waiting D days', async () => {
    await setRules({ reclaimCooldownDays: 7 });
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, c.id);
    await team.repA.post(`/api/v1/customers/${c.id}/release`, {});

    const mine = (await team.repA.get('/api/v1/pool/customers?pageSize=200')).body.items.find((i: { id: string }) => i.id === c.id);
    expect(mine.claimableFrom).not.toBeNull();
    const refused = await team.repA.post(`/api/v1/pool/customers/${c.id}/claim`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('POOL_COOLDOWN_CUSTOMER');

    expect((await team.repB.post(`/api/v1/pool/customers/${c.id}/claim`)).status).toBe(200);
    expect((await team.repB.get(`/api/v1/customers/${c.id}`)).body.ownerId).toBe(team.repB.userId);
    expect((await team.repB.get(`/api/v1/contacts/${contact.id}`)).status).toBe(200);
    // Too late: a rep who may not see repB's customer is told what an unknown id would tell him (P6);
    // repB's manager, who sees it, learns that it is taken.
    const late = await team.repSouth.post(`/api/v1/pool/customers/${c.id}/claim`);
    expect(late.status).toBe(404);
    expect(late.body.error.code).toBe('NOT_FOUND');
    const taken = await team.eastManager.post(`/api/v1/pool/customers/${c.id}/claim`);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CUSTOMER_NOT_IN_POOL');

    // Back in the pool from repB; repA's own cooldown (from his release) has passed after 8 days.
    await team.repB.post(`/api/v1/customers/${c.id}/release`, {});
    t.clock.advance(8 * DAY);
    expect((await team.repA.post(`/api/v1/pool/customers/${c.id}/claim`)).status).toBe(200);
  });

  it('limits claims per day in the company time zone, and what a rep may hold', async () => {
    await setRules({ maxClaimsPerDay: 2, reclaimCooldownDays: 0 });
    const team = await makeTeam(t.app, t.db);
    const pooled = [];
    for (let i = 0; i < 4; i++) {
      const c = await makeCustomer(team.repB);
      await team.repB.post(`/api/v1/customers/${c.id}/release`, {});
      pooled.push(c.id);
    }
    // 23:00 in Shanghai (15:00 UTC): two claims, a third refused; after midnight there (16:00 UTC) it works.
    const now = t.clock.now();
    const shanghai23 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 15, 0, 0);
    t.clock.advance(shanghai23 - now.getTime());
    expect((await team.repA.post(`/api/v1/pool/customers/${pooled[0]}/claim`)).status).toBe(200);
    expect((await team.repA.post(`/api/v1/pool/customers/${pooled[1]}/claim`)).status).toBe(200);
    const third = await team.repA.post(`/api/v1/pool/customers/${pooled[2]}/claim`);
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('POOL_DAILY_LIMIT');
    t.clock.advance(61 * 60_000);
    expect((await team.repA.post(`/api/v1/pool/customers/${pooled[2]}/claim`)).status).toBe(200);

    await setRules({ maxClaimsPerDay: 100, maxHeld: 3, reclaimCooldownDays: 0 });
    const held = await team.repA.post(`/api/v1/pool/customers/${pooled[3]}/claim`);
    expect(held.status).toBe(422);
    expect(held.body.error.code).toBe('POOL_HOLD_LIMIT_CUSTOMERS');
  });

  it('warns the owner before returning an idle customer, then returns it; a follow-up or the key flag keeps it', async () => {
    t.clock.set(new Date()); // customers are created at the database's now()
    await setRules({ autoReturn: true, noFollowUpDays: 10, warnDays: 3, keyCustomersExempt: true });
    const team = await makeTeam(t.app, t.db);
    const idle = await makeCustomer(team.repA, { name: '闲置客户测试有限公司' });
    const worked = await makeCustomer(team.repA);
    const key = await makeCustomer(team.repA, { isKey: true, followUpCycleDays: 30 });

    t.clock.advance(7 * DAY);
    await team.repA.post('/api/v1/follow-ups', {
      customerId: worked.id,
      type: 'call',
      content: '回访',
      occurredAt: t.clock.now().toISOString(),
    });
    await runJob();
    const notes = (await team.repA.get('/api/v1/notifications')).body.items;
    expect(notes.filter((n: { kind: string }) => n.kind === 'customer_pool_warning').map((n: { title: string }) => n.title)).toEqual([
      '客户「闲置客户测试有限公司」3 天后将退回公海',
    ]);
    expect(ids(await team.repA.get('/api/v1/customers?pageSize=200'))).toContain(idle.id);

    t.clock.advance(3 * DAY);
    await runJob();
    const mine = ids(await team.repA.get('/api/v1/customers?pageSize=200'));
    expect(mine).not.toContain(idle.id);
    expect(mine).toEqual(expect.arrayContaining([worked.id, key.id]));
    const pooled = (await team.repB.get('/api/v1/pool/customers?pageSize=200')).body.items.find((i: { id: string }) => i.id === idle.id);
    expect(pooled.poolReason).toBe('no_follow_up');
    expect((await historyRows(t.db, 'customer', idle.id)).find((h) => h.action === 'release')?.actor_id).toBeNull();
    await setRules({ autoReturn: false });
  });

  it('returns a customer with no won deal in M days once a domain tells when deals were won', async () => {
    t.clock.set(new Date());
    const team = await makeTeam(t.app, t.db);
    const lastDeal = await makeCustomer(team.repA);
    const recentDeal = await makeCustomer(team.repA);
    const wonAt = new Map([[recentDeal.id, new Date(t.clock.now().getTime() + 25 * DAY)]]);
    registerLastWonProvider(async (_db, customerIds) => new Map([...wonAt].filter(([id]) => customerIds.includes(id))));
    await setRules({ autoReturn: true, noFollowUpDays: null, noDealDays: 30, warnDays: 0 });
    t.clock.advance(31 * DAY);
    await runJob();
    const mine = ids(await team.repA.get('/api/v1/customers?pageSize=200'));
    expect(mine).not.toContain(lastDeal.id);
    expect(mine).toContain(recentDeal.id);
    await setRules({ autoReturn: false });
  });

  it('opens each pool only to the configured departments and their sub-departments', async () => {
    await setRules({});
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    await team.repA.post(`/api/v1/customers/${c.id}/release`, {});
    const lead = await team.repA.post('/api/v1/leads', { company: `线索${c.name}`, contactName: '王经理' });
    await team.repA.post(`/api/v1/leads/${lead.body.id}/release`, {});
    // 华东 is configured: its 上海组 reps see both pools; 华南's rep is turned away with a reason.
    await setRules({ departmentIds: [team.departments.east] });
    const leadRules = (await admin.get('/api/v1/pool/rules')).body;
    expect((await admin.request('PUT', '/api/v1/pool/rules', { ...leadRules, departmentIds: [team.departments.east] })).status).toBe(200);

    expect(ids(await team.repB.get('/api/v1/pool/customers?pageSize=200'))).toContain(c.id);
    expect(ids(await team.repB.get('/api/v1/pool/leads?pageSize=200'))).toContain(lead.body.id);
    const south = await team.repSouth.request('GET', '/api/v1/pool/customers', undefined, { 'x-locale': 'en' });
    expect(south.status).toBe(403);
    expect(south.body.error.message).toBe('This pool is open to other departments only');
    expect((await team.repSouth.get('/api/v1/pool/leads')).status).toBe(403);
    // A record in a pool closed to him is one he may not see: 404, as for an unknown id (P6).
    expect((await team.repSouth.post(`/api/v1/pool/customers/${c.id}/claim`)).status).toBe(404);
    expect((await team.repSouth.post(`/api/v1/pool/leads/${lead.body.id}/claim`)).status).toBe(404);
    expect((await team.director.get('/api/v1/pool/customers')).status).toBe(200);
    expect((await team.repB.post(`/api/v1/pool/customers/${c.id}/claim`)).status).toBe(200);

    await setRules({ departmentIds: [] });
    expect((await admin.request('PUT', '/api/v1/pool/rules', { ...leadRules, departmentIds: [] })).status).toBe(200);
    expect((await team.repSouth.get('/api/v1/pool/customers')).status).toBe(200);
  });

  it('lets only an administrator change the rules', async () => {
    const team = await makeTeam(t.app, t.db);
    const res = await team.director.request('PUT', '/api/v1/pool/customer-rules', DEFAULT_CUSTOMER_POOL_RULES);
    expect(res.status).toBe(403);
    expect((await team.repA.get('/api/v1/pool/customer-rules')).body).toMatchObject({ maxClaimsPerDay: expect.any(Number) });
  });
});
