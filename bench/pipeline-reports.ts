// Report latency through the real app (forecast, pipeline totals, funnel, and the analytics), against
// the app's own SQL replayed raw and a hand-written best query for the same figures, in one run.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_opps npm run bench:reports
//   options: --seconds 10 --warmup 2 --connections 2 --roles rep,director --only floor,forecast,totals,funnel,sources,conversion,learned,board
//            --quiet 25 --quiet-wait 120 --explain
//
// The app is built with buildApp on the benchmark database (generate it with npm run bench:gen-opps)
// and listens on 127.0.0.1; the users sign in through /api/v1/auth/login. For every scenario one
// request is recorded (the statements the app sends), then autocannon drives the route, the raw
// loop replays the recorded statements with pg, and the best loop runs the hand-written query —
// each at the same concurrency. `floor` is GET /auth/me: what any request pays for HTTP, the
// session and JSON. Results go to stdout and bench/out/pipeline-reports-<database>.json.
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { addDays, businessDate } from '../server/src/platform/dates.js';
import { type Database, openPglite, openPostgres } from '../server/src/platform/db/database.js';
import { captureRecorded, f1, listenForBench, machineInfo, writeOut } from './lib/bench-app.js';
import { arg, describeTarget, intArg, target } from './lib/cli.js';
import { BENCH_PASSWORD, BENCH_USERS, type BenchRole, DEFAULT_PGLITE_DIR } from './lib/dataset.js';
import { type LoadResult, type Query, runHttp, runRaw } from './lib/load.js';
import { waitForQuiet } from './lib/quiet.js';

const SECONDS = intArg('seconds', 'BENCH_SECONDS', 10);
const WARMUP = intArg('warmup', 'BENCH_WARMUP', 2);
const CONNECTIONS = intArg('connections', 'BENCH_CONNECTIONS', 2);
const POOL_SIZE = 10;
const ROLES = (arg('roles') ?? 'rep,director').split(',') as BenchRole[];
const ONLY = arg('only')?.split(',');
const EXPLAIN = arg('explain') !== undefined;
const QUIET = intArg('quiet', 'BENCH_QUIET', 25);
const QUIET_WAIT = intArg('quiet-wait', 'BENCH_QUIET_WAIT', 120);
const TZ = 'Asia/Shanghai';

const where = target(DEFAULT_PGLITE_DIR);
const { recording, capture } = captureRecorded();
const database: Database =
  where.kind === 'postgres' ? await openPostgres(where.url, POOL_SIZE) : await openPglite({ dataDir: where.dataDir });
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
const boot = await bootstrap(database, config);
if (boot.applied.length > 0) {
  console.log(`applied migrations ${boot.applied.join(', ')}; vacuum + analyze`);
  await database.session(async (run) => {
    for (const table of ['opportunities', 'opportunity_stage_history', 'opportunity_stage_totals']) await run(`VACUUM (ANALYZE) ${table}`);
  });
}
const db = database.db;
const opportunities = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities`.execute(db)).rows[0].n;
if (opportunities === 0) throw new Error(`no opportunities in ${describeTarget(where)}: run npm run bench:gen-opps first`);
const serverVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0].v;
// Reports read opportunities:view; grant it to the benchmark's roles if the built-in roles do not carry it yet.
await sql`UPDATE roles SET permissions = permissions || '["opportunities:view"]'::jsonb
           WHERE key IN ('director', 'manager', 'rep') AND NOT permissions ? 'opportunities:view'`.execute(db);
const defaultPipeline = (
  await sql<{ id: string }>`SELECT id FROM pipelines WHERE active ORDER BY is_default DESC, sort_order, created_at LIMIT 1`.execute(db)
).rows[0].id;

const app = await buildApp({ database, config });
const { base, settle } = await listenForBench(app, recording);
const raw = where.kind === 'postgres' ? new pg.Pool({ connectionString: where.url, max: POOL_SIZE }) : null;
const exec = (q: Query) => (raw ? raw.query(q.text, q.values) : capture.pglite().query(q.text, q.values));

async function login(username: string): Promise<{ cookie: string; userId: string }> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { me: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, userId: body.me.id };
}

async function getJson(path: string, cookie: string, record = false): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${path}`, { headers: { cookie, ...(record ? { 'x-bench-record': '1' } : {}) } });
  const body = await res.json().catch(() => null);
  return { status: res.status, body };
}

// ---- the hand-written queries: the same figures, written directly for the one role ----
const today = businessDate(new Date(), TZ);
const monthStart = `${today.slice(0, 7)}-01`;
const twoMonthsOn = (() => {
  const [y, m] = today.slice(0, 7).split('-').map(Number);
  const i = y * 12 + m + 1; // first day of the month after next
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
})();

/**
 * The same figures, hand-written for the one caller: a rep's own rows (owner_id = $), a manager's
 * department subtree (owner_dept_id = ANY($)), the director's everything. No names, no paging, no
 * ranking, no settings lookup: what the database has to do at least.
 */
function best(name: string, role: BenchRole, userId: string, deptIds: string[]): Query[] | null {
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const scope = () =>
    role === 'rep' ? `AND owner_id = ${param(userId)}` : role === 'manager' ? `AND owner_dept_id = ANY(${param(deptIds)}::uuid[])` : '';
  if (name === 'forecast') {
    const from = param(monthStart);
    const to = param(twoMonthsOn);
    const fromTs = param(`${monthStart} 00:00:00+08`);
    const toTs = param(`${twoMonthsOn} 00:00:00+08`);
    const s1 = scope();
    const s2 = scope();
    const tree =
      role === 'rep'
        ? ''
        : `tree (ancestor, id) AS (
             SELECT id, id FROM departments WHERE deleted_at IS NULL ${role === 'manager' ? `AND id = ANY(${param(deptIds)}::uuid[])` : ''}
             UNION ALL SELECT t.ancestor, d.id FROM tree t JOIN departments d ON d.parent_id = t.id AND d.deleted_at IS NULL),`;
    const deptPart =
      role === 'rep'
        ? ''
        : `UNION ALL
           SELECT 'dept', t.ancestor, g.m, round(sum(fc) / 100, 2), sum(n), sum(c), sum(b), sum(p), sum(o), sum(won), sum(won_n)
             FROM g JOIN tree t ON t.id = g.owner_dept_id WHERE g.by_dept GROUP BY t.ancestor, g.m`;
    return [
      {
        text: `WITH RECURSIVE ${tree}
               f AS MATERIALIZED (
                 SELECT owner_id, owner_dept_id, date_trunc('month', expected_close_date)::date AS m,
                        sum(amount * probability) FILTER (WHERE probability >= 70) AS fc, count(*) FILTER (WHERE probability >= 70) AS n,
                        sum(amount) FILTER (WHERE forecast_category = 'commit') AS c, sum(amount) FILTER (WHERE forecast_category = 'best_case') AS b,
                        sum(amount) FILTER (WHERE forecast_category = 'pipeline') AS p, sum(amount) FILTER (WHERE forecast_category = 'omitted') AS o,
                        NULL::numeric AS won, 0 AS won_n
                   FROM opportunities WHERE deleted_at IS NULL AND status = 'open' AND expected_close_date >= ${from} AND expected_close_date < ${to} ${s1}
                  GROUP BY 1, 2, 3
                 UNION ALL
                 SELECT owner_id, owner_dept_id, date_trunc('month', closed_at AT TIME ZONE 'Asia/Shanghai')::date, NULL, 0, NULL, NULL, NULL, NULL,
                        sum(amount), count(*)
                   FROM opportunities WHERE deleted_at IS NULL AND status = 'won' AND closed_at >= ${fromTs} AND closed_at < ${toTs} ${s2}
                  GROUP BY 1, 2, 3),
               g AS MATERIALIZED (
                 SELECT owner_id, owner_dept_id, m, GROUPING(owner_id) = 0 AS by_rep, GROUPING(owner_dept_id) = 0 AS by_dept,
                        sum(fc) AS fc, sum(n) AS n, sum(c) AS c, sum(b) AS b, sum(p) AS p, sum(o) AS o, sum(won) AS won, sum(won_n) AS won_n
                   FROM f GROUP BY GROUPING SETS ((owner_id, m), (owner_dept_id, m), (m)))
               SELECT 'rep' AS kind, owner_id AS id, m, round(fc / 100, 2), n, c, b, p, o, won, won_n FROM g WHERE by_rep
               ${deptPart}
               UNION ALL
               SELECT 'total', NULL, m, round(fc / 100, 2), n, c, b, p, o, won, won_n FROM g WHERE NOT by_rep AND NOT by_dept`,
        values,
      },
    ];
  }
  if (name === 'totals' || name === 'totals-direct') {
    const from = name === 'totals' ? 'opportunity_stage_totals' : 'opportunities';
    const n = name === 'totals' ? 'sum(n)' : 'count(*)';
    const axp = name === 'totals' ? 'sum(amount_x_probability)' : 'sum(amount * probability)';
    const live = name === 'totals' ? '' : 'AND deleted_at IS NULL';
    return [
      {
        text: `SELECT stage_id, status, ${n}, sum(amount), round(${axp} / 100, 2) FROM ${from}
                WHERE true ${live} ${scope()} GROUP BY GROUPING SETS ((stage_id), (status))`,
        values,
      },
    ];
  }
  if (name === 'funnel' || name === 'funnel-direct') {
    const from = name === 'funnel' ? 'opportunity_stage_totals' : 'opportunities';
    const n = name === 'funnel' ? 'sum(n)' : 'count(*)';
    const live = name === 'funnel' ? '' : 'AND deleted_at IS NULL';
    return [
      {
        text: `SELECT owner_id, stage_id, ${n}, sum(amount) FROM ${from}
                WHERE status = 'open' AND pipeline_id = ${param(defaultPipeline)} ${live} ${scope()}
                GROUP BY GROUPING SETS ((owner_id, stage_id), (stage_id))`,
        values,
      },
    ];
  }
  return null;
}

interface Scenario {
  key: string;
  label: string;
  path: string;
  /** The hand-written queries to compare with: the best one, and (for counter-backed reports) the direct aggregate. */
  best?: string;
  direct?: string;
}
const ALL: Scenario[] = [
  { key: 'floor', label: 'GET /auth/me (floor)', path: '/api/v1/auth/me' },
  { key: 'forecast', label: 'forecast (this + next month)', path: '/api/v1/reports/forecast', best: 'forecast' },
  { key: 'totals', label: 'pipeline totals', path: '/api/v1/reports/pipeline-totals', best: 'totals', direct: 'totals-direct' },
  { key: 'funnel', label: 'funnel (default pipeline)', path: '/api/v1/reports/funnel', best: 'funnel', direct: 'funnel-direct' },
  { key: 'sources', label: 'sources (365 days)', path: '/api/v1/reports/sources' },
  { key: 'conversion', label: 'stage conversion (90 days)', path: '/api/v1/reports/stage-conversion' },
  { key: 'learned', label: 'learned probabilities (365 days)', path: '/api/v1/reports/learned-probabilities' },
  { key: 'board', label: 'board, first page per column', path: '/api/v1/opportunities/board' },
];
const SCENARIOS = ALL.filter((s) => !ONLY || ONLY.includes(s.key));

interface Row {
  role: BenchRole;
  scenario: string;
  label: string;
  queries: number;
  app: LoadResult;
  raw: LoadResult;
  best: LoadResult | null;
  direct: LoadResult | null;
  /** app p95 ÷ best p95 */
  ratio: number | null;
  busyBefore: number | null;
}
const rows: Row[] = [];
const explained: string[] = [];

async function explain(title: string, queries: Query[]) {
  const parts = [`## ${title}`];
  for (const q of queries) {
    const res = (await exec({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values })) as { rows: Record<string, string>[] };
    parts.push(`\n${q.text}\n-- ${JSON.stringify(q.values)}\n${res.rows.map((r) => Object.values(r)[0]).join('\n')}`);
  }
  explained.push(parts.join('\n'));
}

console.log(
  `pipeline reports benchmark: ${describeTarget(where)}, ${opportunities.toLocaleString()} opportunities; ` +
    `${SECONDS} s per run (+${WARMUP} s warm-up), ${CONNECTIONS} connections, pool ${POOL_SIZE}\n${serverVersion}\n`,
);
try {
  for (const role of ROLES) {
    const who = BENCH_USERS[role];
    const { cookie, userId } = await login(who.username);
    // A manager's scope: his department's subtree (the same rule as the app's data scope).
    const deptIds = (
      await sql<{ id: string }>`
        WITH RECURSIVE tree AS (
          SELECT d.id FROM departments d JOIN users u ON u.id = ${userId} WHERE d.deleted_at IS NULL AND (d.id = u.department_id OR d.manager_id = u.id)
          UNION SELECT c.id FROM departments c JOIN tree ON c.parent_id = tree.id WHERE c.deleted_at IS NULL
        ) SELECT id FROM tree`.execute(db)
    ).rows.map((r) => r.id);
    console.log(`${who.label}: ${who.username}`);
    for (const s of SCENARIOS) {
      await settle();
      const probe = await getJson(s.path, cookie);
      if (probe.status !== 200) {
        console.log(`  ${s.label.padEnd(34)} skipped: ${probe.status}`);
        continue;
      }
      const recorded = await capture.record(async () => {
        await getJson(s.path, cookie, true);
      });
      const bestQueries = s.best ? best(s.best, role, userId, deptIds) : null;
      const directQueries = s.direct ? best(s.direct, role, userId, deptIds) : null;
      if (EXPLAIN) {
        await explain(`${role} · ${s.label} · app`, recorded);
        if (bestQueries) await explain(`${role} · ${s.label} · best`, bestQueries);
      }
      const busyBefore = await waitForQuiet(QUIET, QUIET_WAIT);
      if (WARMUP > 0) {
        await runHttp({ base, paths: [s.path], headers: { cookie }, connections: CONNECTIONS, seconds: WARMUP });
        await settle();
        await runRaw(exec, [recorded], CONNECTIONS, WARMUP);
        if (bestQueries) await runRaw(exec, [bestQueries], CONNECTIONS, WARMUP);
      }
      const appResult = await runHttp({ base, paths: [s.path], headers: { cookie }, connections: CONNECTIONS, seconds: SECONDS });
      await settle();
      const rawResult = await runRaw(exec, [recorded], CONNECTIONS, SECONDS);
      const bestResult = bestQueries ? await runRaw(exec, [bestQueries], CONNECTIONS, SECONDS) : null;
      // The direct aggregate can take seconds: a shorter run says enough.
      const directResult = directQueries ? await runRaw(exec, [directQueries], CONNECTIONS, Math.min(SECONDS, 5)) : null;
      const row: Row = {
        role,
        scenario: s.key,
        label: s.label,
        queries: recorded.length,
        app: appResult,
        raw: rawResult,
        best: bestResult,
        direct: directResult,
        ratio: bestResult ? appResult.p95 / bestResult.p95 : null,
        busyBefore,
      };
      rows.push(row);
      if (appResult.failures > 0) console.warn(`  !! ${appResult.failures} failed HTTP requests`);
      console.log(
        `  ${s.label.padEnd(34)} app p50 ${f1(appResult.p50).padStart(6)} p95 ${f1(appResult.p95).padStart(6)} p99 ${f1(appResult.p99).padStart(6)} ms ` +
          `(${f1(appResult.rps)} req/s) | raw p95 ${f1(rawResult.p95)} | best p95 ${f1(bestResult?.p95)} | direct p95 ${f1(directResult?.p95)} | ` +
          `app/best ${row.ratio === null ? '-' : row.ratio.toFixed(2)}  (${row.queries} statements, background CPU ${busyBefore?.toFixed(0) ?? '?'}%)`,
      );
    }
  }
} finally {
  await app.close();
  await raw?.end();
  await database.close();
}

console.log(
  '\n| scope | report | statements | app p50 / p95 / p99 ms | app req/s | raw replay p95 ms | best SQL p50 / p95 ms | app ÷ best (p95) | direct aggregate p95 ms |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.role} | ${r.label} | ${r.queries} | ${f1(r.app.p50)} / ${f1(r.app.p95)} / ${f1(r.app.p99)} | ${f1(r.app.rps)} | ${f1(r.raw.p95)} | ` +
      `${r.best ? `${f1(r.best.p50)} / ${f1(r.best.p95)}` : '–'} | ${r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`} | ${r.direct ? f1(r.direct.p95) : '–'} |`,
  );
}
console.log();
writeOut(`pipeline-reports-${where.kind}.json`, {
  at: new Date().toISOString(),
  target: describeTarget(where),
  server: serverVersion,
  opportunities,
  period: { today, forecastFrom: monthStart, forecastToExclusive: twoMonthsOn, conversionFrom: addDays(today, -89) },
  machine: machineInfo(),
  settings: { seconds: SECONDS, warmup: WARMUP, connections: CONNECTIONS, pool: POOL_SIZE, quiet: QUIET, quietWait: QUIET_WAIT },
  rows,
});
if (EXPLAIN) writeOut(`explain-reports-${where.kind}.txt`, explained.join('\n\n'));
