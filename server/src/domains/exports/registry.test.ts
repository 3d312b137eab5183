import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, uniq } from '../../test/factories.js';
import { createGadgetTable } from '../../test/gadgets.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await createGadgetTable(t.db);
});
afterAll(() => t.close());

const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

async function download(client: Client, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
}

// test/gadgets.ts registers a document type that nothing in exports knows.
describe('export registry', () => {
  it('exports a registered entity in the caller’s language and scope, hiding the column the caller may not see', async () => {
    const team = await makeTeam(t.app, t.db);
    const tag = uniq('件');
    const me = await t.db.selectFrom('users').select('department_id').where('id', '=', team.repA.userId).executeTakeFirstOrThrow();
    await sql`
      INSERT INTO test_gadgets (owner_id, owner_dept_id, name, colour, price, cost, fragile, industry, made_at)
      VALUES (${team.repA.userId}, ${me.department_id}, ${`${tag}甲`}, 'red', 12.5, 7, true, 'manufacturing', '2026-03-01T02:30:00Z'),
             (${team.repA.userId}, ${me.department_id}, ${`${tag}乙`}, 'blue', 3, 1, false, NULL, NULL)`.execute(t.db);
    const url = `/api/v1/exports/test-gadgets?format=csv&colour=red&q=${encodeURIComponent(tag)}`;

    const manager = await download(team.eastManager, url);
    expect(manager.statusCode).toBe(200);
    expect(manager.headers['content-disposition']).toContain(encodeURIComponent('小玩意-'));
    expect(csvRows(manager.body)).toEqual(['名称,颜色,价格,易碎,行业,出厂时间', `${tag}甲,红色,12.50,是,制造业,2026-03-01 10:30`]);

    const director = await download(team.director, url);
    expect(csvRows(director.body)[0]).toBe('名称,颜色,价格,成本,易碎,行业,出厂时间');
    expect(csvRows(director.body)[1]).toBe(`${tag}甲,红色,12.50,7.00,是,制造业,2026-03-01 10:30`);

    // A rep has no export permission; a filter the list does not know is refused with its field.
    expect((await download(team.repA, url)).statusCode).toBe(403);
    const bad = await download(team.director, '/api/v1/exports/test-gadgets?colour=green');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('colour');
  });

  it('documents each registered export in OpenAPI with its own filters', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params = spec.paths['/api/v1/exports/test-gadgets'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['colour', 'q', 'format']));
  });
});
