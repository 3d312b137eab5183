import { listQueryBase, moneySchema } from '@contracts/common.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { makeTeam, uniq } from '../../test/factories.js';
import { type Client, startTestApp, type TestApp } from '../../test/test-app.js';
import { flagProblem, importField, OWNER_FIELD, registerImport } from '../imports/public.js';
import { column, type Label, registerExport } from './public.js';

// A throw-away document type, registered from here as a new domain would from its own folder:
// nothing in exports or imports knows it, yet it is exported and imported like the others.
const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const COLOURS = {
  'zh-CN': { red: '红色', blue: '蓝色' },
  'zh-TW': { red: '紅色', blue: '藍色' },
  en: { red: 'Red', blue: 'Blue' },
};

registerExport({
  entity: 'test-gadgets',
  module: 'customers',
  query: listQueryBase.extend({ colour: z.enum(['red', 'blue']).optional() }),
  async list(db, actor, _ctx, filters, page, pageSize) {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT name, colour, price, cost, fragile, industry, made_at AS "madeAt" FROM test_gadgets
       WHERE deleted_at IS NULL AND ${scopeFilter(actor)}
         AND (${filters.colour ?? null}::text IS NULL OR colour = ${filters.colour ?? null})
         AND (${filters.q ?? null}::text IS NULL OR name LIKE ${`${filters.q ?? ''}%`})
       ORDER BY name LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
    return { items: rows };
  },
  fileName: label('小玩意', '小玩意', 'gadgets'),
  columns: [
    column(label('名称', '名稱', 'Name'), 'name'),
    column(label('颜色', '顏色', 'Colour'), 'colour', { codes: COLOURS }),
    column(label('价格', '價格', 'Price'), 'price', 'money'),
    // The field permission: only a caller who sees everything sees what a gadget cost.
    { ...column(label('成本', '成本', 'Cost'), 'cost', 'money'), visibleTo: (actor) => actor.scope === 'all' },
    column(label('易碎', '易碎', 'Fragile'), 'fragile', 'bool'),
    column(label('行业', '行業', 'Industry'), 'industry', { picklist: 'industry' }),
    column(label('出厂时间', '出廠時間', 'Made'), 'madeAt', 'instant'),
  ],
});

registerImport({
  entity: 'test-gadgets',
  label: label('小玩意', '小玩意', 'Gadgets'),
  historyEntity: 'test_gadget',
  module: 'customers',
  table: 'test_gadgets',
  fields: [
    { ...importField('name', label('名称', '名稱', 'Name'), { type: 'text' }, ['品名']), required: true },
    importField('colour', label('颜色', '顏色', 'Colour'), {
      type: 'choice',
      choices: { red: ['红色', '紅色', 'Red'], blue: ['蓝色', '藍色', 'Blue'] },
    }),
    importField('price', label('价格', '價格', 'Price'), { type: 'money' }),
    importField('fragile', label('易碎', '易碎', 'Fragile'), { type: 'bool' }),
    OWNER_FIELD,
  ],
  schema: z.object({
    name: z.string().trim().min(1).max(50),
    colour: z.enum(['red', 'blue']).optional(),
    price: moneySchema.optional(),
    fragile: z.boolean().optional(),
    ownerId: z.uuid().optional(),
  }),
  columns: (b) => ({ name: b.name, colour: b.colour ?? null, price: b.price ?? null, fragile: b.fragile ?? false }),
  returning: sql`id, lower(name) AS k`,
  uniqueKey: { field: 'name', of: (values) => String(values.name).toLowerCase() },
  async duplicates(db, ctx, batch) {
    const names = batch.map((c) => String(c.body.name).toLowerCase());
    const { rows } = await sql<{ l: string }>`
      SELECT lower(name) AS l FROM test_gadgets WHERE deleted_at IS NULL AND lower(name) = ANY(${names}::text[])`.execute(db);
    const taken = new Set(rows.map((r) => r.l));
    batch.forEach((c, i) => {
      if (taken.has(names[i])) flagProblem(c, 'name', ctx.message('import_duplicate'));
    });
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // Its table, with the record base the scope filter and the import's owner columns rely on.
  await sql`
    CREATE TABLE test_gadgets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users (id),
      owner_dept_id uuid REFERENCES departments (id),
      created_by uuid REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users (id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      deleted_at timestamptz,
      deleted_by uuid REFERENCES users (id),
      name text NOT NULL,
      colour text,
      price numeric(14, 2),
      cost numeric(14, 2),
      fragile boolean NOT NULL DEFAULT false,
      industry text,
      made_at timestamptz
    )`.execute(t.db);
  await sql`CREATE UNIQUE INDEX test_gadgets_name ON test_gadgets (lower(name)) WHERE deleted_at IS NULL`.execute(t.db);
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

async function settle(client: Client, id: string) {
  for (let i = 0; i < 500; i++) {
    const res = await client.get(`/api/v1/imports/${id}`);
    if (!['checking', 'importing'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

async function run(client: Client, id: string, body: Record<string, unknown>) {
  const res = await client.post(`/api/v1/imports/${id}/run`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(client, id);
}

describe('export and import registries', () => {
  it('imports a registered entity neither domain knows: dry run, duplicate and bad row reported, then written with history', async () => {
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

    const dry = await run(team.repA, up.body.id, { mapping: up.body.suggestedMapping, dryRun: true });
    expect(dry).toMatchObject({ status: 'checked', rowsRead: 4, okRows: 2, errorRows: 2, duplicateRows: 1 });
    const count = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM test_gadgets WHERE name LIKE ${`${tag}%`}`.execute(t.db)).rows[0].n;
    expect(await count()).toBe(1);
    const errors = (await team.repA.get(`/api/v1/imports/${up.body.id}/errors`)).body.items;
    expect(errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [3, '价格：请输入金额，最多两位小数'],
      [5, '名称：系统里已有，未导入'],
    ]);

    const done = await run(team.repA, up.body.id, { mapping: up.body.suggestedMapping });
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

  it('exports it in the caller’s language and scope, hiding the column the caller may not see', async () => {
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

  it('documents each registered export in OpenAPI and refuses an import nobody registered', async () => {
    const team = await makeTeam(t.app, t.db);
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const params = spec.paths['/api/v1/exports/test-gadgets'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['colour', 'q', 'format']));

    const res = await team.repA.request('POST', '/api/v1/imports?entity=test-widgets&fileName=w.csv', 'a\n1', {
      'content-type': 'text/csv',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ entity: '不是可选的值' });
  });
});
