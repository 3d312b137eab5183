import { listQueryBase, moneySchema } from '@contracts/common.js';
import { sql } from 'kysely';
import { z } from 'zod';
import { column, type Label, registerExport } from '../domains/exports/public.js';
import { flagProblem, importField, OWNER_FIELD, registerImport } from '../domains/imports/public.js';
import { scopeFilter } from '../platform/access/data-scope.js';
import type { Db } from '../platform/db/database.js';

// A throw-away document type for the registry tests, registered as a new domain would register
// itself from its own folder: nothing in exports or imports knows it. Importing this module
// registers it; the test then creates its table.
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

/** The gadgets' table, with the record base the scope filter and the import's owner columns rely on. */
export async function createGadgetTable(db: Db): Promise<void> {
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
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX test_gadgets_name ON test_gadgets (lower(name)) WHERE deleted_at IS NULL`.execute(db);
}
