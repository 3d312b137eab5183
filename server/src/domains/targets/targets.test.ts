import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { historyRows, makeAdmin, makeTeam, TEST_PASSWORD } from '../../test/factories.js';
import { effectiveContract } from '../../test/receivable-factories.js';
import { type Client, login, startTestApp, type TestApp } from '../../test/test-app.js';
import { sumMoney } from '../../platform/money.js';
import { evenSplit, shareSplit } from './target-split.js';

let t: TestApp;
let admin: Client & { username: string };
let adminId: string;
const NOW = new Date('2026-12-07T02:00:00Z');
beforeAll(async () => {
  t = await startTestApp(process.env.TARGETS_DEBUG ? { LOG_LEVEL: 'error' } : {});
  t.clock.set(NOW);
  admin = await makeAdmin(t.app, t.db);
  adminId = (await t.db.selectFrom('users').select('id').where('username', '=', admin.username).executeTakeFirstOrThrow()).id;
});
afterEach(() => t.clock.set(NOW));
afterAll(() => t.close());

const userId = async (c: { username: string }) =>
  (await t.db.selectFrom('users').select('id').where('username', '=', c.username).executeTakeFirstOrThrow()).id;

async function team() {
  const tm = await makeTeam(t.app, t.db);
  return { ...tm, ids: { repA: await userId(tm.repA), repB: await userId(tm.repB), eastManager: await userId(tm.eastManager) } };
}

async function target(who: Client, body: Record<string, unknown>) {
  const res = await who.post('/api/v1/targets', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; rows: { userId: string | null; departmentId: string | null; name: string }[] };
}

const total = (cells: { amount: string }[]) => sumMoney(cells.map((c) => c.amount));

describe('splitting a target (T1, seed 001)', () => {
  it('splits evenly in whole fen with the odd fen on the last cell', () => {
    expect(evenSplit(100_000n, 24).slice(0, 2)).toEqual([4166n, 4166n]);
    expect(evenSplit(100_000n, 24)[23]).toBe(100_000n - 4166n * 23n);
    expect(shareSplit(100_001n, [3n, 0n, 1n])).toEqual([75_000n, 0n, 25_001n]);
    expect(shareSplit(100n, [0n, 0n])).toBeNull();
  });

  it('proposes an even split of a department target over its people × 12 months that adds up to the fen', async () => {
    const tm = await team();
    const tg = await target(tm.eastManager, {
      type: 'signed_amount',
      year: 2027,
      departmentId: tm.departments.shanghai,
      amount: '1000.00',
    });
    const people = tg.rows.filter((r) => r.userId);
    expect(people.map((r) => r.userId).sort()).toEqual([tm.ids.repA, tm.ids.repB].sort());
    const res = await tm.eastManager.post(`/api/v1/targets/${tg.id}/split`, { method: 'even', rows: people });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cells = res.body.cells as { userId: string; month: number; amount: string }[];
    expect(cells).toHaveLength(24);
    expect(cells[0].amount).toBe('41.66');
    expect(cells[23]).toMatchObject({ userId: people[1].userId, month: 12, amount: '41.82' });
    expect(total(cells)).toBe('1000.00');

    const saved = await tm.eastManager.request('PUT', `/api/v1/targets/${tg.id}/cells`, { version: tg.version, method: 'even', cells });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ distributed: '1000.00', undistributed: '0.00', splitMethod: 'even' });
  });

  it('splits in proportion to last year’s actuals of the same type, person by person and month by month', async () => {
    const tm = await team();
    await effectiveContract(t.db, adminId, tm.repA, '300.00', { signDate: '2026-03-10' });
    await effectiveContract(t.db, adminId, tm.repB, '100.00', { signDate: '2026-06-20' });
    const tg = await target(tm.eastManager, {
      type: 'signed_amount',
      year: 2027,
      departmentId: tm.departments.shanghai,
      amount: '1000.01',
    });
    const rows = [
      { userId: tm.ids.repA, departmentId: null },
      { userId: tm.ids.repB, departmentId: null },
    ];
    const res = await tm.eastManager.post(`/api/v1/targets/${tg.id}/split`, { method: 'last_year', rows });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cells = res.body.cells as { userId: string; month: number; amount: string }[];
    const cell = (u: string, m: number) => cells.find((c) => c.userId === u && c.month === m)?.amount;
    expect(cell(tm.ids.repA, 3)).toBe('750.00');
    expect(cell(tm.ids.repB, 6)).toBe('250.00');
    expect(cell(tm.ids.repB, 12)).toBe('0.01');
    expect(cell(tm.ids.repA, 1)).toBe('0.00');
    expect(total(cells)).toBe('1000.01');
  });

  it('asks for another method when there is nothing last year to follow', async () => {
    const tm = await team();
    const tg = await target(tm.eastManager, { type: 'collections', year: 2027, departmentId: tm.departments.shanghai, amount: '10.00' });
    const res = await tm.eastManager.post(`/api/v1/targets/${tg.id}/split`, { method: 'last_year', rows: [{ userId: tm.ids.repA }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.method).toContain('去年没有实际业绩');
  });

  it('saves a split by hand and refuses one that exceeds the target, with a field message', async () => {
    const tm = await team();
    const tg = await target(tm.eastManager, { type: 'signed_amount', year: 2027, departmentId: tm.departments.shanghai, amount: '500.00' });
    const over = await tm.eastManager.request('PUT', `/api/v1/targets/${tg.id}/cells`, {
      version: tg.version,
      cells: [
        { userId: tm.ids.repA, month: 1, amount: '300.00' },
        { userId: tm.ids.repB, month: 2, amount: '200.01' },
      ],
    });
    expect(over.status).toBe(422);
    expect(over.body.error.fields.cells).toBe('已分配 500.01，超出目标 500.00，多了 0.01');
    const ok = await tm.eastManager.request('PUT', `/api/v1/targets/${tg.id}/cells`, {
      version: tg.version,
      cells: [
        { userId: tm.ids.repA, month: 1, amount: '300.00' },
        { userId: tm.ids.repB, month: 2, amount: '100.00' },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ distributed: '400.00', undistributed: '100.00' });
    // Only people of the department and its direct sub-departments take a share.
    const stranger = await tm.eastManager.request('PUT', `/api/v1/targets/${tg.id}/cells`, {
      version: ok.body.version,
      cells: [{ userId: tm.ids.eastManager, month: 1, amount: '1.00' }],
    });
    expect(stranger.status).toBe(400);
  });

  it('keeps a department’s target within what its parent gives it (422)', async () => {
    const tm = await team();
    const east = await target(tm.eastManager, { type: 'gross_margin', year: 2027, departmentId: tm.departments.east, amount: '900.00' });
    const put = await tm.eastManager.request('PUT', `/api/v1/targets/${east.id}/cells`, {
      version: east.version,
      cells: [{ departmentId: tm.departments.shanghai, month: 4, amount: '600.00' }],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const over = await tm.eastManager.post('/api/v1/targets', {
      type: 'gross_margin',
      year: 2027,
      departmentId: tm.departments.shanghai,
      amount: '600.01',
    });
    expect(over.status).toBe(422);
    expect(over.body.error.fields.amount).toContain('600.00');
    const sh = await target(tm.eastManager, { type: 'gross_margin', year: 2027, departmentId: tm.departments.shanghai, amount: '600.00' });
    expect(sh).toMatchObject({ parentAllocation: '600.00' });
    // Giving the sub-department less than its own target is refused too.
    const less = await tm.eastManager.request('PUT', `/api/v1/targets/${east.id}/cells`, {
      version: put.body.version,
      cells: [{ departmentId: tm.departments.shanghai, month: 4, amount: '599.00' }],
    });
    expect(less.status).toBe(422);
    expect(less.body.error.fields.cells).toContain('600.00');
  });

  it('refuses a company target to someone who does not see the whole company, and another department’s to a manager', async () => {
    const tm = await team();
    const company = await tm.eastManager.post('/api/v1/targets', { type: 'signed_amount', year: 2027, departmentId: null, amount: '1.00' });
    expect(company.status).toBe(400);
    const south = await tm.eastManager.post('/api/v1/targets', {
      type: 'signed_amount',
      year: 2027,
      departmentId: tm.departments.south,
      amount: '1.00',
    });
    expect(south.status).toBe(404);
    const rep = await tm.repA.post('/api/v1/targets', {
      type: 'signed_amount',
      year: 2027,
      departmentId: tm.departments.shanghai,
      amount: '1.00',
    });
    expect(rep.status).toBe(403);
  });
});

describe('locking (T1)', () => {
  it('locks a target once its year starts; an administrator reopens and locks it again, all in its history', async () => {
    const tm = await team();
    const tg = await target(tm.eastManager, { type: 'new_customers', year: 2027, departmentId: tm.departments.shanghai, amount: '24.00' });
    const fractional = await tm.eastManager.request('PUT', `/api/v1/targets/${tg.id}/cells`, {
      version: tg.version,
      cells: [{ userId: tm.ids.repA, month: 1, amount: '1.50' }],
    });
    expect(fractional.status).toBe(400);
    t.clock.set('2027-01-05T02:00:00Z');
    // A month later: sign in afresh (the sessions of December have expired).
    const manager = await login(t.app, tm.eastManager.username, TEST_PASSWORD);
    const root = await login(t.app, admin.username, TEST_PASSWORD);
    const cells = [{ userId: tm.ids.repA, month: 1, amount: '2.00' }];
    const locked = await manager.request('PUT', `/api/v1/targets/${tg.id}/cells`, { version: tg.version, cells });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('TARGET_LOCKED');
    expect((await manager.post(`/api/v1/targets/${tg.id}/reopen`, {})).status).toBe(403);

    const reopened = await root.post(`/api/v1/targets/${tg.id}/reopen`, {});
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body.locked).toBe(false);
    const saved = await manager.request('PUT', `/api/v1/targets/${tg.id}/cells`, { version: reopened.body.version, cells });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const relocked = await root.post(`/api/v1/targets/${tg.id}/lock`, {});
    expect(relocked.body.locked).toBe(true);

    const history = await historyRows(t.db, 'target', tg.id);
    expect(history.filter((h) => h.field === 'locked').map((h) => [h.old_value, h.new_value])).toEqual([
      [true, false],
      [false, true],
    ]);
    const split = history.find((h) => h.field === 'split');
    expect(split?.new_value).toEqual({ [tm.repA.username]: '2.00' });
    const api = await manager.get(`/api/v1/targets/${tg.id}/history`);
    expect(api.status).toBe(200);
  });

  it('leaves a target first set after its year began open until an administrator locks it', async () => {
    const tm = await team();
    const late = await target(tm.eastManager, {
      type: 'signed_amount',
      year: 2026,
      departmentId: tm.departments.shanghai,
      amount: '10.00',
    });
    expect(late).toMatchObject({ locked: false, editable: true });
    const locked = await admin.post(`/api/v1/targets/${late.id}/lock`, {});
    expect(locked.body).toMatchObject({ locked: true, editable: false });
    const put = await tm.eastManager.request('PUT', `/api/v1/targets/${late.id}/cells`, { version: locked.body.version, cells: [] });
    expect(put.status).toBe(409);
  });
});
