// Generates the pipeline benchmark: the benchmark company (via generate-customers.ts, 200,000
// customers by default), two pipelines, N opportunities (default 2,000,000) over three years with
// their stage history, into DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_opps npm run bench:gen-opps -- --recreate
//
// Options: --n 2000000 opportunities, --customers 200000, --batch 100000, --recreate.
// Rows are generated inside the database (INSERT … SELECT over generate_series, every attribute a
// hash of the row number), so the script's memory stays flat; secondary indexes, foreign keys and
// the stage-totals triggers are off during the load and rebuilt after it.
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { type Database, openPglite, openPostgres } from '../server/src/platform/db/database.js';
import { describeTarget, flag, intArg, ms, recreateTarget, target } from './lib/cli.js';
import { BENCH_PASSWORD, DEFAULT_PGLITE_DIR } from './lib/dataset.js';

const where = target(DEFAULT_PGLITE_DIR);
const N = intArg('n', 'BENCH_N', 2_000_000);
const CUSTOMERS = intArg('customers', 'BENCH_CUSTOMERS', 200_000);
const BATCH = intArg('batch', 'BENCH_BATCH', where.kind === 'pglite' ? 25_000 : 100_000);
const TABLES = ['opportunities', 'opportunity_stage_history'];

const t0 = performance.now();
console.log(`Pipeline benchmark data: ${N.toLocaleString()} opportunities with 3 years of stage history → ${describeTarget(where)}`);
if (flag('recreate')) {
  await recreateTarget(where);
  console.log('  recreated the database');
}

let database: Database = where.kind === 'postgres' ? await openPostgres(where.url, 4) : await openPglite({ dataDir: where.dataDir });
const config = loadConfig({ ...process.env, CRM_ADMIN_PASSWORD: BENCH_PASSWORD, CRM_DEMO: '0', LOG_LEVEL: 'silent' });
await bootstrap(database, config);
const count = async (table: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0].n;

try {
  if ((await count('opportunities')) > 0) throw new Error('the database already holds opportunities; pass --recreate to start over');
  if ((await count('customers')) === 0) {
    // The company (departments, 500 reps, managers, director) and its customers, as the customer benchmark builds them.
    await database.close();
    const t = performance.now();
    const run = spawnSync('npx', ['tsx', 'bench/generate-customers.ts', '--n', String(CUSTOMERS), '--contacts', '0'], {
      stdio: 'inherit',
      env: process.env,
    });
    if (run.status !== 0) throw new Error('generate-customers failed');
    console.log(`  company and ${CUSTOMERS.toLocaleString()} customers: ${ms(t)}`);
    database = where.kind === 'postgres' ? await openPostgres(where.url, 4) : await openPglite({ dataDir: where.dataDir });
  }
  const db = database.db;

  let t = performance.now();
  const pipelines = await ensurePipelines(db);
  console.log(`  pipelines: ${pipelines.map((p) => `${p.name} (${p.open.length} open stages)`).join(', ')}`);

  await sql`DROP TABLE IF EXISTS bench_customers`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_customers AS
              SELECT row_number() OVER (ORDER BY id)::int AS n, id, owner_id, owner_dept_id, source FROM customers WHERE deleted_at IS NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX ON bench_customers (n)`.execute(db);
  const customers = await count('bench_customers');

  const dropped = await dropSecondaryStructures(database);
  try {
    for (let lo = 1; lo <= N; lo += BATCH) {
      const hi = Math.min(N, lo + BATCH - 1);
      const tb = performance.now();
      await insertOpportunities(db, pipelines, customers, lo, hi);
      const rate = Math.round((hi - lo + 1) / ((performance.now() - tb) / 1000));
      console.log(
        `  opportunities ${hi.toLocaleString().padStart(11)} / ${N.toLocaleString()}  (${rate.toLocaleString()} rows/s with their history)`,
      );
    }
    console.log(`  rows loaded: ${ms(t)}`);
  } finally {
    t = performance.now();
    await restoreSecondaryStructures(database, dropped);
    console.log(
      `  ${dropped.indexes.length} indexes, ${dropped.foreignKeys.length} foreign keys and the stage-totals triggers rebuilt: ${ms(t)}`,
    );
  }
  await sql`DROP TABLE bench_customers`.execute(db);

  t = performance.now();
  await database.session(async (run) => {
    for (const table of [...TABLES, 'opportunity_stage_totals', 'pipelines', 'pipeline_stages']) await run(`VACUUM (ANALYZE) ${table}`);
  });
  console.log(`  vacuum + analyze: ${ms(t)}`);
  const sizes = await sql<{ rel: string; rows: number; size: string }>`
    SELECT c.relname AS rel, c.reltuples::bigint::int AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
      FROM pg_class c WHERE c.relname IN ('opportunities', 'opportunity_stage_history', 'opportunity_stage_totals') ORDER BY 1`.execute(db);
  for (const s of sizes.rows) console.log(`  ${s.rel}: ~${s.rows.toLocaleString()} rows, ${s.size} with indexes`);
  const status = await sql<{
    status: string;
    n: number;
  }>`SELECT status, sum(n)::int AS n FROM opportunity_stage_totals GROUP BY 1 ORDER BY 1`.execute(db);
  console.log(`  by status: ${status.rows.map((r) => `${r.status} ${r.n.toLocaleString()}`).join(', ')}`);
  console.log(`Done in ${ms(t0)}.`);
} finally {
  await database.close();
}

interface BenchPipeline {
  id: string;
  name: string;
  open: { id: string; probability: number; min: number; max: number }[];
  won: string;
  lost: string;
}

/** The pipelines in the database (templates seeded at start-up, if any), else seed 002's five stages and Salesforce's nine. */
async function ensurePipelines(db: Database['db']): Promise<BenchPipeline[]> {
  const existing = await db.selectFrom('pipelines').select('id').where('active', '=', true).execute();
  if (existing.length === 0) {
    const make = async (name: string, isDefault: boolean, stages: [string, string, 'open' | 'won' | 'lost', number, number, number][]) => {
      const p = await db.insertInto('pipelines').values({ name, is_default: isDefault }).returning('id').executeTakeFirstOrThrow();
      await db
        .insertInto('pipeline_stages')
        .values(
          stages.map(([key, label, kind, probability, min, max], i) => ({
            pipeline_id: p.id,
            key,
            label_zh_cn: label,
            label_zh_tw: label,
            label_en: key,
            kind,
            position: i + 1,
            probability,
            min_probability: min,
            max_probability: max,
          })),
        )
        .execute();
    };
    await make('标准销售流程', true, [
      ['initial', '初步接触', 'open', 10, 0, 30],
      ['needs', '需求沟通', 'open', 30, 10, 50],
      ['intent', '意向确认', 'open', 50, 30, 70],
      ['quote', '报价', 'open', 70, 50, 90],
      ['won', '成功签约', 'won', 100, 100, 100],
      ['lost', '输单', 'lost', 0, 0, 0],
    ]);
    await make('Salesforce 九阶段', false, [
      ['prospecting', '勘探', 'open', 10, 0, 30],
      ['qualification', '条件验证', 'open', 20, 0, 40],
      ['needs_analysis', '需求分析', 'open', 25, 10, 50],
      ['value_proposition', '价值主张', 'open', 30, 10, 60],
      ['decision_makers', '辨认决策者', 'open', 40, 20, 70],
      ['perception', '认知分析', 'open', 50, 30, 80],
      ['proposal', '提案/报价', 'open', 65, 40, 90],
      ['negotiation', '谈判/检视', 'open', 80, 50, 95],
      ['closed_won', '成交', 'won', 100, 100, 100],
      ['closed_lost', '失败', 'lost', 0, 0, 0],
    ]);
  }
  const pipelines = await db
    .selectFrom('pipelines')
    .select(['id', 'name'])
    .where('active', '=', true)
    .orderBy('is_default', 'desc')
    .orderBy('sort_order')
    .limit(2)
    .execute();
  const out: BenchPipeline[] = [];
  for (const p of pipelines) {
    const stages = await db
      .selectFrom('pipeline_stages')
      .select(['id', 'kind', 'probability', 'min_probability', 'max_probability'])
      .where('pipeline_id', '=', p.id)
      .where('active', '=', true)
      .orderBy('position')
      .execute();
    const won = stages.find((s) => s.kind === 'won');
    const lost = stages.find((s) => s.kind === 'lost');
    if (!won || !lost) throw new Error(`pipeline ${p.name} has no won or lost stage`);
    out.push({
      id: p.id,
      name: p.name,
      open: stages
        .filter((s) => s.kind === 'open')
        .map((s) => ({ id: s.id, probability: Number(s.probability), min: Number(s.min_probability), max: Number(s.max_probability) })),
      won: won.id,
      lost: lost.id,
    });
  }
  return out;
}

interface Dropped {
  indexes: string[];
  foreignKeys: { table: string; name: string; def: string }[];
}

/** Bulk loads run far faster into bare tables: secondary indexes, foreign keys and the triggers go, then come back. */
async function dropSecondaryStructures(database: Database): Promise<Dropped> {
  const db = database.db;
  const idx = await sql<{ name: string; def: string }>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i
     WHERE i.indrelid IN ('opportunities'::regclass, 'opportunity_stage_history'::regclass)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`.execute(db);
  const fks = await sql<{ table: string; name: string; def: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('opportunities'::regclass, 'opportunity_stage_history'::regclass)`.execute(
    db,
  );
  for (const fk of fks.rows) await sql`ALTER TABLE ${sql.table(fk.table)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(db);
  for (const i of idx.rows) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(db);
  await sql`ALTER TABLE opportunities DISABLE TRIGGER USER`.execute(db);
  await sql`ALTER TABLE opportunity_stage_history DISABLE TRIGGER USER`.execute(db);
  return { indexes: idx.rows.map((i) => i.def), foreignKeys: fks.rows };
}

async function restoreSecondaryStructures(database: Database, dropped: Dropped) {
  const memory = database.kind === 'pglite' ? '256MB' : '1GB';
  await database.session(async (run) => {
    await run(`SET maintenance_work_mem = '${memory}'`);
    // The stages each one has been in, as the history trigger would have kept them (migration 0022);
    // before the indexes come back, so the rewrite does not maintain them.
    await run(`UPDATE opportunities o SET visited_stage_ids = v.ids
                 FROM (SELECT opportunity_id, array_agg(DISTINCT stage_id) AS ids FROM opportunity_stage_history GROUP BY 1) v
                WHERE v.opportunity_id = o.id`);
    for (const def of dropped.indexes) {
      const t = performance.now();
      await run(def);
      console.log(`    ${def.replace(/^CREATE (UNIQUE )?INDEX (\S+) .*$/, '$2')}: ${ms(t)}`);
    }
    for (const fk of dropped.foreignKeys) await run(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
    await run('RESET maintenance_work_mem');
    // The counters the triggers would have kept, computed once (the same statement as migration 0014).
    await run('ALTER TABLE opportunities ENABLE TRIGGER USER');
    await run('DELETE FROM opportunity_stage_totals');
    await run(`INSERT INTO opportunity_stage_totals (owner_id, owner_dept_id, pipeline_id, stage_id, status, n, amount, amount_x_probability)
               SELECT owner_id, owner_dept_id, pipeline_id, stage_id, status, count(*), sum(amount), sum(amount * probability)
                 FROM opportunities WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5`);
    await run('ALTER TABLE opportunity_stage_history ENABLE TRIGGER USER');
  });
}

/**
 * Opportunities lo..hi and their stage history in one statement. Each one belongs to a customer's
 * owner; it is created within the last three years; the older it is, the likelier it is closed
 * (won about a third of the time). It went through the open stages one after the other up to the
 * one it reached (earlier stages more often), then to won or lost if closed. Open ones expect to
 * close between 40 days ago and 200 days ahead.
 */
async function insertOpportunities(db: Database['db'], pipelines: BenchPipeline[], customers: number, lo: number, hi: number) {
  const [a, b = pipelines[0]] = pipelines;
  const stageIds = sql`(CASE WHEN s.pl = 0 THEN ${sql.val(a.open.map((x) => x.id))}::uuid[] ELSE ${sql.val(b.open.map((x) => x.id))}::uuid[] END)`;
  const probs = sql`(CASE WHEN s.pl = 0 THEN ${sql.val(a.open.map((x) => x.probability))}::numeric[] ELSE ${sql.val(b.open.map((x) => x.probability))}::numeric[] END)`;
  const maxes = sql`(CASE WHEN s.pl = 0 THEN ${sql.val(a.open.map((x) => x.max))}::numeric[] ELSE ${sql.val(b.open.map((x) => x.max))}::numeric[] END)`;
  await sql`
    WITH raw AS (
      SELECT g.i,
             hashint8(g.i * 16 + 1) & 2147483647 AS h1, hashint8(g.i * 16 + 2) & 2147483647 AS h2,
             hashint8(g.i * 16 + 3) & 2147483647 AS h3, hashint8(g.i * 16 + 4) & 2147483647 AS h4,
             hashint8(g.i * 16 + 5) & 2147483647 AS h5, hashint8(g.i * 16 + 6) & 2147483647 AS h6,
             hashint8(g.i * 16 + 7) & 2147483647 AS h7
        FROM generate_series(${lo}::bigint, ${hi}::bigint) AS g(i)
    ),
    s AS (
      SELECT r.*, c.id AS customer_id, c.owner_id, c.owner_dept_id, c.source,
             CASE WHEN r.h2 % 10 < 8 THEN 0 ELSE 1 END AS pl,
             now() - make_interval(secs => r.h1 % (3 * 365 * 86400)) AS created_at
        FROM raw r JOIN bench_customers c ON c.n = 1 + (r.h7 % ${customers})
    ),
    shaped AS (
      SELECT s.*, cardinality(${stageIds}) AS n_open,
             -- closed: the older, the likelier (92 % after half a year, 50 % after a month, 10 % before)
             CASE WHEN s.created_at < now() - interval '180 days' THEN s.h3 % 100 < 92
                  WHEN s.created_at < now() - interval '30 days' THEN s.h3 % 100 < 50
                  ELSE s.h3 % 100 < 10 END AS closed,
             s.h4 % 100 < 36 AS won_if_closed,
             ${stageIds} AS stage_ids, ${probs} AS probs, ${maxes} AS maxes
        FROM s
    ),
    decided AS (
      SELECT d.*,
             -- the last open stage reached: stage k with weight falling off (more opportunities in early stages)
             CASE WHEN d.closed AND d.won_if_closed THEN d.n_open
                  ELSE 1 + floor(d.n_open * power((d.h5 % 1000) / 1000.0, 1.6))::int END AS k,
             least(now() - interval '1 hour', d.created_at + make_interval(days => 5 + (d.h6 % 150), secs => d.h2 % 86400)) AS closed_at
        FROM shaped d
    ),
    src AS (
      SELECT gen_random_uuid() AS id, x.*,
             CASE WHEN NOT x.closed THEN 'open' WHEN x.won_if_closed THEN 'won' ELSE 'lost' END AS status,
             (5000 + (x.h6 % 1000) ^ 2 * 2)::numeric(14,2) AS amount,
             -- the k open stays share the time from creation to the close (open ones: to a while ago)
             CASE WHEN x.closed THEN x.closed_at - x.created_at ELSE (now() - x.created_at) * 0.9 END AS span,
             CASE WHEN x.pl = 0 THEN ${a.id}::uuid ELSE ${b.id}::uuid END AS pipeline_id,
             CASE WHEN NOT x.closed THEN NULL WHEN x.won_if_closed THEN (CASE WHEN x.pl = 0 THEN ${a.won}::uuid ELSE ${b.won}::uuid END)
                  ELSE (CASE WHEN x.pl = 0 THEN ${a.lost}::uuid ELSE ${b.lost}::uuid END) END AS closed_stage
        FROM decided x
    ),
    ins AS (
      INSERT INTO opportunities (id, owner_id, owner_dept_id, created_by, created_at, updated_by, updated_at, customer_id, name, amount,
                                 pipeline_id, stage_id, status, probability, expected_close_date, source, forecast_category,
                                 stage_entered_at, closed_at)
      SELECT src.id, src.owner_id, src.owner_dept_id, src.owner_id, src.created_at, src.owner_id,
             CASE WHEN src.closed THEN src.closed_at ELSE src.created_at + src.span * (src.k - 1) / src.k END,
             src.customer_id,
             (ARRAY['年度采购','设备更新','系统升级','门店扩张','数字化改造','二期扩容','框架协议','试点项目'])[1 + src.h7 % 8] || ' #' || src.i,
             src.amount, src.pipeline_id, coalesce(src.closed_stage, src.stage_ids[src.k]), src.status,
             CASE src.status WHEN 'won' THEN 100 WHEN 'lost' THEN 0
                  ELSE least(src.maxes[src.k], src.probs[src.k] + CASE WHEN src.h3 % 10 = 0 THEN 10 ELSE 0 END) END,
             CASE WHEN src.closed THEN (src.closed_at AT TIME ZONE 'Asia/Shanghai')::date ELSE current_date + ((src.h2 % 240) - 40)::int END,
             src.source,
             CASE WHEN src.closed THEN NULL
                  WHEN src.k = src.n_open THEN (ARRAY['commit','commit','best_case'])[1 + src.h4 % 3]
                  WHEN src.k * 2 > src.n_open THEN (ARRAY['best_case','pipeline'])[1 + src.h4 % 2]
                  ELSE (ARRAY['pipeline','pipeline','omitted'])[1 + src.h4 % 3] END,
             CASE WHEN src.closed THEN src.closed_at ELSE src.created_at + src.span * (src.k - 1) / src.k END,
             CASE WHEN src.closed THEN src.closed_at END
        FROM src
    )
    INSERT INTO opportunity_stage_history (opportunity_id, pipeline_id, stage_id, from_stage_id, probability, amount, entered_at, left_at, changed_by)
    SELECT src.id, src.pipeline_id,
           CASE WHEN j <= src.k THEN src.stage_ids[j] ELSE src.closed_stage END,
           CASE WHEN j > 1 THEN src.stage_ids[least(j - 1, src.k)] END,
           CASE WHEN j <= src.k THEN src.probs[j] WHEN src.status = 'won' THEN 100 ELSE 0 END,
           src.amount,
           CASE WHEN j <= src.k THEN src.created_at + src.span * (j - 1) / src.k ELSE src.closed_at END,
           CASE WHEN j < src.k THEN src.created_at + src.span * j / src.k WHEN j = src.k AND src.closed THEN src.closed_at END,
           src.owner_id
      FROM src CROSS JOIN LATERAL generate_series(1, src.k + CASE WHEN src.closed THEN 1 ELSE 0 END) AS j`.execute(db);
}
