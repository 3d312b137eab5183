import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeContact, makeCustomer, makeTeam, uniq } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Group = { type: string; hits: { id: string; title: string; subtitle: string | null; link: string }[]; more: boolean };
const group = (body: { groups: Group[] }, type: string) => body.groups.find((g) => g.type === type)?.hits ?? [];

describe('global search (C11)', () => {
  it('finds customers, contacts, leads, notes, follow-ups and opportunities by a 2-character Chinese query, within scope', async () => {
    const team = await makeTeam(t.app, t.db);
    const word = `琥珀${uniq().slice(0, 2)}`; // unique per run, two CJK characters first
    const mine = await makeCustomer(team.repA, { name: `上海${word}科技有限公司` });
    const theirs = await makeCustomer(team.repB, { name: `北京${word}科技有限公司` });
    await makeContact(team.repA, mine.id, { name: '王琥珀', mobile: '13800001111' });
    await team.repA.post('/api/v1/leads', { company: `杭州${word}贸易有限公司` });
    await team.repA.post('/api/v1/notes', { title: `${word} 项目复盘` });
    await team.repA.post('/api/v1/follow-ups', {
      customerId: mine.id,
      type: 'call',
      content: `聊了${word}二期`,
      occurredAt: new Date().toISOString(),
    });

    await team.repA.post('/api/v1/opportunities', { customerId: mine.id, name: `${word}产线二期`, amount: '1250000' });
    await team.repB.post('/api/v1/opportunities', { customerId: theirs.id, name: `${word}别人的商机` });

    const res = await team.repA.get(`/api/v1/search?q=${encodeURIComponent('琥珀')}&limit=10`);
    expect(res.status).toBe(200);
    expect(group(res.body, 'customer').map((h) => h.id)).toEqual([mine.id]);
    expect(group(res.body, 'contact').map((h) => h.title)).toEqual(['王琥珀']);
    expect(group(res.body, 'lead').map((h) => h.title)).toEqual([`杭州${word}贸易有限公司`]);
    expect(group(res.body, 'note')).toHaveLength(1);
    expect(group(res.body, 'follow_up')[0].subtitle).toContain(word);
    expect(group(res.body, 'opportunity').map((h) => [h.title, h.subtitle])).toEqual([
      [`${word}产线二期`, `上海${word}科技有限公司 · ¥1,250,000.00`],
    ]);
    // Never a record outside the caller's scope; the manager above both reps sees both.
    expect(JSON.stringify(res.body)).not.toContain(theirs.id);
    const manager = await team.eastManager.get(`/api/v1/search?q=${encodeURIComponent(word)}&types=customer`);
    expect(
      group(manager.body, 'customer')
        .map((h) => h.id)
        .sort(),
    ).toEqual([mine.id, theirs.id].sort());
    expect(manager.body.groups.map((g: Group) => g.type)).toEqual(['customer']);
  });

  it('matches phone numbers and says when a group has more', async () => {
    const team = await makeTeam(t.app, t.db);
    const c = await makeCustomer(team.repA);
    for (const n of [1, 2, 3]) await makeContact(team.repA, c.id, { name: `联系人${n}`, mobile: `1399999000${n}` });
    const res = await team.repA.get('/api/v1/search?q=13999990&types=contact&limit=2');
    expect(res.body.groups[0]).toMatchObject({ type: 'contact', more: true });
    expect(res.body.groups[0].hits).toHaveLength(2);
  });

  it('asks for at least two characters (400 with the field), and leaves out what the role may not view', async () => {
    const team = await makeTeam(t.app, t.db);
    const short = await team.repA.get('/api/v1/search?q=a');
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toHaveProperty('q');
    const purchasing = await makeClient(t.app, t.db, { role: 'purchasing' });
    const res = await purchasing.get('/api/v1/search?q=%E5%85%AC%E5%8F%B8');
    expect(res.status).toBe(200);
    expect(res.body.groups.map((g: Group) => g.type).every((x: string) => x === 'customer')).toBe(true);
  });
});
