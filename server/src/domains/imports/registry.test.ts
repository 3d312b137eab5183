import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, uniq } from '../../test/factories.js';
import { createGadgetTable } from '../../test/gadgets.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { runImport } from './import-test-steps.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createGadgetTable(t.db);
});
afterAll(() => t.close());

// test/gadgets.ts registers a document type that nothing in imports knows.
describe('import registry', () => {
  it('imports a registered entity: dry run, duplicate and bad row reported, then written with history', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('器');
    const me = await t.db.selectFrom('users').select('department_id').where('id', '=', team.repA.userId).executeTakeFirstOrThrow();
    await sql`INSERT INTO test_gadgets (owner_id, owner_dept_id, name) VALUES (${team.repA.userId}, ${me.department_id}, ${`${tag}旧`})`.execute(
      t.db,
    );

    const targets = (await team.repA.get('/api/v1/imports/targets')).body.items;
    expect(targets.find((x: { entity: string }) => x.entity === 'test-gadgets')).toMatchObject({
      label: '小玩意',
      fields: expect.arrayContaining([{ key: 'name', label: '名称', required: true, hint: null }]),
    });

    const csv = ['名称,颜色,价格,易碎', `${tag}甲,红色,12.5,是`, `${tag}乙,蓝色,abc,否`, `${tag}丙,,3,`, `${tag}旧,Red,1,`].join('\n');
    const up = await team.repA.request('POST', `/api/v1/imports?entity=test-gadgets&fileName=g.csv`, csv, { 'content-type': 'text/csv' });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.suggestedMapping).toEqual(['name', 'colour', 'price', 'fragile']);

    const dry = await runImport(team.repA, up.body.id, { mapping: up.body.suggestedMapping, dryRun: true }, 500);
    expect(dry).toMatchObject({ status: 'checked', rowsRead: 4, okRows: 2, errorRows: 2, duplicateRows: 1 });
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM test_gadgets WHERE name LIKE ${`${tag}%`}`.execute(t.db)).rows[0].n;
    expect(await count()).toBe(1);
    const errors = (await team.repA.get(`/api/v1/imports/${up.body.id}/errors`)).body.items;
    expect(errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [3, '价格：请输入金额，最多两位小数'],
      [5, '名称：系统里已有，未导入'],
    ]);

    const done = await runImport(team.repA, up.body.id, { mapping: up.body.suggestedMapping }, 500);
    expect(done).toMatchObject({ status: 'done', okRows: 2, errorRows: 2 });
    const { rows } = await sql<{
      name: string;
      colour: string | null;
      price: string | null;
      fragile: boolean;
      owner_id: string;
      id: string;
    }>`
      SELECT id, name, colour, price::text AS price, fragile, owner_id FROM test_gadgets WHERE name LIKE ${`${tag}%`} ORDER BY name`.execute(
      t.db,
    );
    expect(rows.map((r) => [r.name, r.colour, r.price, r.fragile, r.owner_id === team.repA.userId])).toEqual([
      [`${tag}丙`, null, '3.00', false, true],
      [`${tag}旧`, null, null, false, true],
      [`${tag}甲`, 'red', '12.50', true, true],
    ]);
    const history = await t.db
      .selectFrom('record_history')
      .select('action')
      .where('entity', '=', 'test_gadget')
      .where('record_id', '=', rows[2].id)
      .execute();
    expect(history.map((h) => h.action)).toEqual(['import']);
  });

  it('refuses an import nobody registered with a field message', async () => {
    const team = await makeTeam(t.app, t.db);
    const res = await team.repA.request('POST', '/api/v1/imports?entity=test-widgets&fileName=w.csv', 'a\n1', {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ entity: '不是可选的值' });
  });
});
