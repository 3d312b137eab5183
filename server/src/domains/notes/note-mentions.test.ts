import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRep, makeUser, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('@mentions in notes', () => {
  it('notifies a colleague @mentioned in a note', async () => {
    const rep = await makeRep(t.app, t.db);
    const colleague = await makeUser(t.db, { username: uniq('col') });
    const res = await rep.post('/api/v1/notes', {
      title: '竞品报价汇总',
      body: `@${colleague.username} 这份资料你看看`,
      tags: [],
      links: [],
    });
    expect(res.status).toBe(201);
    const got = await t.db.selectFrom('notifications').selectAll().where('user_id', '=', colleague.id).execute();
    expect(got.map((n) => n.kind)).toEqual(['mention']);
    expect(got[0]?.title).toContain('笔记「竞品报价汇总」');
  });
});
