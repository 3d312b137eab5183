import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdmin, makeClient, makeDepartment } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client & { username: string };
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-12-07T02:00:00Z'));
  admin = await makeAdmin(t.app, t.db);
});
afterAll(() => t.close());

const userId = async (c: { username: string }) =>
  (await t.db.selectFrom('users').select('id').where('username', '=', c.username).executeTakeFirstOrThrow()).id;

async function target(body: Record<string, unknown>) {
  const res = await admin.post('/api/v1/targets', { year: 2027, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as {
    id: string;
    version: number;
    parentAllocation: string | null;
    rows: { userId: string | null; departmentId: string | null }[];
  };
}
async function cells(tg: { id: string; version: number }, list: Record<string, unknown>[]) {
  const res = await admin.request('PUT', `/api/v1/targets/${tg.id}/cells`, { version: tg.version, cells: list });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

// Runs first, in a database of its own: 总公司 is the only top department, as in most small companies.
describe('targets along the department tree (T1 company → department → person, T2 roll-up)', () => {
  let tree: Record<'root' | 'centre' | 'east' | 'shanghai' | 'south' | 'southA', string>;
  let director: Client & { username: string };
  let eastManager: Client & { username: string };
  let repSouthA: Client & { username: string };
  beforeAll(async () => {
    const root = await makeDepartment(t.db, { name: '总公司' });
    const centre = await makeDepartment(t.db, { name: '销售中心', parentId: root });
    const east = await makeDepartment(t.db, { name: '华东', parentId: centre });
    const shanghai = await makeDepartment(t.db, { name: '上海组', parentId: east });
    const south = await makeDepartment(t.db, { name: '华南', parentId: centre });
    const southA = await makeDepartment(t.db, { name: '深圳组', parentId: south });
    tree = { root, centre, east, shanghai, south, southA };
    director = await makeClient(t.app, t.db, { role: 'director', departmentId: root });
    eastManager = await makeClient(t.app, t.db, { role: 'manager', departmentId: east });
    repSouthA = await makeClient(t.app, t.db, { role: 'rep', departmentId: southA });
  });

  it('splits the company’s target over 总公司’s sub-departments and people, and caps 销售中心 by its share', async () => {
    const company = await target({ type: 'signed_amount', departmentId: null, amount: '1000.00' });
    // The sole top department stands for the company: its rows are 总公司's people and sub-departments.
    expect(company.rows).toEqual([
      expect.objectContaining({ userId: await userId(director), departmentId: null }),
      expect.objectContaining({ userId: null, departmentId: tree.centre }),
    ]);
    await cells(company, [
      { departmentId: tree.centre, month: 1, amount: '500.00' },
      { departmentId: tree.centre, month: 2, amount: '300.00' },
      { userId: await userId(director), month: 3, amount: '100.00' },
    ]);
    const over = await admin.post('/api/v1/targets', { type: 'signed_amount', year: 2027, departmentId: tree.centre, amount: '800.01' });
    expect(over.status).toBe(422);
    expect(over.body.error.fields.amount).toContain('800.00');
    const centre = await target({ type: 'signed_amount', departmentId: tree.centre, amount: '800.00' });
    expect(centre.parentAllocation).toBe('800.00');
    // Someone outside 总公司's direct rows (a region) takes no share of the company's target.
    const detail = (await admin.get(`/api/v1/targets/${company.id}`)).body;
    const stray = await admin.request('PUT', `/api/v1/targets/${company.id}/cells`, {
      version: detail.version,
      cells: [{ departmentId: tree.east, month: 1, amount: '1.00' }],
    });
    expect(stray.status).toBe(400);
  });

  it('rolls a department without its own target or share up from the targets below it', async () => {
    // 华东 sets 300 (上海组 200 = 120 in Jan + 80 in Apr, its manager 100 in Jan); 深圳组 sets 50 (all in Feb).
    const east = await target({ type: 'gross_margin', departmentId: tree.east, amount: '300.00' });
    await cells(east, [
      { departmentId: tree.shanghai, month: 1, amount: '120.00' },
      { departmentId: tree.shanghai, month: 4, amount: '80.00' },
      { userId: await userId(eastManager), month: 1, amount: '100.00' },
    ]);
    const southA = await target({ type: 'gross_margin', departmentId: tree.southA, amount: '50.00' });
    await cells(southA, [{ userId: await userId(repSouthA), month: 2, amount: '50.00' }]);
    const figures = async (period: string, departmentId?: string) => {
      const q = `type=gross_margin&period=${period}${departmentId ? `&departmentId=${departmentId}` : ''}`;
      const res = await director.get(`/api/v1/targets/attainment?${q}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return Object.fromEntries(
        (res.body.rows as { kind: string; id: string | null; target: string | null }[]).map((r) => [r.id ?? r.kind, r.target]),
      );
    };
    // Year: 上海组 its share 200; 华南 rolls up 深圳组's 50; 销售中心 = 300 + 50; 总公司 and the company roll up the same.
    expect(await figures('2027', tree.centre)).toMatchObject({ [tree.centre]: '350.00', [tree.east]: '300.00', [tree.south]: '50.00' });
    expect(await figures('2027', tree.east)).toMatchObject({ [tree.shanghai]: '200.00' });
    expect(await figures('2027')).toMatchObject({ company: '350.00', [tree.root]: '350.00' });
    // Q1: 华东 120 + 100, 华南 50 → 270. April: 华东 80, 华南's 深圳组 split elsewhere → 0.
    expect(await figures('2027-Q1', tree.centre)).toMatchObject({ [tree.centre]: '270.00', [tree.east]: '220.00', [tree.south]: '50.00' });
    expect(await figures('2027-04', tree.centre)).toMatchObject({ [tree.centre]: '80.00', [tree.south]: '0.00' });
    // Nothing anywhere below: still no target.
    expect(await figures('2027', tree.south)).toMatchObject({ [tree.southA]: '50.00' });
    const none = await director.get('/api/v1/targets/attainment?type=collections&period=2027');
    expect(none.body.rows.map((r: { target: string | null }) => r.target)).toEqual([null, null]);
  });

  it('with several top departments, splits the company’s over them and the people in no department', async () => {
    const branch = await makeDepartment(t.db, { name: '分公司' });
    const company = await target({ type: 'new_customers', departmentId: null, amount: '10' });
    // The built-in 系统管理员 sits in no department too: every such person is a row.
    expect(
      company.rows
        .filter((r) => r.departmentId)
        .map((r) => r.departmentId)
        .sort(),
    ).toEqual([branch, tree.root].sort());
    expect(company.rows.map((r) => r.userId)).toContain(await userId(admin));
    await cells(company, [
      { departmentId: tree.root, month: 1, amount: '6' },
      { userId: await userId(admin), month: 1, amount: '1' },
    ]);
    const over = await admin.post('/api/v1/targets', { type: 'new_customers', year: 2027, departmentId: tree.root, amount: '7' });
    expect(over.status).toBe(422);
    expect((await target({ type: 'new_customers', departmentId: tree.root, amount: '6' })).parentAllocation).toBe('6.00');
    // 销售中心 now sits two levels down: 总公司 has a target of its own, which gives it nothing yet.
    expect((await target({ type: 'new_customers', departmentId: tree.centre, amount: '0' })).parentAllocation).toBe('0.00');
  });
});
