import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeCustomer, makeTeam } from '../../test/factories.js';
import { makeProduct } from '../../test/quote-factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// A list filtered by nothing but status and owner takes its total from contract_counts (kept by
// triggers, migration 0041), not from count(*): whatever happens to contracts, that total must equal
// the rows the list actually holds.
async function exactTotal(client: Client, query = '') {
  const res = await client.get(`/api/v1/contracts?pageSize=100${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.total, `total of ${query || 'the whole list'}`).toBe(res.body.items.length);
  return res.body.total as number;
}

const liveContracts = async (status?: string) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM contracts
                              WHERE deleted_at IS NULL AND (${status ?? null}::text IS NULL OR status = ${status ?? null})`.execute(t.db)
  ).rows[0].n;

describe('contract list totals', () => {
  it('stay exact through create, submit, delete, restore and transfer, in every scope and status', async () => {
    const team = await makeTeam(t.app, t.db);
    const admin = await makeAdmin(t.app, t.db);
    const product = await makeProduct(t.db, { listPrice: '100.00', ownerId: admin.userId });
    const contract = async (client: Client) => {
      const customer = await makeCustomer(client);
      const res = await client.post('/api/v1/contracts', { customerId: customer.id, lines: [{ productId: product, quantity: '1' }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; version: number; customerId: string };
    };
    const a = [await contract(team.repA), await contract(team.repA), await contract(team.repA)];
    await contract(team.repB);
    await contract(team.repSouth);
    const totals = async (query = '') => ({
      repA: await exactTotal(team.repA, query),
      repB: await exactTotal(team.repB, query),
      repSouth: await exactTotal(team.repSouth, query),
      east: await exactTotal(team.eastManager, query),
      south: await exactTotal(team.southManager, query),
      director: (await team.director.get(`/api/v1/contracts?pageSize=1${query}`)).body.total,
    });
    expect(await totals()).toEqual({ repA: 3, repB: 1, repSouth: 1, east: 4, south: 1, director: await liveContracts() });

    // A status change moves the contract from one count to another.
    const submitted = await team.repA.post(`/api/v1/contracts/${a[0].id}/submit`, { version: a[0].version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(await totals('&status=draft')).toMatchObject({ repA: 2, east: 3, director: await liveContracts('draft') });
    expect(await totals('&status=in_approval')).toMatchObject({ repA: 1, east: 1, south: 0, director: await liveContracts('in_approval') });

    expect((await team.repA.delete(`/api/v1/contracts/${a[1].id}`)).status).toBe(200);
    expect(await totals()).toMatchObject({ repA: 2, east: 3, director: await liveContracts() });
    expect((await team.repA.post(`/api/v1/recycle-bin/contract/${a[1].id}/restore`)).status).toBe(200);
    expect(await totals()).toMatchObject({ repA: 3, east: 4, director: await liveContracts() });

    const transfer = await admin.post('/api/v1/transfers', { fromUserId: team.repB.userId, toUserId: team.repSouth.userId });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(200);
    expect(await totals()).toMatchObject({ repA: 3, repB: 0, repSouth: 2, east: 3, south: 2, director: await liveContracts() });

    // The owner filter is totalled from the counts too; any other filter counts the rows.
    await exactTotal(team.eastManager, `&ownerId=${team.repA.userId}&status=draft`);
    await exactTotal(team.eastManager, `&customerId=${a[2].customerId}`);
    await exactTotal(team.director, `&status=draft&signedFrom=2000-01-01`);
  });
});
