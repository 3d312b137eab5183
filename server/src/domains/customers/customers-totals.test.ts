import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { makeAdmin, makeCustomer, makeTeam } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// Unfiltered lists take their total from customer_counts (kept by triggers), not from count(*):
// whatever happens to customers, that total must equal the rows the list actually holds.
async function expectExactTotal(client: Client, query = '') {
  const res = await client.get(`/api/v1/customers?pageSize=200${query}`);
  expect(res.status).toBe(200);
  expect(res.body.total, `total of ${query || 'the whole list'}`).toBe(res.body.items.length);
  return res.body.total as number;
}

async function liveCustomers() {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM customers WHERE deleted_at IS NULL`.execute(t.db);
  return rows[0].n;
}

describe('list totals', () => {
  it('stay exact through create, delete, restore, reassignment and transfer, in every scope', async () => {
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    const a = [await makeCustomer(team.repA), await makeCustomer(team.repA), await makeCustomer(team.repA)];
    await makeCustomer(team.repB);
    await makeCustomer(team.repSouth);
    const totals = async () => ({
      repA: await expectExactTotal(team.repA),
      repB: await expectExactTotal(team.repB),
      repSouth: await expectExactTotal(team.repSouth),
      east: await expectExactTotal(team.eastManager),
      south: await expectExactTotal(team.southManager),
      director: (await team.director.get('/api/v1/customers?pageSize=1')).body.total,
    });
    expect(await totals()).toEqual({ repA: 3, repB: 1, repSouth: 1, east: 4, south: 1, director: await liveCustomers() });

    await team.repA.delete(`/api/v1/customers/${a[0].id}`);
    expect(await totals()).toMatchObject({ repA: 2, east: 3, director: await liveCustomers() });

    expect((await team.repA.post(`/api/v1/recycle-bin/customer/${a[0].id}/restore`)).status).toBe(200);
    expect(await totals()).toMatchObject({ repA: 3, east: 4, director: await liveCustomers() });

    const moved = await team.eastManager.patch(`/api/v1/customers/${a[1].id}`, { version: a[1].version, ownerId: team.repB.userId });
    expect(moved.status).toBe(200);
    expect(await totals()).toMatchObject({ repA: 2, repB: 2, east: 4 });

    const transfer = await admin.post('/api/v1/transfers', { fromUserId: team.repB.userId, toUserId: team.repSouth.userId });
    expect(transfer.status).toBe(200);
    expect(await totals()).toMatchObject({ repA: 2, repB: 0, repSouth: 3, east: 2, south: 3, director: await liveCustomers() });

    // Owner filters are totalled from the counts too; other filters count the rows.
    await expectExactTotal(team.eastManager, `&ownerId=${team.repA.userId}`);
    await expectExactTotal(team.director, `&ownerDeptId=${team.departments.south}`);
    await expectExactTotal(team.director, `&ownerDeptId=${team.departments.south}&q=${encodeURIComponent('客户')}`);
  });
});
