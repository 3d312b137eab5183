import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, makeContact, makeCustomer, makeTeam, unknownId } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describe('contacts', () => {
  it("belong to a customer and are owned by the customer's owner, in the owner's department", async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const contact = await makeContact(team.eastManager, customer.id, { title: '采购经理', role: 'purchasing', email: 'li@example.com' });
    expect(contact).toMatchObject({
      customerId: customer.id,
      customerName: customer.name,
      ownerId: team.repA.userId,
      ownerDeptId: team.departments.shanghai,
      createdBy: team.eastManager.userId,
      role: 'purchasing',
      version: 1,
    });
    expect((await team.repA.get(`/api/v1/customers/${customer.id}`)).body.contactCount).toBe(1);
  });

  it('are changed with the version they were read at and deleted into the recycle bin', async () => {
    const team = await makeTeam(t.app, t.db);
    const contact = await makeContact(team.repA, (await makeCustomer(team.repA)).id);
    const patched = await team.repA.patch(`/api/v1/contacts/${contact.id}`, { version: 1, mobile: '13800000000' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ mobile: '13800000000', version: 2 });
    const stale = await team.repA.patch(`/api/v1/contacts/${contact.id}`, { version: 1, mobile: '13900000000' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.mobile).toBe('13800000000');
    expect((await team.repA.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(200);
    expect((await team.repA.get(`/api/v1/contacts/${contact.id}`)).status).toBe(404);
    expect((await team.repA.get('/api/v1/recycle-bin?entity=contact')).body.items.map((i: { id: string }) => i.id)).toContain(contact.id);
  });

  it('keep a single primary contact per customer', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const first = await makeContact(team.repA, customer.id, { isPrimary: true });
    const second = await makeContact(team.repA, customer.id, { isPrimary: true });
    expect((await team.repA.get(`/api/v1/contacts/${first.id}`)).body.isPrimary).toBe(false);
    expect((await team.repA.get(`/api/v1/contacts/${second.id}`)).body.isPrimary).toBe(true);
    expect((await team.repA.get(`/api/v1/customers/${customer.id}`)).body.primaryContactName).toBe(second.name);
    // The displaced primary's change is a change like any other: in its history, by whoever caused it.
    const history = (await team.repA.get(`/api/v1/contacts/${first.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'update', field: 'is_primary', oldValue: true, newValue: false, actorId: team.repA.userId });
  });

  it('stay primary when a PATCH changes something else', async () => {
    const team = await makeTeam(t.app, t.db);
    const primary = await makeContact(team.repA, (await makeCustomer(team.repA)).id, { isPrimary: true, email: 'a@example.com' });
    const res = await team.repA.patch(`/api/v1/contacts/${primary.id}`, { version: 1, title: '总经理' });
    expect(res.body).toMatchObject({ title: '总经理', isPrimary: true, email: 'a@example.com' });
  });

  it('accept only active contact-role picklist codes (400 fields.role)', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const res = await team.repA.post('/api/v1/contacts', { customerId: customer.id, name: '王五', role: 'astrologer' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('role');
  });

  it('hide with their customer when it goes to the recycle bin, and come back with it', async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, customer.id);
    await team.repA.delete(`/api/v1/customers/${customer.id}`);
    expect(ids(await team.repA.get('/api/v1/contacts'))).not.toContain(contact.id);
    expect((await team.repA.post(`/api/v1/recycle-bin/customer/${customer.id}/restore`)).status).toBe(200);
    expect(ids(await team.repA.get('/api/v1/contacts'))).toContain(contact.id);
  });
});

describe('contact data scopes (P2)', () => {
  it("answers 404 when a rep lists, reads, changes or deletes another rep's contact", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeContact(team.repB, (await makeCustomer(team.repB)).id);
    expect(ids(await team.repA.get('/api/v1/contacts?pageSize=200'))).toEqual([]);
    expect((await team.repA.get(`/api/v1/contacts/${theirs.id}`)).status).toBe(404);
    expect((await team.repA.patch(`/api/v1/contacts/${theirs.id}`, { version: 1, name: '改名' })).status).toBe(404);
    expect((await team.repA.delete(`/api/v1/contacts/${theirs.id}`)).status).toBe(404);
    expect((await team.repA.get(`/api/v1/contacts/${theirs.id}/history`)).status).toBe(404);
    expect((await team.repB.get(`/api/v1/contacts/${theirs.id}`)).body).toMatchObject({ name: theirs.name, version: 1 });
  });

  it("shows a manager the contacts of his department's sub-departments, not a sibling department's", async () => {
    const team = await makeTeam(t.app, t.db);
    const shanghai = await makeContact(team.repA, (await makeCustomer(team.repA)).id);
    const south = await makeContact(team.repSouth, (await makeCustomer(team.repSouth)).id);
    const seen = ids(await team.eastManager.get('/api/v1/contacts?pageSize=200'));
    expect(seen).toContain(shanghai.id);
    expect(seen).not.toContain(south.id);
    expect((await team.eastManager.get(`/api/v1/contacts/${south.id}`)).status).toBe(404);
  });

  it('shows the director every contact', async () => {
    const team = await makeTeam(t.app, t.db);
    const a = await makeContact(team.repA, (await makeCustomer(team.repA)).id);
    const south = await makeContact(team.repSouth, (await makeCustomer(team.repSouth)).id);
    expect((await team.director.get(`/api/v1/contacts/${a.id}`)).status).toBe(200);
    expect((await team.director.get(`/api/v1/contacts/${south.id}`)).status).toBe(200);
  });

  it("cannot be widened by filtering on another rep's ownerId or customerId", async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repB);
    const theirs = await makeContact(team.repB, customer.id);
    for (const query of [`ownerId=${team.repB.userId}`, `customerId=${customer.id}`, `q=${encodeURIComponent(theirs.name)}`]) {
      const res = await team.repA.get(`/api/v1/contacts?${query}`);
      expect(res.status, query).toBe(200);
      expect(ids(res), query).not.toContain(theirs.id);
    }
  });

  it("keeps another rep's deleted contacts out of the recycle bin and beyond restore", async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeContact(team.repB, (await makeCustomer(team.repB)).id);
    await team.repB.delete(`/api/v1/contacts/${theirs.id}`);
    expect(ids(await team.repA.get('/api/v1/recycle-bin?entity=contact&pageSize=200'))).not.toContain(theirs.id);
    expect((await team.repA.post(`/api/v1/recycle-bin/contact/${theirs.id}/restore`)).status).toBe(404);
    expect((await team.repA.get(`/api/v1/contacts/${theirs.id}/history`)).status).toBe(404);
    expect((await team.repB.post(`/api/v1/recycle-bin/contact/${theirs.id}/restore`)).status).toBe(200);
  });

  it('refuses a contact on a customer the rep cannot see (400 fields.customerId) and writes nothing', async () => {
    const team = await makeTeam(t.app, t.db);
    const theirs = await makeCustomer(team.repB);
    const before = await countRows(t.db, 'contacts');
    for (const customerId of [theirs.id, unknownId()]) {
      const res = await team.repA.post('/api/v1/contacts', { customerId, name: '张三' });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty('customerId');
    }
    expect(await countRows(t.db, 'contacts')).toBe(before);
  });
});
