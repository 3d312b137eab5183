// Generates the issue 12 money benchmark on PostgreSQL, on top of the issue 11 documents (via
// generate-documents.ts, which runs generate-opportunities.ts and generate-customers.ts when the
// database is empty): payment plans for every effective contract (1,000,000 instalments), payments
// received against them with their allocations, and 2,000,000 expense claims.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_money npm run bench:gen-money
//
// Options: --instalments 1000000 --expenses 2000000 --batch 100000 --today 2026-12-07.
// Every row is decided inside the database from its row number (generate_series and a hash), and
// written with the triggers of migration 0047 ON: the aging and profit totals are kept by the same
// statement-level triggers as for the app, in batches, which is what the benchmark shows they can do.
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { type Database, openPostgres } from '../server/src/platform/db/database.js';
import { arg, describeTarget, intArg, ms, target } from './lib/cli.js';
import { BENCH_PASSWORD, DEFAULT_PGLITE_DIR } from './lib/dataset.js';

const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:gen-money runs on PostgreSQL only: set DATABASE_URL (e.g. …/crm_bench_money)');
const INSTALMENTS = intArg('instalments', 'BENCH_INSTALMENTS', 1_000_000);
const EXPENSES = intArg('expenses', 'BENCH_EXPENSES', 2_000_000);
const BATCH = intArg('batch', 'BENCH_BATCH', 100_000);
/** The day the data is "as of": dues before it are past, payments are received up to it. */
const TODAY = arg('today') ?? '2026-12-07';

const t0 = performance.now();
console.log(
  `Money benchmark data: ${INSTALMENTS.toLocaleString()} instalments and their payments, ${EXPENSES.toLocaleString()} expenses → ${describeTarget(where)}`,
);
const config = loadConfig({ ...process.env, CRM_ADMIN_PASSWORD: BENCH_PASSWORD, CRM_DEMO: '0', LOG_LEVEL: 'silent' });
let database: Database = await openPostgres(where.url, 4);
const count = async (table: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0].n);

// A hash of the row number and a salt, 0 … 2^31 − 1: every attribute is decided by one.
const H = (g: string, salt: number) => sql.raw(`(hashint8(${g}::bigint * 7919 + ${salt}) & 2147483647)`);

try {
  await bootstrap(database, config);
  if ((await count('contracts')) === 0) {
    await database.close();
    const t = performance.now();
    const child = spawnSync('npx', ['tsx', 'bench/generate-documents.ts'], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: where.url },
    });
    if (child.status !== 0) throw new Error('generate-documents failed');
    console.log(`  company, customers, opportunities, quotes and contracts: ${ms(t)}`);
    database = await openPostgres(where.url, 4);
    await bootstrap(database, config);
  }
  const db = database.db;
  // Each stage runs once: a run that stopped after a stage picks up at the next one.
  const done = {
    instalments: (await count('payment_instalments')) > 0,
    // Allocations are written after their payments: a run stopped between the two left payments only.
    payments: (await count('payment_allocations')) > 0,
    expenses: (await count('expenses')) > 0,
  };
  if (done.expenses) throw new Error('the database already holds expenses; start over with bench:gen-docs -- --recreate');

  // A rep who may see costs (own scope): the profit report is only for roles with product_costs:view.
  await sql`INSERT INTO roles (key, name, data_scope, permissions)
            VALUES ('bench_rep_costs', '销售（可看成本）', 'own', '["product_costs:view", "receivables:view"]'::jsonb)
            ON CONFLICT (key) DO NOTHING`.execute(db);
  await sql`INSERT INTO user_roles (user_id, role_id)
            SELECT u.id, r.id FROM users u, roles r WHERE u.username = 'rep001' AND r.key = 'bench_rep_costs'
            ON CONFLICT DO NOTHING`.execute(db);

  let t = performance.now();
  await sql`DROP TABLE IF EXISTS bench_money_c, bench_money_cu, bench_money_i`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_money_c AS
              SELECT row_number() OVER (ORDER BY id)::int AS n, id, number, amount, sign_date, owner_id, owner_dept_id, customer_id
                FROM contracts WHERE status = 'effective' AND deleted_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX ON bench_money_c (n)`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_money_cu AS
              SELECT row_number() OVER (ORDER BY id)::int AS n, id, owner_id, owner_dept_id FROM customers WHERE deleted_at IS NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX ON bench_money_cu (n)`.execute(db);
  const contracts = await count('bench_money_c');
  const customers = await count('bench_money_cu');
  console.log(`  references: ${contracts.toLocaleString()} effective contracts, ${customers.toLocaleString()} customers: ${ms(t)}`);

  // Statistics after each batch: the triggers' statements are planned against them, and a table that
  // grew from nothing since the last analyze would be planned as empty.
  const load = async (what: string, total: number, tables: string[], insert: (lo: number, hi: number) => Promise<void>) => {
    const tl = performance.now();
    for (let lo = 1; lo <= total; lo += BATCH) {
      const hi = Math.min(total, lo + BATCH - 1);
      const tb = performance.now();
      await insert(lo, hi);
      await database.session(async (run) => {
        for (const table of tables) await run(`ANALYZE ${table}`);
      });
      const rate = Math.round((hi - lo + 1) / ((performance.now() - tb) / 1000));
      console.log(`  ${what} ${hi.toLocaleString().padStart(9)} / ${total.toLocaleString()}  (${rate.toLocaleString()}/s)`);
    }
    console.log(`  ${what} loaded: ${ms(tl)}`);
    return performance.now() - tl;
  };

  // Instalments: contract n gets ⌊N / E⌋ or one more; each 45 days after the last, from the signing;
  // the split is exact (the odd fen on the last one).
  const per = Math.floor(INSTALMENTS / contracts);
  const extra = INSTALMENTS % contracts;
  const instalmentsMs = done.instalments
    ? 0
    : await load('instalments', INSTALMENTS, ['payment_instalments', 'money_instalment_balances'], async (lo, hi) => {
        await sql`
      INSERT INTO payment_instalments (contract_id, position, due_date, amount, milestone)
      SELECT c.id, x.pos, COALESCE(c.sign_date, ${TODAY}::date) + x.pos * 45,
             CASE WHEN x.pos = x.k THEN c.amount - trunc(c.amount / x.k, 2) * (x.k - 1) ELSE trunc(c.amount / x.k, 2) END,
             '第' || x.pos || '期'
        FROM (SELECT g, 1 + (g - 1) % ${contracts} AS cn, 1 + (g - 1) / ${contracts} AS pos,
                     ${per} + CASE WHEN 1 + (g - 1) % ${contracts} <= ${extra} THEN 1 ELSE 0 END AS k
                FROM generate_series(${lo}::int, ${hi}::int) g) x
        JOIN bench_money_c c ON c.n = x.cn`.execute(db);
      });

  t = performance.now();
  let paymentsMs = 0;
  if (!done.payments) {
    await sql`DELETE FROM payments`.execute(db); // a stopped run's payments without their allocations
    // What each instalment has been paid: the older the due date, the likelier in full (seed 002's
    // collections); a few paid early, some in part; 3 % of payments still expected (not confirmed).
    await sql`CREATE UNLOGGED TABLE bench_money_i AS
    SELECT row_number() OVER (ORDER BY i.contract_id, i.position)::int AS n, i.id, i.contract_id, i.due_date, i.amount,
           c.owner_id, c.owner_dept_id, c.number FROM payment_instalments i JOIN contracts c ON c.id = i.contract_id`.execute(db);
    await sql`ALTER TABLE bench_money_i ADD COLUMN pay numeric(14,2), ADD COLUMN received date, ADD COLUMN pid uuid, ADD COLUMN confirmed boolean`.execute(
      db,
    );
    await sql`UPDATE bench_money_i SET
      pay = CASE
        WHEN r < p_full THEN amount
        WHEN r < p_full + p_part THEN GREATEST(0.01, trunc(amount * (20 + r % 60) / 100, 2))
        ELSE NULL END,
      received = LEAST(${TODAY}::date, due_date + (r % 40) - 10),
      pid = gen_random_uuid(),
      confirmed = (r % 100) >= 3
    FROM (SELECT n AS rn, ${H('n', 1)} % 1000 AS r,
                 CASE WHEN ${TODAY}::date - due_date > 90 THEN 920 WHEN ${TODAY}::date - due_date > 30 THEN 750
                      WHEN ${TODAY}::date - due_date > 0 THEN 500 ELSE 100 END AS p_full,
                 CASE WHEN ${TODAY}::date - due_date > 90 THEN 40 WHEN ${TODAY}::date - due_date > 30 THEN 100 ELSE 100 END AS p_part
            FROM bench_money_i) s
    WHERE s.rn = bench_money_i.n`.execute(db);
    await sql`CREATE UNIQUE INDEX ON bench_money_i (n)`.execute(db);
    console.log(`  staged payments: ${ms(t)}`);
    const staged = Number((await sql<{ n: string }>`SELECT max(n) AS n FROM bench_money_i`.execute(db)).rows[0].n);
    const finance = await db.selectFrom('users').select('id').where('username', '=', 'fin01').executeTakeFirst();
    const confirmer =
      finance?.id ?? (await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
    // 0048 keeps what each instalment and contract has reserved and paid by row triggers: a batch of
    // 100,000 allocations through them took over 11 minutes. Off for the load, then its rebuild in one
    // statement per table — whose UPDATE of payment_instalments the 0047/0052 statement triggers follow.
    await sql`ALTER TABLE payment_allocations DISABLE TRIGGER payment_allocations_totals`.execute(db);
    await sql`ALTER TABLE payments DISABLE TRIGGER payments_totals`.execute(db);
    paymentsMs = await load(
      'payments + allocations (instalments scanned)',
      staged,
      ['payments', 'payment_allocations', 'money_instalment_balances'],
      async (lo, hi) => {
        await sql`
      INSERT INTO payments (id, owner_id, owner_dept_id, created_by, created_at, updated_at, contract_id, title, received_on, amount, method,
                            bank_reference, status, confirmed_by, confirmed_at)
      SELECT s.pid, s.owner_id, s.owner_dept_id, s.owner_id, s.received::timestamp AT TIME ZONE 'Asia/Shanghai',
             s.received::timestamp AT TIME ZONE 'Asia/Shanghai', s.contract_id, s.number || ' ¥' || s.pay, s.received, s.pay, 'bank_transfer',
             'BR' || s.n, CASE WHEN s.confirmed THEN 'confirmed' ELSE 'expected' END,
             CASE WHEN s.confirmed THEN ${confirmer}::uuid END,
             CASE WHEN s.confirmed THEN s.received::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '17 hours' END
        FROM bench_money_i s WHERE s.n BETWEEN ${lo} AND ${hi} AND s.pay IS NOT NULL`.execute(db);
        await sql`
      INSERT INTO payment_allocations (payment_id, instalment_id, amount)
      SELECT s.pid, s.id, s.pay FROM bench_money_i s WHERE s.n BETWEEN ${lo} AND ${hi} AND s.pay IS NOT NULL`.execute(db);
      },
    );
    await sql`ALTER TABLE payment_allocations ENABLE TRIGGER payment_allocations_totals`.execute(db);
    await sql`ALTER TABLE payments ENABLE TRIGGER payments_totals`.execute(db);
    const tr = performance.now();
    await sql`SELECT receivables_rebuild_totals()`.execute(db);
    paymentsMs += performance.now() - tr;
    console.log(`  receivable totals rebuilt (0048) and followed by the aging tables (0047, 0052): ${ms(tr)}`);
  }

  // Expenses: 30 % linked to an effective contract (its customer, its owner), the rest to a customer
  // (its owner); 80 % approved, 8 % rejected, 7 % in approval, 5 % draft; over the three years.
  const expensesMs = await load(
    'expenses',
    EXPENSES,
    ['expenses', 'money_expense_totals', 'money_contract_profit', 'money_customer_profit'],
    async (lo, hi) => {
      await sql`
      INSERT INTO expenses (owner_id, owner_dept_id, created_by, created_at, updated_at, number, customer_id, contract_id, category, amount,
                            spent_on, description, status, submitted_at, approved_at, rejected_at)
      SELECT COALESCE(c.owner_id, cu.owner_id), COALESCE(c.owner_dept_id, cu.owner_dept_id), COALESCE(c.owner_id, cu.owner_id),
             x.spent::timestamp, x.spent::timestamp, 'FY' || lpad(x.g::text, 9, '0'), COALESCE(c.customer_id, cu.id), c.id,
             (ARRAY['entertainment', 'travel', 'gifts', 'samples'])[1 + x.h % 4], 50 + (x.h % 500000) / 100.0, x.spent,
             '拜访客户', x.status,
             CASE WHEN x.status <> 'draft' THEN x.spent::timestamp END,
             CASE WHEN x.status = 'approved' THEN x.spent::timestamp + interval '2 days' END,
             CASE WHEN x.status = 'rejected' THEN x.spent::timestamp + interval '2 days' END
        FROM (SELECT g, ${H('g', 2)} AS h, ${H('g', 3)} % 100 AS linked, ${H('g', 4)} AS pick,
                     date '2023-12-10' + (${H('g', 5)} % 1094)::int AS spent,
                     CASE WHEN ${H('g', 6)} % 100 < 80 THEN 'approved' WHEN ${H('g', 6)} % 100 < 88 THEN 'rejected'
                          WHEN ${H('g', 6)} % 100 < 95 THEN 'in_approval' ELSE 'draft' END AS status
                FROM generate_series(${lo}::int, ${hi}::int) g) x
        LEFT JOIN bench_money_c c ON x.linked < 30 AND c.n = 1 + x.pick % ${contracts}
        LEFT JOIN bench_money_cu cu ON x.linked >= 30 AND cu.n = 1 + x.pick % ${customers}`.execute(db);
    },
  );

  await sql`DROP TABLE IF EXISTS bench_money_c, bench_money_cu, bench_money_i`.execute(db);
  // bench:gen-docs loads contracts with triggers off: where 0047 already existed then, no contract has
  // its profit row. 0053's rebuild writes every money-reports table from the rows (about a minute).
  if ((await count('money_contract_profit')) === 0 && contracts > 0) {
    t = performance.now();
    await sql`SELECT money_rebuild_totals()`.execute(db);
    console.log(`  money-reports totals rebuilt (contracts were loaded without their triggers): ${ms(t)}`);
  }
  t = performance.now();
  await database.session(async (run) => {
    for (const table of [
      'payment_instalments',
      'payments',
      'payment_allocations',
      'expenses',
      'money_instalment_balances',
      'money_expense_totals',
      'money_contract_profit',
      'money_customer_profit',
    ])
      await run(`VACUUM (ANALYZE) ${table}`);
  });
  console.log(`  vacuum + analyze: ${ms(t)}`);
  const sizes = (
    await sql<Record<string, string>>`
      SELECT (SELECT count(*) FROM payment_instalments) AS instalments, (SELECT count(*) FROM payments) AS payments,
             (SELECT count(*) FROM payments WHERE status = 'expected') AS expected,
             (SELECT count(*) FROM money_instalment_balances WHERE live AND paid < amount) AS open_instalments,
             (SELECT count(*) FROM expenses) AS expenses, (SELECT count(*) FROM expenses WHERE status = 'approved') AS approved,
             (SELECT count(*) FROM money_expense_totals) AS expense_totals, (SELECT count(*) FROM money_contract_profit) AS contract_profit,
             (SELECT count(*) FROM money_customer_profit) AS customer_profit,
             pg_size_pretty(pg_total_relation_size('expenses')) AS expenses_size,
             pg_size_pretty(pg_total_relation_size('payment_instalments')) AS instalments_size,
             pg_size_pretty(pg_total_relation_size('money_instalment_balances')) AS balances_size`.execute(db)
  ).rows[0];
  console.log(`  ${JSON.stringify(sizes)}`);
  console.log(
    `Done in ${ms(t0)} (instalments ${(instalmentsMs / 1000).toFixed(1)} s, payments ${(paymentsMs / 1000).toFixed(1)} s, expenses ${(expensesMs / 1000).toFixed(1)} s).`,
  );
} finally {
  await database.close();
}
