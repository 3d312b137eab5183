import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeContact, makeCustomer, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { makeOpportunity, makePipeline } from '../pipeline-reports/report-test-data.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Count {
  entity: string;
  owner_id: string | null;
  owner_dept_id: string | null;
  bad: number;
  total: number;
}

/** What the triggers keep, without the owners they have brought back to zero. */
async function kept(): Promise<Count[]> {
  const { rows } = await sql<Count>`
    SELECT entity, owner_id, owner_dept_id, bad, total FROM timeliness_counts WHERE bad <> 0 OR total <> 0
     ORDER BY 1, 2, 3`.execute(t.db);
  return rows;
}

/** The same counted from the rows, with the checks' own definitions. */
async function recount(): Promise<Count[]> {
  const { rows } = await sql<Count>`
    SELECT * FROM (
      SELECT 'customer' AS entity, c.owner_id, c.owner_dept_id,
             count(*) FILTER (WHERE coalesce(btrim(c.industry), '') = '' OR coalesce(btrim(c.phone), '') = ''
               OR NOT EXISTS (SELECT 1 FROM contacts ct WHERE ct.customer_id = c.id AND ct.deleted_at IS NULL))::int AS bad,
             count(*)::int AS total
        FROM customers c WHERE c.deleted_at IS NULL GROUP BY 2, 3
      UNION ALL
      SELECT 'opportunity', owner_id, owner_dept_id, count(*) FILTER (WHERE expected_close_date IS NULL OR amount = 0)::int, count(*)::int
        FROM opportunities WHERE deleted_at IS NULL AND status = 'open' GROUP BY 2, 3
    ) r ORDER BY 1, 2, 3`.execute(t.db);
  return rows;
}

const same = async () => expect(await kept()).toEqual(await recount());

describe('missing-field counts kept by triggers (T7)', () => {
  it('equal a recount after each kind of change', async () => {
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    const p = await makePipeline(t.db);
    await same();

    const full = await makeCustomer(team.repA, { industry: 'it', phone: '021-1' });
    const bare = await makeCustomer(team.repA);
    const other = await makeCustomer(team.repB, { industry: 'it', phone: '021-2' });
    await same();

    // A first contact makes a complete customer good; a second changes nothing; deleting both makes it bad again.
    const c1 = await makeContact(team.repA, full.id);
    const c2 = await makeContact(team.repA, full.id);
    await makeContact(team.repB, other.id);
    await same();
    expect((await kept()).find((r) => r.entity === 'customer' && r.owner_id === team.repA.userId)).toMatchObject({ bad: 1, total: 2 });
    await team.repA.delete(`/api/v1/contacts/${c1.id}`);
    await same();
    await team.repA.delete(`/api/v1/contacts/${c2.id}`);
    await same();
    await t.db.updateTable('contacts').set({ deleted_at: null }).where('id', 'in', [c1.id, c2.id]).execute();
    await same();

    // Editing fields, deleting to the bin and restoring.
    const edited = await team.repA.patch(`/api/v1/customers/${bare.id}`, { version: bare.version, industry: 'it', phone: '010-3' });
    expect(edited.status).toBe(200);
    await same();
    expect((await team.repA.delete(`/api/v1/customers/${full.id}`)).status).toBeLessThan(300);
    await same();
    expect((await team.repA.post(`/api/v1/recycle-bin/customer/${full.id}/restore`)).status).toBe(200);
    await same();

    // A contact moved to another customer, and a new owner for a customer and then for all of a rep's rows.
    await t.db.updateTable('contacts').set({ customer_id: bare.id }).where('id', '=', c1.id).execute();
    await same();
    const moved = await team.eastManager.patch(`/api/v1/customers/${other.id}`, { version: other.version, ownerId: team.repA.userId });
    expect(moved.status).toBe(200);
    await same();

    const deal = await makeOpportunity(t.db, {
      owner: { userId: team.repB.userId, deptId: team.departments.shanghai },
      pipeline: p,
      stage: 'initial',
      amount: '0',
      customerId: other.id,
    });
    await makeOpportunity(t.db, {
      owner: { userId: team.repB.userId, deptId: team.departments.shanghai },
      pipeline: p,
      stage: 'quote',
      amount: '800.00',
      expectedCloseDate: '2026-12-31',
      customerId: other.id,
    });
    await same();
    await t.db.updateTable('opportunities').set({ amount: '100.00', expected_close_date: '2026-11-30' }).where('id', '=', deal).execute();
    await same();
    await t.db.updateTable('opportunities').set({ status: 'won' }).where('id', '=', deal).execute();
    await same();
    expect((await admin.post('/api/v1/transfers', { fromUserId: team.repB.userId, toUserId: team.repSouth.userId })).status).toBe(200);
    await same();
    expect((await admin.post('/api/v1/transfers', { fromUserId: team.repA.userId, toUserId: team.repB.userId })).status).toBe(200);
    await same();

    // A hard delete (contacts go with their customer) and a bulk load in one statement each.
    await t.db.deleteFrom('contacts').where('customer_id', '=', bare.id).execute();
    await t.db.deleteFrom('customers').where('id', '=', bare.id).execute();
    await same();
    await sql`
      INSERT INTO customers (owner_id, owner_dept_id, name, industry, phone)
      SELECT ${team.repSouth.userId}::uuid, ${team.departments.south}::uuid, '批量' || i, CASE WHEN i % 3 = 0 THEN NULL ELSE '零售' END,
             CASE WHEN i % 5 = 0 THEN NULL ELSE '0755-' || i END
        FROM generate_series(1, 300) i`.execute(t.db);
    await sql`
      INSERT INTO contacts (owner_id, owner_dept_id, customer_id, name)
      SELECT owner_id, owner_dept_id, id, '联系人' FROM customers WHERE name LIKE '批量%' AND right(name, 1) IN ('1', '2', '4')`.execute(
      t.db,
    );
    await same();
    await sql`UPDATE customers SET owner_id = ${team.repA.userId}, owner_dept_id = ${team.departments.shanghai} WHERE name LIKE '批量1%'`.execute(
      t.db,
    );
    await sql`UPDATE contacts SET deleted_at = now() WHERE name = '联系人' AND customer_id IN (SELECT id FROM customers WHERE name LIKE '批量2%')`.execute(
      t.db,
    );
    await same();
  });
});
