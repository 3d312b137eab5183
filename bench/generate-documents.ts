// Generates the issue 11 benchmark (quotes, contracts, the approval engine, document numbers) on
// PostgreSQL: the benchmark company with 200,000 customers and 400,000 opportunities (via
// generate-opportunities.ts, which runs generate-customers.ts), the staff the contract flow names by
// role, a product catalogue, 400,000 quotes, 200,000 contracts, and their approval requests, tasks
// and (≥ 1,000,000) actions as the engine would have written them.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_docs npm run bench:gen-docs -- --recreate
//
// Options: --quotes 400000 --contracts 200000 --opportunities 400000 --customers 200000 --batch 50000 --recreate.
// Every document is decided in staging tables inside the database (lib/documents-staging.ts, each
// attribute a hash of the row number), then copied into the real tables in batches, in creation
// order; their secondary indexes, foreign keys and triggers are off during the load and rebuilt after it.
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import '../server/src/domains/contracts/contract-approval.js';
import '../server/src/domains/quotes/quote-approval.js';
import { currentFlow } from '../server/src/platform/approvals/flows.js';
import { type Database, openPostgres } from '../server/src/platform/db/database.js';
import { dropSecondaryStructures, restoreSecondaryStructures } from './lib/bulk-load.js';
import { describeTarget, flag, intArg, ms, recreateTarget, target } from './lib/cli.js';
import { BENCH_PASSWORD, DEFAULT_PGLITE_DIR } from './lib/dataset.js';
import { type FlowVersions, insertRequests, stageRequests } from './lib/documents-approvals.js';
import { buildReferences, DROP_REFERENCES, ensureCatalogue, ensureStaff } from './lib/documents-company.js';
import { insertContracts, insertQuotes, STAGING_TABLES, setCounters, stageContracts, stageQuotes } from './lib/documents-staging.js';

const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:gen-docs runs on PostgreSQL only: set DATABASE_URL (e.g. …/crm_bench_docs)');
const QUOTES = intArg('quotes', 'BENCH_QUOTES', 400_000);
const CONTRACTS = intArg('contracts', 'BENCH_CONTRACTS', 200_000);
const OPPORTUNITIES = intArg('opportunities', 'BENCH_OPPORTUNITIES', 400_000);
const CUSTOMERS = intArg('customers', 'BENCH_CUSTOMERS', 200_000);
const BATCH = intArg('batch', 'BENCH_BATCH', 50_000);
const TABLES = ['quotes', 'quote_lines', 'contracts', 'contract_lines', 'approval_requests', 'approval_tasks', 'approval_actions'];

const t0 = performance.now();
console.log(
  `Document benchmark data: ${QUOTES.toLocaleString()} quotes, ${CONTRACTS.toLocaleString()} contracts and their approvals → ${describeTarget(where)}`,
);
if (flag('recreate')) {
  await recreateTarget(where);
  console.log('  recreated the database');
}

const config = loadConfig({ ...process.env, CRM_ADMIN_PASSWORD: BENCH_PASSWORD, CRM_DEMO: '0', LOG_LEVEL: 'silent' });
let database: Database = await openPostgres(where.url, 4);
await bootstrap(database, config);
const count = async (table: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0].n);

try {
  if ((await count('quotes')) > 0 || (await count('contracts')) > 0)
    throw new Error('the database already holds quotes or contracts; pass --recreate to start over');
  if ((await count('opportunities')) === 0) {
    // The company, its customers and their opportunities, as the pipeline benchmark builds them.
    await database.close();
    const t = performance.now();
    const args = ['tsx', 'bench/generate-opportunities.ts', '--n', String(OPPORTUNITIES), '--customers', String(CUSTOMERS)];
    const child = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: where.url } });
    if (child.status !== 0) throw new Error('generate-opportunities failed');
    console.log(`  company, ${CUSTOMERS.toLocaleString()} customers and ${OPPORTUNITIES.toLocaleString()} opportunities: ${ms(t)}`);
    database = await openPostgres(where.url, 4);
  }
  const db = database.db;

  let t = performance.now();
  const staff = await ensureStaff(db);
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const products = await ensureCatalogue(db, admin.id);
  const flows: Record<string, string> = {};
  for (const type of ['quote', 'contract', 'contract_end']) {
    // The shipped default, saved as version 1 exactly as the engine saves it on first use.
    const flow = await currentFlow(db, type);
    if (!flow) throw new Error(`no default approval flow for ${type}`);
    flows[type] = flow.id;
  }
  const refs = await buildReferences(db);
  console.log(
    `  staff (${staff.pm.length} project managers, ${staff.finance.length} finance, ${staff.legal.length} legal), ${products} products, ` +
      `flows, references (${refs.customers.toLocaleString()} customers, ${refs.opportunities.toLocaleString()} opportunities): ${ms(t)}`,
  );

  t = performance.now();
  await stageQuotes(db, QUOTES, refs.opportunities, products);
  console.log(`  staged quotes and their lines: ${ms(t)}`);
  t = performance.now();
  await stageContracts(db, CONTRACTS, refs.customers, products);
  console.log(`  staged contracts and their lines: ${ms(t)}`);
  t = performance.now();
  const requests = await stageRequests(db, flows as unknown as FlowVersions);
  console.log(`  staged ${requests.toLocaleString()} approval requests: ${ms(t)}`);

  const dropped = await dropSecondaryStructures(database, TABLES);
  try {
    const load = async (what: string, total: number, batch: number, insert: (lo: number, hi: number) => Promise<void>) => {
      const tl = performance.now();
      for (let lo = 1; lo <= total; lo += batch) {
        const hi = Math.min(total, lo + batch - 1);
        const tb = performance.now();
        await insert(lo, hi);
        const rate = Math.round((hi - lo + 1) / ((performance.now() - tb) / 1000));
        console.log(`  ${what} ${hi.toLocaleString().padStart(9)} / ${total.toLocaleString()}  (${rate.toLocaleString()}/s)`);
      }
      console.log(`  ${what} loaded: ${ms(tl)}`);
    };
    await load('quotes', QUOTES, BATCH, (lo, hi) => insertQuotes(db, lo, hi));
    await load('contracts', CONTRACTS, BATCH, (lo, hi) => insertContracts(db, lo, hi));
    await load('requests', requests, BATCH, (lo, hi) => insertRequests(db, staff, lo, hi));
  } finally {
    t = performance.now();
    await restoreSecondaryStructures(database, dropped);
    console.log(`  ${dropped.indexes.length} indexes, ${dropped.foreignKeys.length} foreign keys and the triggers rebuilt: ${ms(t)}`);
  }
  // The per-owner contract counts the triggers keep (migration 0041) were off during the load: computed once.
  await sql`DELETE FROM contract_counts`.execute(db);
  await sql`INSERT INTO contract_counts (owner_id, owner_dept_id, status, live)
            SELECT owner_id, owner_dept_id, status, count(*) FROM contracts WHERE deleted_at IS NULL GROUP BY 1, 2, 3`.execute(db);
  await setCounters(db);
  for (const table of [...STAGING_TABLES, 'bench_doc_r', ...DROP_REFERENCES])
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);

  t = performance.now();
  await database.session(async (run) => {
    for (const table of [
      ...TABLES,
      'contract_counts',
      'number_counters',
      'approval_flow_versions',
      'products',
      'users',
      'departments',
      'user_roles',
    ])
      await run(`VACUUM (ANALYZE) ${table}`);
  });
  console.log(`  vacuum + analyze: ${ms(t)}`);
  await summary(database);
  console.log(`Done in ${ms(t0)}.`);
} finally {
  await database.close();
}

async function summary(database: Database) {
  const db = database.db;
  const sizes = await sql<{ rel: string; rows: string; size: string }>`
    SELECT c.relname AS rel, c.reltuples::bigint AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
      FROM pg_class c WHERE c.relname = ANY(${TABLES}) ORDER BY 1`.execute(db);
  for (const s of sizes.rows) console.log(`  ${s.rel}: ~${Number(s.rows).toLocaleString()} rows, ${s.size} with indexes`);
  const by = async (table: string, column: string) =>
    (
      await sql<{
        k: string;
        n: string;
      }>`SELECT ${sql.ref(column)} AS k, count(*) AS n FROM ${sql.table(table)} GROUP BY 1 ORDER BY 2 DESC`.execute(db)
    ).rows
      .map((r) => `${r.k} ${Number(r.n).toLocaleString()}`)
      .join(', ');
  console.log(`  quotes: ${await by('quotes', 'status')}`);
  console.log(`  contracts: ${await by('contracts', 'status')}`);
  console.log(`  requests: ${await by('approval_requests', 'status')}; by type: ${await by('approval_requests', 'document_type')}`);
  console.log(`  actions: ${await by('approval_actions', 'kind')}`);
  const todo = await sql<{ username: string; n: string }>`
    SELECT u.username, count(*) AS n FROM approval_tasks t JOIN users u ON u.id = ANY(t.approver_ids)
     WHERE t.status = 'pending' AND u.username IN ('mgr01', 'mgr.east', 'pm01', 'fin01', 'legal01') GROUP BY 1 ORDER BY 1`.execute(db);
  console.log(`  pending tasks (待我审批): ${todo.rows.map((r) => `${r.username} ${r.n}`).join(', ')}`);
}
