import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, makeAdmin, makeClient, makeCustomer, makeContact, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const labels = { 'zh-CN': '新能源汽车', 'zh-TW': '新能源汽車', en: 'EV' };
async function addValue(admin: Client, list = 'industry') {
  const res = await admin.post(`/api/v1/picklists/${list}/values`, { code: uniq('v_'), labels });
  expect(res.status).toBe(201);
  return res.body as { id: string; code: string; version: number; sortOrder: number };
}
const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((v) => v.code);

describe('picklists (P5)', () => {
  it('lists the active values of a list, in order, to every signed-in user', async () => {
    const rep = await makeClient(t.app, t.db);
    const res = await rep.get('/api/v1/picklists?list=customer_grade');
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['A', 'B', 'C', 'D']);
    expect(res.body.items[0].labels).toEqual({ 'zh-CN': 'A 类（重点）', 'zh-TW': 'A 類（重點）', en: 'A (key)' });
    expect((await rep.get('/api/v1/picklists?list=nonsense')).status).toBe(400);
  });

  it('lets an administrator add a value, placed after the others unless told otherwise', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const value = await addValue(admin);
    const list = await admin.get('/api/v1/picklists?list=industry');
    expect(codes(list).at(-1)).toBe(value.code);
    const dup = await admin.post('/api/v1/picklists/industry/values', { code: value.code, labels });
    expect(dup.status).toBe(409);
  });

  it('lets an administrator relabel, reorder and deactivate a value; inactive values are listed only on request', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const value = await addValue(admin);
    const relabelled = await admin.patch(`/api/v1/picklists/values/${value.id}`, {
      version: 1,
      labels: { ...labels, en: 'Electric vehicles' },
      sortOrder: 1,
    });
    expect(relabelled.body).toMatchObject({ labels: { en: 'Electric vehicles' }, sortOrder: 1, version: 2 });
    expect(codes(await admin.get('/api/v1/picklists?list=industry'))[0]).toBe(value.code);
    const stale = await admin.patch(`/api/v1/picklists/values/${value.id}`, { version: 1, active: false });
    expect(stale.status).toBe(409);
    expect((await admin.patch(`/api/v1/picklists/values/${value.id}`, { version: 2, active: false })).body.active).toBe(false);
    expect(codes(await admin.get('/api/v1/picklists?list=industry'))).not.toContain(value.code);
    expect(codes(await admin.get('/api/v1/picklists?list=industry&includeInactive=true'))).toContain(value.code);
  });

  it('refuses changes from anyone but an administrator (403)', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const value = await addValue(admin);
    const director = await makeClient(t.app, t.db, { role: 'director' });
    expect((await director.post('/api/v1/picklists/industry/values', { code: uniq('v_'), labels })).status).toBe(403);
    expect((await director.patch(`/api/v1/picklists/values/${value.id}`, { version: 1, active: false })).status).toBe(403);
    expect((await director.delete(`/api/v1/picklists/values/${value.id}`)).status).toBe(403);
    expect((await admin.get('/api/v1/picklists?list=industry')).body.items.find((v: { id: string }) => v.id === value.id).active).toBe(
      true,
    );
  });

  it('refuses to delete a value that records use (409 IN_USE), even records in the recycle bin', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const rep = await makeClient(t.app, t.db);
    const industry = await addValue(admin);
    const role = await addValue(admin, 'contact_role');
    const customer = await makeCustomer(rep, { industry: industry.code });
    await makeContact(rep, customer.id, { role: role.code });
    await rep.delete(`/api/v1/customers/${customer.id}`);
    for (const v of [industry, role]) {
      const res = await admin.delete(`/api/v1/picklists/values/${v.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('IN_USE');
    }
    expect(await countRows(t.db, 'picklist_values', ['id', industry.id])).toBe(1);
  });

  it('deletes a value nobody uses', async () => {
    const admin = await makeAdmin(t.app, t.db);
    const value = await addValue(admin);
    expect((await admin.delete(`/api/v1/picklists/values/${value.id}`)).status).toBe(200);
    expect(await countRows(t.db, 'picklist_values', ['id', value.id])).toBe(0);
    expect((await admin.delete(`/api/v1/picklists/values/${value.id}`)).status).toBe(404);
  });
});
