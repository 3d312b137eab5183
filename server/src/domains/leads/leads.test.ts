import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeCustomer, makeTeam, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SESSION_IDLE_MINUTES: 100_000, SESSION_ABSOLUTE_HOURS: 10_000 });
});
afterAll(() => t.close());

describe('leads (C3)', () => {
  it('belongs to its author by default and is invisible to other reps', async () => {
    const team = await makeTeam(t.app, t.db);
    const lead = await team.repA.post('/api/v1/leads', { company: uniq('杭州线索'), contactName: '李工', mobile: '13900000001' });
    expect(lead.status).toBe(201);
    expect(lead.body).toMatchObject({ ownerId: team.repA.userId, status: 'new', inPool: false });
    expect((await team.repB.get(`/api/v1/leads/${lead.body.id}`)).status).toBe(404);
  });

  it('requires a reason to disqualify', async () => {
    const team = await makeTeam(t.app, t.db);
    const lead = await team.repA.post('/api/v1/leads', { company: uniq('无效线索') });
    const bad = await team.repA.patch(`/api/v1/leads/${lead.body.id}`, { version: 1, status: 'disqualified' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.disqualifyReason).toBeTruthy();
    const ok = await team.repA.patch(`/api/v1/leads/${lead.body.id}`, { version: 1, status: 'disqualified', disqualifyReason: '空号' });
    expect(ok.body.status).toBe('disqualified');
  });
});

describe('assignment rules', () => {
  it('tries rules in order: region first, then round robin within a team, else the pool', async () => {
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    // Rules are global; clear them so this test owns the order.
    await t.db.deleteFrom('lead_assignment_rules').execute();
    const region = await admin.post('/api/v1/lead-assignment-rules', {
      name: '华南归华南',
      position: 1,
      matchRegions: ['华南'],
      strategy: 'user',
      userIds: [team.repSouth.userId],
    });
    expect(region.status).toBe(201);
    await admin.post('/api/v1/lead-assignment-rules', {
      name: 'IT 行业轮流分',
      position: 2,
      matchIndustries: ['it'],
      strategy: 'round_robin',
      userIds: [team.repA.userId, team.repB.userId],
    });
    const make = (fields: Record<string, unknown>) => admin.post('/api/v1/leads', { company: uniq('线索'), autoAssign: true, ...fields });
    const south = await make({ region: '华南/深圳', industry: 'it' });
    expect(south.body.ownerId).toBe(team.repSouth.userId);
    const it1 = await make({ region: '华东/上海', industry: 'it' });
    const it2 = await make({ region: '华东/杭州', industry: 'it' });
    const it3 = await make({ industry: 'it' });
    expect([it1.body.ownerId, it2.body.ownerId, it3.body.ownerId]).toEqual([team.repA.userId, team.repB.userId, team.repA.userId]);
    const unmatched = await make({ industry: 'finance' });
    expect(unmatched.body.inPool).toBe(true);
    const history = await admin.get(`/api/v1/leads/${it2.body.id}/history`);
    expect(history.body.items.some((h: { action: string }) => h.action === 'assign')).toBe(true);
    await t.db.deleteFrom('lead_assignment_rules').execute();
  });

  it('skips deactivated people in a round robin', async () => {
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    await t.db.deleteFrom('lead_assignment_rules').execute();
    await admin.post('/api/v1/lead-assignment-rules', {
      name: '轮流',
      position: 1,
      strategy: 'round_robin',
      userIds: [team.repA.userId, team.repB.userId],
    });
    await t.db.updateTable('users').set({ active: false }).where('id', '=', team.repA.userId).execute();
    const a = await admin.post('/api/v1/leads', { company: uniq('线索'), autoAssign: true });
    const b = await admin.post('/api/v1/leads', { company: uniq('线索'), autoAssign: true });
    expect([a.body.ownerId, b.body.ownerId]).toEqual([team.repB.userId, team.repB.userId]);
    await t.db.deleteFrom('lead_assignment_rules').execute();
  });

  it('lets only an admin manage the rules', async () => {
    const team = await makeTeam(t.app, t.db);
    const res = await team.eastManager.post('/api/v1/lead-assignment-rules', {
      name: 'x',
      position: 1,
      strategy: 'user',
      userIds: [team.repA.userId],
    });
    expect(res.status).toBe(403);
  });
});

describe('the public pool (公海)', () => {
  it('lets a rep claim a pool lead, up to the daily limit, and not re-claim one he returned within the cooldown', async () => {
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    await admin.request('PUT', '/api/v1/pool/rules', { maxClaimsPerDay: 2, maxHeld: 100, reclaimCooldownDays: 3 });
    const pooled = async () => (await admin.post('/api/v1/leads', { company: uniq('公海线索'), autoAssign: true })).body;
    const [l1, l2, l3] = [await pooled(), await pooled(), await pooled()];
    expect(l1.inPool).toBe(true);
    const pool = await team.repA.get('/api/v1/pool/leads?pageSize=200');
    expect(pool.body.items.map((l: { id: string }) => l.id)).toContain(l1.id);

    t.clock.set('2026-12-01T02:00:00Z');
    expect((await team.repA.post(`/api/v1/pool/leads/${l1.id}/claim`)).status).toBe(200);
    // Taken: repB may not see repA's lead, so he hears what an unknown id would tell him (P6); their manager learns it is taken.
    expect((await team.repB.post(`/api/v1/pool/leads/${l1.id}/claim`)).status).toBe(404);
    expect((await team.eastManager.post(`/api/v1/pool/leads/${l1.id}/claim`)).body.error.code).toBe('NOT_IN_POOL');
    expect((await team.repA.post(`/api/v1/pool/leads/${l2.id}/claim`)).status).toBe(200);
    const third = await team.repA.post(`/api/v1/pool/leads/${l3.id}/claim`);
    expect(third.status).toBe(422);
    expect(third.body.error.code).toBe('POOL_DAILY_LIMIT');

    // Next Shanghai day: claims allowed again, but not the lead he just gave back.
    expect((await team.repA.post(`/api/v1/leads/${l1.id}/release`)).status).toBe(200);
    t.clock.set('2026-12-01T16:30:00Z');
    const again = await team.repA.post(`/api/v1/pool/leads/${l1.id}/claim`);
    expect(again.body.error.code).toBe('POOL_COOLDOWN');
    expect((await team.repA.post(`/api/v1/pool/leads/${l3.id}/claim`)).status).toBe(200);
    t.clock.set('2026-12-05T02:00:00Z');
    expect((await team.repA.post(`/api/v1/pool/leads/${l1.id}/claim`)).status).toBe(200);
    await admin.request('PUT', '/api/v1/pool/rules', { maxClaimsPerDay: 20, maxHeld: 200, reclaimCooldownDays: 7 });
  });

  it('stops a rep holding more than the limit', async () => {
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    await admin.request('PUT', '/api/v1/pool/rules', { maxClaimsPerDay: 50, maxHeld: 1, reclaimCooldownDays: 0 });
    await team.repA.post('/api/v1/leads', { company: uniq('自己的线索') });
    const pooled = (await admin.post('/api/v1/leads', { company: uniq('公海线索'), autoAssign: true })).body;
    const res = await team.repA.post(`/api/v1/pool/leads/${pooled.id}/claim`);
    expect(res.body.error.code).toBe('POOL_HOLD_LIMIT');
    await admin.request('PUT', '/api/v1/pool/rules', { maxClaimsPerDay: 20, maxHeld: 200, reclaimCooldownDays: 7 });
  });

  it('lets a manager assign a lead within his team but not outside it', async () => {
    const team = await makeTeam(t.app, t.db);
    const lead = (await team.repA.post('/api/v1/leads', { company: uniq('线索') })).body;
    const ok = await team.eastManager.post(`/api/v1/leads/${lead.id}/assign`, { ownerId: team.repB.userId, version: lead.version });
    expect(ok.status).toBe(200);
    expect((await team.repB.get(`/api/v1/leads/${lead.id}`)).status).toBe(200);
    const outside = await team.eastManager.post(`/api/v1/leads/${lead.id}/assign`, {
      ownerId: team.repSouth.userId,
      version: lead.version + 1,
    });
    expect(outside.status).toBe(400);
  });
});

describe('conversion', () => {
  it('creates customer and contact from the lead in one step and links them back', async () => {
    const team = await makeTeam(t.app, t.db);
    const company = uniq('苏州新锐电子');
    const lead = (
      await team.repA.post('/api/v1/leads', {
        company,
        contactName: '周经理',
        mobile: '13800001111',
        industry: 'manufacturing',
        region: '华东/苏州',
      })
    ).body;
    const res = await team.repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(res.status).toBe(200);
    const customer = await team.repA.get(`/api/v1/customers/${res.body.customerId}`);
    expect(customer.body).toMatchObject({
      name: company,
      industry: 'manufacturing',
      region: '华东/苏州',
      ownerId: team.repA.userId,
      primaryContactName: '周经理',
    });
    const after = await team.repA.get(`/api/v1/leads/${lead.id}`);
    expect(after.body).toMatchObject({
      status: 'converted',
      convertedCustomerId: res.body.customerId,
      convertedContactId: res.body.contactId,
    });
    expect((await team.repA.post(`/api/v1/leads/${lead.id}/convert`, { version: after.body.version })).status).toBe(409);
  });

  it('stops on a likely duplicate customer (normalised name) until the user confirms or picks the existing one', async () => {
    const team = await makeTeam(t.app, t.db);
    const base = uniq('宁波海纳');
    const existing = await makeCustomer(team.repB, { name: `${base}科技有限公司` });
    const lead = (await team.repA.post('/api/v1/leads', { company: `${base}科技股份有限公司`, contactName: '王总' })).body;
    const stopped = await team.repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(stopped.status).toBe(409);
    expect(stopped.body.error.code).toBe('DUPLICATES_FOUND');
    // The existing customer belongs to another rep: it is reported, not revealed.
    expect(stopped.body.error.current.matches[0]).toMatchObject({
      entity: 'customer',
      matchedOn: 'name',
      visible: false,
      id: null,
      title: null,
    });
    expect(existing.name).not.toBe(lead.company);
    const confirmed = await team.repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, ignoreDuplicates: true });
    expect(confirmed.status).toBe(200);
  });

  it('leaves nothing behind when a step fails halfway', async () => {
    const team = await makeTeam(t.app, t.db);
    const company = uniq('厦门失败测试');
    const lead = (await team.repA.post('/api/v1/leads', { company, contactName: '陈工' })).body;
    const before = await t.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // The contact step fails (unknown role) after the customer was created inside the transaction.
    const res = await team.repA.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, contact: { role: 'no_such_role' } });
    expect(res.status).toBe(400);
    const after = await t.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await team.repA.get(`/api/v1/leads/${lead.id}`)).body.status).toBe('new');
  });
});

describe('duplicate check (C9)', () => {
  it('matches names across full-width, spaces and legal-form suffixes, and phones', async () => {
    const team = await makeTeam(t.app, t.db);
    const base = uniq('青岛远航');
    const mine = await makeCustomer(team.repA, { name: `${base}物流有限公司`, phone: `0532-${uniq()}` });
    const byName = await team.repA.post('/api/v1/duplicates/check', { name: ` ${base}物流 股份有限公司 ` });
    expect(byName.body.matches).toEqual([expect.objectContaining({ entity: 'customer', matchedOn: 'name', visible: true, id: mine.id })]);
    const byPhone = await team.repA.post('/api/v1/duplicates/check', { phone: mine.phone });
    expect(byPhone.body.matches[0]).toMatchObject({ matchedOn: 'phone', id: mine.id });
    const fullWidth = await team.repA.post('/api/v1/duplicates/check', { name: `${base}物流（集团）有限公司` });
    expect(fullWidth.body.matches.length).toBe(1);
    const none = await team.repA.post('/api/v1/duplicates/check', { name: uniq('完全不同') });
    expect(none.body.matches).toEqual([]);
  });
});
