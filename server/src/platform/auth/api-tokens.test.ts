import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeCustomer, makeRep, makeTeam, unknownId } from '../../test/factories.js';
import { call, type Client, startTestApp, type TestApp, tokenClient } from '../../test/test-app.js';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function createToken(client: Client, body: Record<string, unknown> = { name: 'ERP sync' }) {
  const res = await client.post('/api/v1/api-tokens', body);
  expect(res.status).toBe(201);
  return res.body as { id: string; token: string; prefix: string; expiresAt: string | null };
}

describe('personal API tokens', () => {
  it('shows the secret once, at creation, and stores only its hash', async () => {
    const repA = await makeRep(t.app, t.db);
    const created = await createToken(repA);
    expect(created.token).toMatch(/^crm_/);
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const listed = await repA.get('/api/v1/api-tokens');
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('token');
    expect(JSON.stringify(listed.body)).not.toContain(created.token);

    const row = await t.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(Object.values(row).map(String)).not.toContain(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(10));
  });

  it('authenticates Bearer calls, writes included, with no CSRF header', async () => {
    const repA = await makeRep(t.app, t.db);
    const api = tokenClient(t.app, (await createToken(repA)).token);
    const me = await api.get('/api/v1/auth/me');
    expect(me.body.id).toBe(repA.userId);
    // The web client takes the company's time zone from here (CRM_TIME_ZONE, default Asia/Shanghai).
    expect(me.body.timeZone).toBe('Asia/Shanghai');
    const created = await api.post('/api/v1/customers', { name: `Token Co ${Date.now()}` });
    expect(created.status).toBe(201);
    expect(created.body.ownerId).toBe(repA.userId);
  });

  it('sees exactly what its user sees: a rep’s token reads only that rep’s records', async () => {
    const team = await makeTeam(t.app, t.db);
    const mine = await makeCustomer(team.repA);
    const theirs = await makeCustomer(team.repB);
    const api = tokenClient(t.app, (await createToken(team.repA)).token);
    const list = await api.get('/api/v1/customers?pageSize=200');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await api.get(`/api/v1/customers/${theirs.id}`)).status).toBe(404);
    expect((await api.get('/api/v1/users')).status).toBe(403);
  });

  it('stops working once revoked (401)', async () => {
    const repA = await makeRep(t.app, t.db);
    const token = await createToken(repA);
    const api = tokenClient(t.app, token.token);
    expect((await api.get('/api/v1/customers')).status).toBe(200);
    expect((await repA.delete(`/api/v1/api-tokens/${token.id}`)).status).toBe(200);
    const res = await api.get('/api/v1/customers');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect((await repA.get('/api/v1/api-tokens')).body.items[0].revokedAt).not.toBeNull();
  });

  it('stops working after its expiry date (401)', async () => {
    const repA = await makeRep(t.app, t.db);
    const token = await createToken(repA, { name: 'short-lived', expiresInDays: 1 });
    expect(new Date(token.expiresAt ?? 0).getTime()).toBe(t.clock.now().getTime() + DAY);
    const api = tokenClient(t.app, token.token);
    t.clock.advance(DAY - 1000);
    expect((await api.get('/api/v1/customers')).status).toBe(200);
    t.clock.advance(1000);
    expect((await api.get('/api/v1/customers')).status).toBe(401);
  });

  it('refuses an unknown or malformed token with 401, not a fallback to the session', async () => {
    const repA = await makeRep(t.app, t.db);
    for (const authorization of ['Bearer crm_not-a-real-token', 'Bearer ']) {
      const res = await call(t.app, 'GET', '/api/v1/customers', { headers: { authorization, cookie: repA.cookie } });
      expect(res.status).toBe(401);
    }
  });

  it("cannot revoke another user's token (404), which keeps working", async () => {
    const team = await makeTeam(t.app, t.db);
    const token = await createToken(team.repB);
    const admin = await makeAdmin(t.app, t.db);
    expect((await team.repA.delete(`/api/v1/api-tokens/${token.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/api-tokens/${token.id}`)).status).toBe(404);
    expect((await team.repA.delete(`/api/v1/api-tokens/${unknownId()}`)).status).toBe(404);
    expect((await tokenClient(t.app, token.token).get('/api/v1/customers')).status).toBe(200);
    expect((await team.repA.get('/api/v1/api-tokens')).body.items).toEqual([]);
  });

  it('stops working when its user is deactivated', async () => {
    const repA = await makeRep(t.app, t.db);
    const api = tokenClient(t.app, (await createToken(repA)).token);
    const admin = await makeAdmin(t.app, t.db);
    const user = await admin.get(`/api/v1/users/${repA.userId}`);
    expect((await admin.patch(`/api/v1/users/${repA.userId}`, { version: user.body.version, active: false })).status).toBe(200);
    expect((await api.get('/api/v1/customers')).status).toBe(401);
  });
});
