// The pieces of the document benchmark that sit around quotes and contracts: the staff the
// contract flow names by role (project managers, finance, legal), a product catalogue, and
// compact reference tables (customers, opportunities, who manages whom) that the staging SQL joins
// by row number. Everything here is small or built inside the database.
import { sql } from 'kysely';
import { hashPassword } from '../../server/src/platform/auth/passwords.js';
import type { Database } from '../../server/src/platform/db/database.js';
import { BENCH_PASSWORD, CENTER_NAME } from './dataset.js';

type Db = Database['db'];

/** The contract flow's role steps (seed 002: 项目经理, then 财务 and 法务 together) need people in those roles. */
export const STAFF: { role: string; department: string; users: string[] }[] = [
  { role: 'project_manager', department: '项目部', users: ['pm01', 'pm02', 'pm03', 'pm04', 'pm05'] },
  { role: 'finance', department: '财务部', users: ['fin01', 'fin02', 'fin03'] },
  { role: 'legal', department: '法务部', users: ['legal01', 'legal02'] },
];

export interface RoleStaff {
  /** Sorted, as the engine stores a role's members in a task (resolveSlot sorts them). */
  pm: string[];
  finance: string[];
  legal: string[];
}

/** Departments and users for the role steps (once: a rerun finds them). */
export async function ensureStaff(db: Db): Promise<RoleStaff> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const center = await db.selectFrom('departments').select('id').where('name', '=', CENTER_NAME).executeTakeFirstOrThrow();
  const roles = new Map((await db.selectFrom('roles').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
  const ids: Record<string, string[]> = {};
  for (const [i, s] of STAFF.entries()) {
    let dept = await db.selectFrom('departments').select('id').where('name', '=', s.department).executeTakeFirst();
    dept ??= await db
      .insertInto('departments')
      .values({ name: s.department, parent_id: center.id, sort_order: 900 + i })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [k, username] of s.users.entries()) {
      const found = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (found) continue;
      const u = await db
        .insertInto('users')
        .values({ username, display_name: `${s.department.slice(0, 2)}${k + 1}号`, department_id: dept.id, password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('user_roles')
        .values({ user_id: u.id, role_id: roles.get(s.role) as string })
        .execute();
    }
    const rows = await db.selectFrom('users').select('id').where('username', 'in', s.users).execute();
    ids[s.role] = rows.map((r) => r.id).sort();
  }
  return { pm: ids.project_manager, finance: ids.finance, legal: ids.legal };
}

const CATEGORIES: [name: string, products: [name: string, unit: string, price: number, taxRate: number][]][] = [
  [
    '软件',
    [
      ['CRM 标准版授权', '套', 12000, 13],
      ['CRM 专业版授权', '套', 36000, 13],
      ['移动端授权', '用户', 600, 13],
      ['数据分析模块', '套', 18000, 13],
    ],
  ],
  [
    '硬件',
    [
      ['工控机', '台', 8600, 13],
      ['条码打印机', '台', 3200, 13],
      ['手持终端', '台', 2600, 13],
      ['服务器', '台', 42000, 13],
    ],
  ],
  [
    '服务',
    [
      ['实施服务', '人天', 2400, 6],
      ['培训服务', '场', 5000, 6],
      ['年度运维', '年', 15000, 6],
      ['定制开发', '人天', 3000, 6],
    ],
  ],
  [
    '耗材',
    [
      ['标签纸', '箱', 380, 13],
      ['碳带', '卷', 120, 13],
      ['包装材料', '吨', 6800, 13],
    ],
  ],
];

/**
 * A small catalogue: 4 categories × 3–4 kinds × 8 specifications (120 products), prices and costs
 * fixed, so bench_doc_products numbers them 1..n for the line generator.
 */
export async function ensureCatalogue(db: Db, adminId: string): Promise<number> {
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM products WHERE deleted_at IS NULL`.execute(db);
  if (existing.rows[0].n === 0) {
    for (const [ci, [category, items]] of CATEGORIES.entries()) {
      const cat = await db
        .insertInto('product_categories')
        .values({ name: category, sort_order: ci, created_by: adminId, updated_by: adminId })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = items.flatMap(([name, unit, price, taxRate], pi) =>
        Array.from({ length: 8 }, (_, v) => ({
          owner_id: adminId,
          created_by: adminId,
          updated_by: adminId,
          code: `P${ci + 1}${String(pi + 1).padStart(2, '0')}-${v + 1}`,
          name: `${name} ${['基础', '标准', '增强', '专业', '旗舰', '行业', '集团', '定制'][v]}型`,
          specification: `规格 ${v + 1}`,
          unit,
          category_id: cat.id,
          list_price: String(Math.round(price * (1 + v * 0.25))),
          cost_price: String(Math.round(price * (1 + v * 0.25) * 0.62)),
          tax_rate: String(taxRate),
        })),
      );
      await db.insertInto('products').values(rows).execute();
    }
  }
  await sql`DROP TABLE IF EXISTS bench_doc_products`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_doc_products AS
              SELECT row_number() OVER (ORDER BY code)::int AS n, id, code, name, specification, unit, list_price, cost_price, tax_rate
                FROM products WHERE deleted_at IS NULL AND kind = 'product' AND active`.execute(db);
  return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_doc_products`.execute(db)).rows[0].n;
}

/**
 * Reference tables numbered 1..n: live customers (with their grade and name), opportunities (with
 * their owner, customer, status and dates) and, for every user, the manager the engine's
 * `submitter_manager` resolves (his department's manager, or the nearest one above when he manages
 * it himself), and each department's own manager (a city manager who submits for his rep).
 */
export async function buildReferences(db: Db): Promise<{ customers: number; opportunities: number }> {
  for (const t of ['bench_doc_customers', 'bench_doc_opps', 'bench_doc_managers', 'bench_doc_dept_managers'])
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_doc_customers AS
              SELECT row_number() OVER (ORDER BY id)::int AS n, id, owner_id, owner_dept_id, name, grade
                FROM customers WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX ON bench_doc_customers (n)`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_doc_opps AS
              SELECT row_number() OVER (ORDER BY id)::int AS n, id, owner_id, owner_dept_id, customer_id, name, status,
                     created_at, closed_at
                FROM opportunities WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX ON bench_doc_opps (n)`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_doc_managers AS
              WITH RECURSIVE up AS (
                SELECT u.id AS user_id, d.manager_id, d.parent_id, 0 AS hops
                  FROM users u JOIN departments d ON d.id = u.department_id
                UNION ALL
                SELECT up.user_id, d.manager_id, d.parent_id, up.hops + 1
                  FROM up JOIN departments d ON d.id = up.parent_id
                 WHERE (up.manager_id IS NULL OR up.manager_id = up.user_id) AND up.hops < 50
              )
              SELECT DISTINCT ON (user_id) user_id, manager_id FROM up
               WHERE manager_id IS NOT NULL AND manager_id <> user_id ORDER BY user_id, hops`.execute(db);
  await sql`CREATE UNIQUE INDEX ON bench_doc_managers (user_id)`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_doc_dept_managers AS
              SELECT id AS dept_id, manager_id FROM departments WHERE manager_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX ON bench_doc_dept_managers (dept_id)`.execute(db);
  const n = async (t: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(db)).rows[0].n;
  return { customers: await n('bench_doc_customers'), opportunities: await n('bench_doc_opps') };
}

export const DROP_REFERENCES = [
  'bench_doc_customers',
  'bench_doc_opps',
  'bench_doc_managers',
  'bench_doc_dept_managers',
  'bench_doc_products',
];
