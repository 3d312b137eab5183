import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeContact, makeCustomer, makeTeam } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { registerDependant, unregisterDependant } from './dependant-registry.js';
import { registerEntity } from './entity-registry.js';

// Throw-away record types registered by this test alone: a contract that must never vanish with
// its customer (restrict), and a business card that hangs off a contact (a second cascade level).
registerEntity({
  entity: 'test_contract',
  table: 'test_contracts',
  plural: 'test-contracts',
  module: 'customers',
  label: { 'zh-CN': '合同', 'zh-TW': '合約', en: 'Contract' },
  titleColumn: 'title',
  counted: { 'zh-CN': '{n} 份合同', 'zh-TW': '{n} 份合約', en: ['{n} contract', '{n} contracts'] },
});
registerEntity({
  entity: 'test_card',
  table: 'test_cards',
  plural: 'test-cards',
  module: 'contacts',
  label: { 'zh-CN': '名片', 'zh-TW': '名片', en: 'Card' },
  titleColumn: 'title',
});
const contractRule = { parent: 'customer', entity: 'test_contract', column: 'customer_id', onParentDelete: 'restrict' } as const;
registerDependant({ parent: 'contact', entity: 'test_card', column: 'contact_id', onParentDelete: 'cascade' });

const RECORD_BASE = sql.raw(`id uuid PRIMARY KEY DEFAULT gen_random_uuid(), owner_id uuid NOT NULL REFERENCES users(id),
  owner_dept_id uuid, created_by uuid, created_at timestamptz NOT NULL DEFAULT now(), updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(), version integer NOT NULL DEFAULT 1, deleted_at timestamptz, deleted_by uuid`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await sql`CREATE TABLE test_contracts (${RECORD_BASE}, customer_id uuid NOT NULL, title text NOT NULL)`.execute(t.db);
  await sql`CREATE TABLE test_cards (${RECORD_BASE}, contact_id uuid NOT NULL, title text NOT NULL)`.execute(t.db);
});
afterAll(() => t.close());

async function insert(table: string, owner: Client, values: Record<string, string>) {
  const cols = Object.keys(values);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO ${sql.table(table)} (owner_id, owner_dept_id, ${sql.join(cols.map((c) => sql.ref(c)))})
    SELECT id, department_id, ${sql.join(Object.values(values))} FROM users WHERE id = ${owner.userId}
    RETURNING id`.execute(t.db);
  return rows[0].id;
}
const deletedAt = async (table: string, id: string) =>
  (await sql<{ deleted_at: Date | null }>`SELECT deleted_at FROM ${sql.table(table)} WHERE id = ${id}`.execute(t.db)).rows[0].deleted_at;

describe('dependants of a record (record base, P4)', () => {
  it('refuses to delete a customer with a restrict dependant: 409 naming kind, count and titles; nothing moves', async () => {
    registerDependant(contractRule);
    try {
      const team = await makeTeam(t.app, t.db);
      const customer = await makeCustomer(team.repA);
      const contact = await makeContact(team.repA, customer.id);
      await insert('test_contracts', team.repA, { customer_id: customer.id, title: '2027 年框架合同' });
      await insert('test_contracts', team.repA, { customer_id: customer.id, title: '维保合同' });
      const gone = await insert('test_contracts', team.repA, { customer_id: customer.id, title: '已作废合同' });
      await sql`UPDATE test_contracts SET deleted_at = now() WHERE id = ${gone}`.execute(t.db);

      const res = await team.repA.delete(`/api/v1/customers/${customer.id}`);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'HAS_DEPENDANTS',
        message: `客户“${customer.name}”下还有 2 份合同（2027 年框架合同、维保合同），不能删除，请先处理这些记录`,
        fields: { test_contract: '还有 2 份合同（2027 年框架合同、维保合同）' },
      });
      const en = await team.repA.request('DELETE', `/api/v1/customers/${customer.id}`, undefined, { 'x-locale': 'en' });
      expect(en.body.error.message).toBe(
        `The customer “${customer.name}” still has 2 contracts (2027 年框架合同, 维保合同); deal with them before deleting it`,
      );
      expect((await team.repA.get(`/api/v1/customers/${customer.id}`)).status).toBe(200);
      expect(await deletedAt('contacts', contact.id)).toBeNull();

      const preview = (await team.repA.get(`/api/v1/customers/${customer.id}/dependants`)).body;
      expect(preview.restrict).toEqual([{ entity: 'test_contract', label: '合同', count: 2, titles: ['2027 年框架合同', '维保合同'] }]);
      expect(preview.restrictMessage).toBe(res.body.error.message);

      await sql`UPDATE test_contracts SET deleted_at = now() WHERE customer_id = ${customer.id}`.execute(t.db);
      expect((await team.repA.delete(`/api/v1/customers/${customer.id}`)).status).toBe(200);
    } finally {
      unregisterDependant(contractRule);
    }
  });

  it("follows a dependant's own dependants into the bin and back, and names the parent in each history", async () => {
    const team = await makeTeam(t.app, t.db);
    const customer = await makeCustomer(team.repA);
    const contact = await makeContact(team.repA, customer.id);
    const card = await insert('test_cards', team.repA, { contact_id: contact.id, title: '王总的名片' });

    const preview = (await team.repA.get(`/api/v1/customers/${customer.id}/dependants`)).body;
    expect(preview.cascade).toEqual(expect.arrayContaining([{ entity: 'test_card', label: '名片', count: 1 }]));
    expect(preview.cascadeText).toContain('1 × 名片');

    expect((await team.repA.delete(`/api/v1/customers/${customer.id}`)).status).toBe(200);
    const [c, k, p] = [
      await deletedAt('customers', customer.id),
      await deletedAt('contacts', contact.id),
      await deletedAt('test_cards', card),
    ];
    expect(c).not.toBeNull();
    expect([k, p]).toEqual([c, c]);
    expect((await historyRows(t.db, 'test_card', card)).at(-1)).toMatchObject({
      action: 'delete',
      new_value: { entity: 'contact', id: contact.id, title: contact.name },
    });
    const row = (await team.repA.get('/api/v1/recycle-bin')).body.items.find((i: { id: string }) => i.id === customer.id);
    expect(row.withIt).toEqual(
      expect.arrayContaining([
        { entity: 'contact', label: '联系人', count: 1 },
        { entity: 'test_card', label: '名片', count: 1 },
      ]),
    );
    // The contact that took the card along cannot come back without its customer.
    expect((await team.repA.post(`/api/v1/recycle-bin/contact/${contact.id}/restore`)).body.error.code).toBe('DELETED_WITH_PARENT');

    expect((await team.repA.post(`/api/v1/recycle-bin/customer/${customer.id}/restore`)).status).toBe(200);
    expect(await deletedAt('test_cards', card)).toBeNull();
    expect((await historyRows(t.db, 'test_card', card)).at(-1)).toMatchObject({ action: 'restore', new_value: { entity: 'contact' } });
    const markers = await sql<{ n: number }>`SELECT count(*)::int AS n FROM record_deleted_with WHERE root_id = ${customer.id}`.execute(
      t.db,
    );
    expect(markers.rows[0].n).toBe(0);
  });

  it('restores only what went with the parent: a card deleted on its own earlier stays in the bin', async () => {
    const team = await makeTeam(t.app, t.db);
    const contact = await makeContact(team.repA, (await makeCustomer(team.repA)).id);
    const kept = await insert('test_cards', team.repA, { contact_id: contact.id, title: '新名片' });
    const old = await insert('test_cards', team.repA, { contact_id: contact.id, title: '旧名片' });
    expect((await team.repA.delete(`/api/v1/test-cards/${old}`)).status).toBe(404);
    await sql`UPDATE test_cards SET deleted_at = now() - interval '1 day' WHERE id = ${old}`.execute(t.db);

    expect((await team.repA.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(200);
    expect((await team.repA.post(`/api/v1/recycle-bin/contact/${contact.id}/restore`)).status).toBe(200);
    expect(await deletedAt('test_cards', kept)).toBeNull();
    expect(await deletedAt('test_cards', old)).not.toBeNull();
  });
});
