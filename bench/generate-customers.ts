// Generates the benchmark company: 50 departments, 500 reps, 49 managers, a director and N customers
// (default 1,000,000) with 1–2 contacts each, into DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench npm run bench:gen -- --recreate
//   DATA_DIR=/tmp/bench-crm-pglite npm run bench:gen -- --n 100000 --recreate
//
// The real migrations and bootstrap run first; the rows are then generated inside the database
// (INSERT … SELECT over generate_series, in batches), so the script's memory stays flat whatever N is.
import { sql } from 'kysely';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { hashPassword } from '../server/src/platform/auth/passwords.js';
import { type Database, openPglite, openPostgres } from '../server/src/platform/db/database.js';
import { arg, describeTarget, flag, intArg, ms, recreateTarget, target } from './lib/cli.js';
import {
  BENCH_PASSWORD,
  BUSINESS,
  CENTER_NAME,
  DEFAULT_PGLITE_DIR,
  DIRECTOR_USERNAME,
  deptManagerUsername,
  GIVEN,
  LEGAL_FORMS,
  OWNER_COUNT,
  REGIONS,
  regionManagerUsername,
  repUsername,
  SALES_DEPTS,
  SURNAMES,
  TRADE_CHARS,
} from './lib/dataset.js';

const where = target(DEFAULT_PGLITE_DIR);
const N = intArg('n', 'BENCH_N', 1_000_000);
const BATCH = intArg('batch', 'BENCH_BATCH', where.kind === 'pglite' ? 25_000 : 100_000);
const WITH_CONTACTS = arg('contacts', 'BENCH_CONTACTS') !== '0';
const NAME_SPACE = SALES_DEPTS.length * TRADE_CHARS.length ** 2 * BUSINESS.length * LEGAL_FORMS.length;
if (N > NAME_SPACE) throw new Error(`--n is at most ${NAME_SPACE}`);

const t0 = performance.now();
console.log(`Benchmark data: ${N.toLocaleString()} customers${WITH_CONTACTS ? ' with 1–2 contacts each' : ''} → ${describeTarget(where)}`);
if (flag('recreate')) {
  await recreateTarget(where);
  console.log('  recreated the database');
}
const database: Database = where.kind === 'postgres' ? await openPostgres(where.url, 4) : await openPglite({ dataDir: where.dataDir });
const db = database.db;

try {
  let t = performance.now();
  const config = loadConfig({ ...process.env, CRM_ADMIN_PASSWORD: BENCH_PASSWORD, CRM_DEMO: '0', LOG_LEVEL: 'silent' });
  const boot = await bootstrap(database, config);
  console.log(`  migrations + bootstrap: ${ms(t)} (applied ${boot.applied.length ? boot.applied.join(', ') : 'none'})`);

  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM customers`.execute(db);
  if (existing.rows[0].n > 0) {
    throw new Error(`the database already holds ${existing.rows[0].n} customers; pass --recreate to start over`);
  }

  t = performance.now();
  const org = await createOrganisation(database);
  console.log(`  organisation: ${org.departments} departments, ${org.users} users: ${ms(t)}`);

  t = performance.now();
  const dropped = await dropSecondaryStructures(database);
  try {
    for (let lo = 1; lo <= N; lo += BATCH) {
      const hi = Math.min(N, lo + BATCH - 1);
      const tb = performance.now();
      await insertCustomers(db, org.repIds, org.repDeptIds, lo, hi);
      const rate = Math.round((hi - lo + 1) / ((performance.now() - tb) / 1000));
      console.log(`  customers ${hi.toLocaleString().padStart(11)} / ${N.toLocaleString()}  (${rate.toLocaleString()} rows/s)`);
    }
    console.log(`  rows loaded: ${ms(t)}`);
  } finally {
    t = performance.now();
    await restoreSecondaryStructures(database, dropped);
    console.log(`  ${dropped.indexes.length} indexes and ${dropped.foreignKeys.length} foreign keys rebuilt: ${ms(t)}`);
  }

  t = performance.now();
  await database.session(async (run) => {
    for (const table of ['customers', 'contacts', 'users', 'departments', 'user_roles', 'roles']) await run(`VACUUM (ANALYZE) ${table}`);
  });
  console.log(`  vacuum + analyze: ${ms(t)}`);

  const sizes = await sql<{ rel: string; rows: number; size: string }>`
    SELECT c.relname AS rel, c.reltuples::bigint::int AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
      FROM pg_class c WHERE c.relname IN ('customers', 'contacts') ORDER BY c.relname DESC`.execute(db);
  for (const s of sizes.rows) console.log(`  ${s.rel}: ~${s.rows.toLocaleString()} rows, ${s.size} with indexes`);
  console.log(
    `Done in ${ms(t0)}. Users sign in with password ${BENCH_PASSWORD} (e.g. ${repUsername(0)}, ${regionManagerUsername(0)}, director).`,
  );
} finally {
  await database.close();
}

/** Departments, users and role grants, each in one statement. */
async function createOrganisation(database: Database) {
  const db = database.db;
  const hash = await hashPassword(BENCH_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const center = await trx
      .insertInto('departments')
      .values({ name: CENTER_NAME, sort_order: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const regionIds: string[] = [];
    for (const [i, r] of REGIONS.entries()) {
      const row = await trx
        .insertInto('departments')
        .values({ name: r.name, parent_id: center.id, sort_order: (i + 1) * 10 })
        .returning('id')
        .executeTakeFirstOrThrow();
      regionIds.push(row.id);
    }
    const salesDeptIds = (
      await trx
        .insertInto('departments')
        .values(SALES_DEPTS.map((d, i) => ({ name: d.name, parent_id: regionIds[d.region], sort_order: (i + 1) * 10 })))
        .returning('id')
        .execute()
    ).map((r) => r.id);

    const people = (k: number) =>
      `${SURNAMES[(k * 7) % SURNAMES.length]}${GIVEN[(k * 13 + Math.floor(k / SURNAMES.length)) % GIVEN.length]}`;
    const users: { username: string; display_name: string; department_id: string; role: string }[] = [
      { username: DIRECTOR_USERNAME, display_name: '赵总监', department_id: center.id, role: 'director' },
      ...REGIONS.map((r, i) => ({
        username: regionManagerUsername(i),
        display_name: `${r.short}经理`,
        department_id: regionIds[i],
        role: 'manager',
      })),
      ...SALES_DEPTS.map((_dept, i) => ({
        username: deptManagerUsername(i),
        display_name: people(1000 + i),
        department_id: salesDeptIds[i],
        role: 'manager',
      })),
      ...Array.from({ length: OWNER_COUNT }, (_, k) => ({
        username: repUsername(k),
        display_name: people(k),
        department_id: salesDeptIds[k % SALES_DEPTS.length],
        role: 'rep',
      })),
    ];
    const inserted = await trx
      .insertInto('users')
      .values(users.map(({ role: _role, ...u }) => ({ ...u, password_hash: hash })))
      .returning(['id', 'username'])
      .execute();
    const idOf = new Map(inserted.map((u) => [u.username, u.id]));
    const roles = new Map((await trx.selectFrom('roles').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
    await trx
      .insertInto('user_roles')
      .values(users.map((u) => ({ user_id: idOf.get(u.username) as string, role_id: roles.get(u.role) as string })))
      .execute();
    const managers = [
      [center.id, idOf.get(DIRECTOR_USERNAME)],
      ...regionIds.map((id, i) => [id, idOf.get(regionManagerUsername(i))]),
      ...salesDeptIds.map((id, i) => [id, idOf.get(deptManagerUsername(i))]),
    ] as [string, string][];
    for (const [deptId, userId] of managers)
      await trx.updateTable('departments').set({ manager_id: userId }).where('id', '=', deptId).execute();
    const repIds = Array.from({ length: OWNER_COUNT }, (_, k) => idOf.get(repUsername(k)) as string);
    const repDeptIds = Array.from({ length: OWNER_COUNT }, (_, k) => salesDeptIds[k % SALES_DEPTS.length]);
    return { departments: 1 + regionIds.length + salesDeptIds.length, users: users.length + 1, repIds, repDeptIds };
  });
}

interface Dropped {
  indexes: string[];
  foreignKeys: { table: string; name: string; def: string }[];
}

/**
 * Bulk loads run far faster into bare tables: the migrations' secondary indexes and foreign keys
 * on customers and contacts are dropped here and rebuilt from their exact definitions afterwards.
 */
async function dropSecondaryStructures(database: Database): Promise<Dropped> {
  const db = database.db;
  const idx = await sql<{ name: string; def: string }>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i
     WHERE i.indrelid IN ('customers'::regclass, 'contacts'::regclass)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`.execute(db);
  const fks = await sql<{ table: string; name: string; def: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('customers'::regclass, 'contacts'::regclass)`.execute(db);
  for (const fk of fks.rows) await sql`ALTER TABLE ${sql.table(fk.table)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(db);
  for (const i of idx.rows) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(db);
  return { indexes: idx.rows.map((i) => i.def), foreignKeys: fks.rows };
}

async function restoreSecondaryStructures(database: Database, dropped: Dropped) {
  const memory = database.kind === 'pglite' ? '256MB' : '1GB';
  await database.session(async (run) => {
    await run(`SET maintenance_work_mem = '${memory}'`);
    for (const def of dropped.indexes) {
      const t = performance.now();
      await run(def);
      console.log(`    ${def.replace(/^CREATE (UNIQUE )?INDEX (\S+) .*$/, '$2')}: ${ms(t)}`);
    }
    for (const fk of dropped.foreignKeys) await run(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
    await run('RESET maintenance_work_mem');
  });
}

/** Customers lo..hi (and their contacts) in one statement, every attribute derived from hashes of i. */
async function insertCustomers(db: Database['db'], repIds: string[], repDeptIds: string[], lo: number, hi: number) {
  const cities = SALES_DEPTS.map((d) => d.city);
  const regionOfCity = SALES_DEPTS.map((d) => REGIONS[d.region].short);
  const deptCount = SALES_DEPTS.length;
  const C = SALES_DEPTS.length;
  const T = TRADE_CHARS.length;
  const B = BUSINESS.length;
  const L = LEGAL_FORMS.length;
  const contacts = WITH_CONTACTS
    ? sql`,
    contacts_ins AS (
      INSERT INTO contacts (owner_id, owner_dept_id, created_by, created_at, updated_by, updated_at, customer_id, name, title,
                            department, role, mobile, email, birthday, is_primary)
      SELECT ins.owner_id, ins.owner_dept_id, ins.owner_id, ins.created_at, ins.owner_id, ins.created_at, ins.id,
             (${sql.val(SURNAMES)}::text[])[1 + (hc.h1 % ${SURNAMES.length})] || (${sql.val(GIVEN)}::text[])[1 + (hc.h2 % ${GIVEN.length})],
             (ARRAY['总经理','副总经理','采购经理','技术总监','IT 主管','财务经理','项目经理','行政主管','生产总监'])[1 + hc.h3 % 9],
             (ARRAY['总经办','采购部','技术部','信息中心','财务部','生产部','行政部'])[1 + hc.h4 % 7],
             CASE WHEN k = 1 THEN 'decision_maker' ELSE (ARRAY['technical','purchasing','user','influencer'])[1 + hc.h5 % 4] END,
             '1' || (ARRAY['38','39','50','58','86','88'])[1 + hc.h1 % 6] || lpad((hc.h2 % 100000000)::text, 8, '0'),
             CASE WHEN hc.h3 % 2 = 0 THEN 'contact' || (hc.h4 % 100000) || '@example.cn' END,
             CASE WHEN hc.h5 % 10 < 3 THEN date '1965-01-01' + (hc.h1 % 11000) END,
             k = 1
        FROM ins
       CROSS JOIN LATERAL generate_series(1, 1 + (hashtext(ins.id::text) & 1)) AS k
       CROSS JOIN LATERAL (SELECT hashtext(ins.id::text || k) & 2147483647 AS h1, hashtext(k || ins.id::text) & 2147483647 AS h2,
                                  hashtext(ins.name || k) & 2147483647 AS h3, hashtext(k || ins.name) & 2147483647 AS h4,
                                  hashtext(ins.id::text || ins.name || k) & 2147483647 AS h5) hc
      RETURNING 1)
    SELECT count(*) FROM contacts_ins`
    : sql`SELECT count(*) FROM ins`;
  await sql`
    WITH src AS (
      SELECT g.i, d.city, c.trade1, c.trade2, c.bus, c.legal,
             hashint8(g.i * 16 + 1) & 2147483647 AS h1, hashint8(g.i * 16 + 2) & 2147483647 AS h2,
             hashint8(g.i * 16 + 3) & 2147483647 AS h3, hashint8(g.i * 16 + 4) & 2147483647 AS h4,
             hashint8(g.i * 16 + 5) & 2147483647 AS h5, hashint8(g.i * 16 + 6) & 2147483647 AS h6,
             hashint8(g.i * 16 + 7) & 2147483647 AS h7
        FROM generate_series(${lo}::bigint, ${hi}::bigint) AS g(i)
       -- i - 1 in mixed radix (city fastest, so neighbouring rows spread over cities and owners) …
       CROSS JOIN LATERAL (SELECT ((g.i - 1) % ${C})::int AS city, ((g.i - 1) / ${C} % ${T})::int AS r1,
                                  ((g.i - 1) / ${C * T} % ${T})::int AS r2, ((g.i - 1) / ${C * T * T} % ${B})::int AS r3,
                                  ((g.i - 1) / ${C * T * T * B})::int AS r4) d
       -- … each digit shifted by a hash of the digits below it: still one-to-one, so names never repeat.
       CROSS JOIN LATERAL (SELECT (d.r1 + (hashint4(d.city + 7000) & 2147483647)) % ${T} AS trade2,
                                  (d.r2 + (hashint4(d.city * ${T} + d.r1 + 9000) & 2147483647)) % ${T} AS trade1,
                                  (d.r3 + (hashint4((d.city * ${T} + d.r1) * ${T} + d.r2) & 2147483647)) % ${B} AS bus,
                                  (d.r4 + (hashint8(((d.city * ${T} + d.r1) * ${T} + d.r2) * ${B} + d.r3 + 1) & 2147483647)) % ${L} AS legal) c
    ),
    shaped AS (
      SELECT s.*,
             -- Each city's customers belong to that city's sales department: rep k works in department k mod 44.
             s.city + ${deptCount} * (s.h1 % ((${OWNER_COUNT - 1} - s.city) / ${deptCount} + 1)) AS rep,
             now() - make_interval(secs => s.h2 % (3 * 365 * 86400)) AS created_at,
             (${sql.val(cities)}::text[])[1 + s.city] AS city_name,
             (${sql.val(TRADE_CHARS)}::text[])[1 + s.trade1] || (${sql.val(TRADE_CHARS)}::text[])[1 + s.trade2] AS trade,
             (${sql.val(BUSINESS.map((b) => b[1]))}::text[])[1 + s.bus] AS business
        FROM src s
    ),
    ins AS (
      INSERT INTO customers (owner_id, owner_dept_id, created_by, created_at, updated_by, updated_at, name, short_name, industry, source,
                             grade, customer_type, region, address, phone, website, tags, is_key, follow_up_cycle_days, credit_limit, remarks)
      SELECT (${sql.val(repIds)}::uuid[])[1 + s.rep], (${sql.val(repDeptIds)}::uuid[])[1 + s.rep], (${sql.val(repIds)}::uuid[])[1 + s.rep],
             s.created_at, (${sql.val(repIds)}::uuid[])[1 + s.rep],
             s.created_at + (now() - s.created_at) * ((s.h3 % 1000) / 1000.0),
             s.city_name || s.trade || s.business || (${sql.val(LEGAL_FORMS)}::text[])[1 + s.legal],
             s.trade || left(s.business, 2),
             (${sql.val(BUSINESS.map((b) => b[0]))}::text[])[1 + s.bus],
             (ARRAY['referral','exhibition','website','cold_call','advertising','partner','bidding'])[1 + s.h4 % 7],
             (ARRAY['A','A','B','B','B','B','B','C','C','C','C','C','C','C','C','D','D','D','D','D'])[1 + s.h5 % 20],
             (ARRAY['development','development','retention','project'])[1 + s.h6 % 4],
             (${sql.val(regionOfCity)}::text[])[1 + s.city] || '/' || s.city_name,
             s.city_name || '市' || (ARRAY['高新区','经开区','工业园区','滨江区','中心区'])[1 + s.h7 % 5]
               || (ARRAY['科技路','创业大道','人民路','长江路','建设路','解放路'])[1 + s.h1 % 6] || (1 + s.h2 % 999) || '号',
             '0' || (10 + s.h3 % 90) || '-' || (60000000 + s.h4 % 30000000),
             CASE WHEN s.h5 % 10 < 6 THEN 'https://www.c' || s.i || '.com.cn' END,
             CASE WHEN s.h6 % 10 < 3 THEN ARRAY[(ARRAY['老客户','价格敏感','决策周期长','在用竞品','高潜力'])[1 + s.h7 % 5]] ELSE '{}'::text[] END,
             s.h7 % 100 < 15,
             CASE WHEN s.h1 % 100 < 15 THEN (ARRAY[7, 14, 30])[1 + s.h2 % 3] END,
             CASE WHEN s.h3 % 2 = 0 THEN ((5 + s.h4 % 196) * 10000)::numeric(14,2) END,
             CASE WHEN s.h5 % 100 < 5 THEN '年度框架协议客户，需季度回访' END
        FROM shaped s
      RETURNING id, owner_id, owner_dept_id, created_at, name
    )
    ${contacts}`.execute(db);
}
