import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeCustomer, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('follow-up records (C4)', () => {
  it('needs only customer, type and content, and stamps the time from the clock', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    t.clock.set('2026-11-24T02:30:00Z');
    const res = await team.repA.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'call',
      content: '电话沟通需求，客户下周安排演示',
    });
    expect(res.status).toBe(201);
    expect(res.body.occurredAt).toBe('2026-11-24T02:30:00.000Z');
    expect(res.body.customerName).toBe(customer.name);
    expect(res.body.ownerId).toBe(team.repA.userId);
  });

  it('rejects a contact of another customer and an unknown type', async () => {
    const team = await makeTeam(t.app, t.db);
    const a = await makeCustomer(team.repA);
    const b = await makeCustomer(team.repA);
    const contactOfB = await makeContact(team.repA, b.id);
    const wrongContact = await team.repA.post('/api/v1/follow-ups', {
      customerId: a.id,
      contactId: contactOfB.id,
      type: 'visit',
      content: '拜访',
    });
    expect(wrongContact.status).toBe(400);
    expect(wrongContact.body.error.fields.contactId).toBeTruthy();
    const wrongType = await team.repA.post('/api/v1/follow-ups', { customerId: a.id, type: 'fax', content: 'x' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields.type).toBeTruthy();
    expect((await team.repA.get(`/api/v1/follow-ups?customerId=${a.id}`)).body.total).toBe(0);
  });

  it("does not let a rep log a follow-up on another rep's customer", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeCustomer(team.repB);
    const res = await team.repA.post('/api/v1/follow-ups', { customerId: theirs.id, type: 'call', content: '抢客户' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.customerId).toBeTruthy();
  });

  it("lists only follow-ups in the actor's scope", async () => {
    const team = await makeTeam(t.app, t.db);
    const a = await makeCustomer(team.repA);
    const b = await makeCustomer(team.repB);
    await team.repA.post('/api/v1/follow-ups', { customerId: a.id, type: 'call', content: 'A 的跟进' });
    await team.repB.post('/api/v1/follow-ups', { customerId: b.id, type: 'call', content: 'B 的跟进' });
    const mine = await team.repA.get('/api/v1/follow-ups?pageSize=200');
    expect(mine.body.items.map((f: { content: string }) => f.content)).toEqual(['A 的跟进']);
    const manager = await team.eastManager.get('/api/v1/follow-ups?pageSize=200');
    expect(manager.body.total).toBe(2);
  });
});

describe('customer timeline (C8)', () => {
  it("shows every follow-up of the customer, newest first, including a manager's own visit", async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    await team.repA.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'call',
      content: '第一次电话',
      occurredAt: '2026-11-01T02:00:00Z',
    });
    await team.eastManager.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'visit',
      content: '经理陪同拜访',
      occurredAt: '2026-11-10T02:00:00Z',
    });
    const res = await team.repA.get(`/api/v1/customers/${customer.id}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { body: string }) => i.body)).toEqual(['经理陪同拜访', '第一次电话']);
    expect(res.body.items[0].meta.followUpType).toBe('visit');
    expect(res.body.types).toContain('follow_up');
  });

  it('pages with before and filters by type', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    for (const day of [1, 2, 3]) {
      await team.repA.post('/api/v1/follow-ups', {
        customerId: customer.id,
        type: 'note',
        content: `记录 ${day}`,
        occurredAt: `2026-11-0${day}T02:00:00Z`,
      });
    }
    const older = await team.repA.get(`/api/v1/customers/${customer.id}/timeline?before=2026-11-03T00:00:00Z&limit=1`);
    expect(older.body.items.map((i: { body: string }) => i.body)).toEqual(['记录 2']);
    const none = await team.repA.get(`/api/v1/customers/${customer.id}/timeline?types=nothing`);
    expect(none.body.items).toEqual([]);
  });

  it('pages through items sharing one instant without repeating or skipping any (before + beforeKey)', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    for (const n of [1, 2, 3, 4, 5]) {
      await team.repA.post('/api/v1/follow-ups', {
        customerId: customer.id,
        type: 'note',
        content: `同一时刻 ${n}`,
        occurredAt: '2026-11-05T02:00:00Z',
      });
    }
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await team.repA.get(`/api/v1/customers/${customer.id}/timeline?types=follow_up&limit=2${cursor}`);
      expect(res.status).toBe(200);
      const items = res.body.items as { type: string; id: string; at: string; body: string }[];
      seen.push(...items.map((i) => i.body));
      if (items.length < 2) break;
      const tail = items[items.length - 1];
      cursor = `&before=${encodeURIComponent(tail.at)}&beforeKey=${encodeURIComponent(`${tail.type}:${tail.id}`)}`;
    }
    expect(seen.sort()).toEqual(['同一时刻 1', '同一时刻 2', '同一时刻 3', '同一时刻 4', '同一时刻 5']);
  });

  it("answers 404 for a customer outside the actor's scope", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeCustomer(team.repB);
    expect((await team.repA.get(`/api/v1/customers/${theirs.id}/timeline`)).status).toBe(404);
  });
});
