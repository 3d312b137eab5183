import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeContact, makeCustomer, makeTeam, unknownId } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('notes (C11)', () => {
  it('keeps Markdown, strips HTML, links to visible records and shows on the customer timeline', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const res = await team.repA.post('/api/v1/notes', {
      title: '华东区投标经验',
      body: '**先拜访技术负责人**<script>alert(1)</script> <a href="javascript:alert(2)">点我</a> <img src=x onerror=alert(3)>',
      tags: ['投标', '华东'],
      links: [{ entity: 'customer', recordId: customer.id }],
    });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe('**先拜访技术负责人** 点我 ');
    expect(res.body.links).toEqual([{ entity: 'customer', recordId: customer.id, title: customer.name }]);
    expect((await historyRows(t.db, 'note', res.body.id))[0].action).toBe('create');

    const timeline = await team.repA.get(`/api/v1/customers/${customer.id}/timeline?types=note`);
    expect(timeline.body.items.map((i: { title: string }) => i.title)).toEqual(['华东区投标经验']);
    const byTag = await team.repA.get(`/api/v1/notes?tag=${encodeURIComponent('投标')}`);
    expect(byTag.body.items.map((n: { id: string }) => n.id)).toContain(res.body.id);
    const byRecord = await team.repA.get(`/api/v1/notes?entity=customer&recordId=${customer.id}`);
    expect(byRecord.body.total).toBe(1);
    expect((await team.repA.get('/api/v1/notes/tags')).body.items).toEqual(expect.arrayContaining([{ tag: '投标', count: 1 }]));
  });

  it("refuses a link to a record the author cannot see, and hides a colleague's note (404)", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeCustomer(team.repB);
    const contact = await makeContact(team.repB, theirs.id);
    for (const link of [
      { entity: 'customer', recordId: theirs.id },
      { entity: 'contact', recordId: contact.id },
      { entity: 'lead', recordId: unknownId() },
    ]) {
      const res = await team.repA.post('/api/v1/notes', { title: '不该挂上', links: [link] });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty('links');
    }
    const note = await team.repB.post('/api/v1/notes', { title: '仅自己可见' });
    expect((await team.repA.get(`/api/v1/notes/${note.body.id}`)).status).toBe(404);
    expect((await team.eastManager.get(`/api/v1/notes/${note.body.id}`)).status).toBe(200);
  });

  it('finds notes by 2-, 3- and 4-character Chinese fragments and by Latin words, case-insensitive', async () => {
    const team = await makeTeam(t.app, t.db);
    const n = await team.director.post('/api/v1/notes', { title: '医疗器械行业打法', body: '先找 IT Director 聊数据安全，再约采购。' });
    for (const q of ['医疗', '器械行', '医疗器械', 'director', 'IT D']) {
      const res = await team.director.get(`/api/v1/notes?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((x: { id: string }) => x.id)).toContain(n.body.id);
    }
    expect(
      (await team.director.get(`/api/v1/notes?q=${encodeURIComponent('器医')}`)).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(n.body.id);
  });
});
