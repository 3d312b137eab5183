import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeRep, makeUser, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('@mentions in follow-ups', () => {
  it('notifies the colleague @mentioned in a follow-up once, not the author, and again only for newcomers on edit', async () => {
    const rep = await makeRep(t.app, t.db);
    const manager = await makeUser(t.db, { role: 'manager', username: uniq('mgr') });
    const name = uniq('钱经理');
    await t.db.updateTable('users').set({ display_name: name }).where('id', '=', manager.id).execute();
    const later = await makeUser(t.db, { username: uniq('later') });
    const customer = await makeCustomer(rep);
    const me = await t.db.selectFrom('users').select('display_name').where('id', '=', rep.userId).executeTakeFirstOrThrow();

    const res = await rep.post('/api/v1/follow-ups', {
      customerId: customer.id,
      type: 'visit',
      content: `拜访了采购部，@${name}请帮忙审一下报价折扣；@${me.display_name} 自己备注`,
    });
    expect(res.status).toBe(201);
    const mine = (id: string) =>
      t.db.selectFrom('notifications').selectAll().where('user_id', '=', id).where('kind', '=', 'mention').execute();
    const got = await mine(manager.id);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ category: 'mention', link: `/customers/${customer.id}` });
    expect(got[0]?.title).toBe(`${me.display_name} 在「${customer.name}」的跟进记录里@了你`);
    expect(got[0]?.body).toContain('请帮忙审一下报价折扣');
    expect(await mine(rep.userId)).toHaveLength(0);

    const edit = await rep.patch(`/api/v1/follow-ups/${res.body.id}`, {
      version: res.body.version,
      content: `${res.body.content}，再抄送 @${later.username}`,
    });
    expect(edit.status).toBe(200);
    expect(await mine(manager.id)).toHaveLength(1);
    expect(await mine(later.id)).toHaveLength(1);
  });
});
