// Issue 11 through the real app on PostgreSQL: 待我审批 and the contract list for a department manager
// and a regional manager, 我发起的 for a rep, the approve action, and 20 concurrent number allocations.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_docs npm run bench:docs -- --explain
//   options: --seconds 10 --warmup 2 --connections 2 --only todo,contracts,status,submitted,approve,numbers
//            --approvals 300 (per kind) --approve-connections 2 --number-rounds 3 --quiet 25 --quiet-wait 120
//
// The app is built with buildApp on the benchmark database (npm run bench:gen-docs) and listens on
// 127.0.0.1; users sign in through /api/v1/auth/login. Reads: one request per scenario is recorded
// (its statements, for --explain and the raw replay), then autocannon drives the route from a
// worker thread, and the recorded statements are replayed raw with pg at the same concurrency.
// Approvals: pending quotes and contracts are first created and submitted through the API by the
// manager's reps; each POST /approvals/:id/approve consumes one. Output: stdout,
// bench/out/documents-postgres.json, bench/out/explain-documents.txt.
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { openPostgres } from '../server/src/platform/db/database.js';
import { captureRecorded, f1, listenForBench, machineInfo, writeOut } from './lib/bench-app.js';
import { arg, describeTarget, intArg, target } from './lib/cli.js';
import { DEFAULT_PGLITE_DIR } from './lib/dataset.js';
import {
  call,
  explainAll,
  login,
  type NumberCheck,
  numbersByApi,
  numbersByEngine,
  preparePending,
  type Session,
} from './lib/documents-bench.js';
import { type LoadResult, type Query, runHttp, runRaw } from './lib/load.js';
import { runPosts } from './lib/post-load.js';
import { waitForQuiet } from './lib/quiet.js';

const SECONDS = intArg('seconds', 'BENCH_SECONDS', 10);
const WARMUP = intArg('warmup', 'BENCH_WARMUP', 2);
const CONNECTIONS = intArg('connections', 'BENCH_CONNECTIONS', 2);
const APPROVALS = intArg('approvals', 'BENCH_APPROVALS', 300);
const APPROVE_CONNECTIONS = intArg('approve-connections', 'BENCH_APPROVE_CONNECTIONS', 2);
const NUMBER_ROUNDS = intArg('number-rounds', 'BENCH_NUMBER_ROUNDS', 3);
const ONLY = (arg('only') ?? 'todo,contracts,status,submitted,approve,numbers').split(',');
const EXPLAIN = arg('explain') !== undefined;
const QUIET = intArg('quiet', 'BENCH_QUIET', 25);
const QUIET_WAIT = intArg('quiet-wait', 'BENCH_QUIET_WAIT', 120);
const POOL_SIZE = 10; // openPostgres's default, as npm start runs it

const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:docs runs on PostgreSQL only: set DATABASE_URL (e.g. …/crm_bench_docs)');
const { recording, capture } = captureRecorded();
const database = await openPostgres(where.url, POOL_SIZE);
const db = database.db;
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
const boot = await bootstrap(database, config);
if (boot.applied.length > 0) {
  // A new index is built on a table the load left all-visible; analyze so the planner knows it.
  console.log(`applied migrations ${boot.applied.join(', ')}; vacuum + analyze`);
  await database.session(async (run) => {
    for (const t of ['quotes', 'contracts', 'approval_requests', 'approval_tasks', 'approval_actions']) await run(`VACUUM (ANALYZE) ${t}`);
  });
}
const sizes = (
  await sql<{ quotes: string; contracts: string; actions: string; requests: string }>`
    SELECT (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM contracts) AS contracts,
           (SELECT count(*) FROM approval_requests) AS requests, (SELECT count(*) FROM approval_actions) AS actions`.execute(db)
).rows[0];
if (Number(sizes.contracts) === 0) throw new Error(`no contracts in ${describeTarget(where)}: run npm run bench:gen-docs first`);
const serverVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0].v;

const app = await buildApp({ database, config });
const { base, settle } = await listenForBench(app, recording);
const raw = new pg.Pool({ connectionString: where.url, max: POOL_SIZE });
const exec = (q: Query) => raw.query(q.text, q.values);

interface Row {
  scenario: string;
  who: string;
  label: string;
  target: number | null;
  total: number | null;
  queries: number | null;
  app: LoadResult;
  raw: LoadResult | null;
  busyBefore: number | null;
  note?: string;
}
const rows: Row[] = [];
const explained: string[] = [];
const print = (r: Row) =>
  console.log(
    `  ${`${r.who} · ${r.label}`.padEnd(48)} ${f1(r.app.rps).padStart(6)} req/s  p50 ${f1(r.app.p50).padStart(6)}  p95 ${f1(r.app.p95).padStart(6)}  ` +
      `p99 ${f1(r.app.p99).padStart(6)} ms${r.target ? ` (target < ${r.target}: ${r.app.p99 < r.target ? 'met' : 'MISSED'})` : ''}` +
      `${r.raw ? ` | raw p99 ${f1(r.raw.p99)} ms` : ''}${r.total !== null ? ` | total ${r.total}` : ''}${r.queries ? ` | ${r.queries} statements` : ''}` +
      ` | bg CPU ${r.busyBefore?.toFixed(0) ?? '?'}%${r.app.failures ? ` | ${r.app.failures} FAILED` : ''}`,
  );

const READS: { key: string; who: string; label: string; path: string; target: number | null }[] = [
  { key: 'todo', who: 'mgr01', label: '待我审批 (todo) page 1', path: '/api/v1/approvals?box=todo', target: 50 },
  { key: 'todo', who: 'mgr.east', label: '待我审批 (todo) page 1', path: '/api/v1/approvals?box=todo', target: 50 },
  { key: 'todo', who: 'pm01', label: '待我审批 (todo, role step) page 1', path: '/api/v1/approvals?box=todo', target: null },
  { key: 'contracts', who: 'mgr01', label: 'contracts page 1', path: '/api/v1/contracts?page=1&pageSize=20', target: 50 },
  { key: 'contracts', who: 'mgr.east', label: 'contracts page 1', path: '/api/v1/contracts?page=1&pageSize=20', target: 50 },
  { key: 'status', who: 'mgr01', label: 'contracts status=effective', path: '/api/v1/contracts?status=effective', target: 50 },
  { key: 'status', who: 'mgr.east', label: 'contracts status=effective', path: '/api/v1/contracts?status=effective', target: 50 },
  { key: 'status', who: 'mgr01', label: 'contracts status=in_approval', path: '/api/v1/contracts?status=in_approval', target: 50 },
  { key: 'status', who: 'mgr.east', label: 'contracts status=in_approval', path: '/api/v1/contracts?status=in_approval', target: 50 },
  { key: 'submitted', who: 'rep001', label: '我发起的 (submitted) page 1', path: '/api/v1/approvals?box=submitted', target: 50 },
];
const sessions = new Map<string, Session>();
const session = async (username: string) => {
  if (!sessions.has(username)) sessions.set(username, await login(base, username));
  return sessions.get(username) as Session;
};
let numberChecks: NumberCheck[] = [];

console.log(
  `document benchmark: ${describeTarget(where)}; ${Number(sizes.quotes).toLocaleString()} quotes, ${Number(sizes.contracts).toLocaleString()} contracts, ` +
    `${Number(sizes.requests).toLocaleString()} approval requests, ${Number(sizes.actions).toLocaleString()} actions; reads ${SECONDS} s ` +
    `(+${WARMUP} s warm-up) at ${CONNECTIONS} connections, pool ${POOL_SIZE}; waits up to ${QUIET_WAIT} s for background CPU < ${QUIET}%\n${serverVersion}\n`,
);
try {
  for (const s of READS.filter((r) => ONLY.includes(r.key))) {
    const who = await session(s.who);
    await settle();
    await call(base, who, 'GET', s.path); // takes the once-a-minute session touch, if due, outside the recording
    let total: number | null = null;
    const recorded = await capture.record(async () => {
      total = Number((await call(base, who, 'GET', s.path, undefined, { 'x-bench-record': '1' })).total);
    });
    if (EXPLAIN) explained.push(await explainAll(raw, `${s.who} · ${s.label}`, recorded));
    const busyBefore = await waitForQuiet(QUIET, QUIET_WAIT);
    const headers = { cookie: who.headers.cookie };
    if (WARMUP > 0) await runHttp({ base, paths: [s.path], headers, connections: CONNECTIONS, seconds: WARMUP });
    const appResult = await runHttp({ base, paths: [s.path], headers, connections: CONNECTIONS, seconds: SECONDS });
    await settle();
    const rawResult = await runRaw(exec, [recorded], CONNECTIONS, Math.max(2, Math.round(SECONDS / 2)));
    const row: Row = {
      scenario: s.key,
      who: s.who,
      label: s.label,
      target: s.target,
      total,
      queries: recorded.length,
      app: appResult,
      raw: rawResult,
      busyBefore,
    };
    rows.push(row);
    print(row);
  }

  if (ONLY.includes('approve')) {
    const manager = await session('mgr01');
    const dept = await db.selectFrom('users').select('department_id').where('id', '=', manager.userId).executeTakeFirstOrThrow();
    const repNames = await db
      .selectFrom('users')
      .select('username')
      .where('department_id', '=', dept.department_id)
      .where('username', 'like', 'rep%')
      .orderBy('username')
      .execute();
    const reps = await Promise.all(repNames.map((r) => session(r.username)));
    for (const kind of ['quote', 'contract'] as const) {
      const t = performance.now();
      const ids = await preparePending(base, database, kind, APPROVALS, manager, reps);
      console.log(
        `  prepared ${ids.length} pending ${kind}s for mgr01 through the API (${reps.length} reps): ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      await settle();
      // One approval recorded (its statements for --explain), a tenth as warm-up, the rest measured.
      const first = ids.shift() as string;
      const recorded = await capture.record(async () => {
        await call(base, manager, 'POST', `/api/v1/approvals/${first}/approve`, {}, { 'x-bench-record': '1' });
      });
      if (EXPLAIN) explained.push(await explainAll(raw, `mgr01 · approve a ${kind} (replayed in a rolled-back transaction)`, recorded));
      const warm = ids.splice(0, Math.floor(ids.length / 10));
      const approve = (id: string) => ({ path: `/api/v1/approvals/${id}/approve`, body: {} });
      await runPosts({ base, requests: warm.map(approve), headers: manager.headers, connections: APPROVE_CONNECTIONS });
      const busyBefore = await waitForQuiet(QUIET, QUIET_WAIT);
      const res = await runPosts({ base, requests: ids.map(approve), headers: manager.headers, connections: APPROVE_CONNECTIONS });
      if (res.firstError) console.warn(`  !! ${res.failures} failed: ${res.firstError}`);
      const next = kind === 'quote' ? 'finishes the request; the quote is approved' : 'opens step 2 (project managers)';
      const row: Row = {
        scenario: 'approve',
        who: 'mgr01',
        label: `approve ${kind} (${next})`,
        target: 30,
        total: res.requests,
        queries: recorded.filter((q) => !/^\s*(begin|commit)\b/i.test(q.text)).length,
        app: res,
        raw: null,
        busyBefore,
        note: `${APPROVE_CONNECTIONS} concurrent approvers' requests`,
      };
      rows.push(row);
      print(row);
    }
  }

  if (ONLY.includes('numbers')) {
    const rep = await session('rep001');
    numberChecks = [...(await numbersByEngine(where.url, NUMBER_ROUNDS, 5)), ...(await numbersByApi(base, database, rep, NUMBER_ROUNDS))];
    for (const c of numberChecks) {
      const sorted = [...c.numbers].sort();
      console.log(
        `  numbers: ${c.how}, round ${c.round}: ${sorted[0]} … ${sorted[sorted.length - 1]}, ${new Set(c.numbers).size} distinct, ` +
          `${c.ok ? 'consecutive, no duplicate, no gap' : `WRONG (expected ${c.expected[0]} … ${c.expected[19]})`}; all 20 in ${f1(c.ms)} ms, slowest ${f1(c.slowestMs)} ms`,
      );
    }
  }
} finally {
  await app.close();
  await raw.end();
  await database.close();
}

console.log('\n| who | scenario | total | req/s | p50 ms | p95 ms | p99 ms | target p99 | raw SQL p99 ms | statements |');
console.log('|---|---|---:|---:|---:|---:|---:|---|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.who} | ${r.label} | ${r.total?.toLocaleString() ?? ''} | ${f1(r.app.rps)} | ${f1(r.app.p50)} | ${f1(r.app.p95)} | **${f1(r.app.p99)}** | ` +
      `${r.target ? `< ${r.target} ${r.app.p99 < r.target ? '✔' : '✘'}` : ''} | ${r.raw ? f1(r.raw.p99) : ''} | ${r.queries ?? ''} |`,
  );

const settings = {
  seconds: SECONDS,
  warmup: WARMUP,
  connections: CONNECTIONS,
  approvals: APPROVALS,
  approveConnections: APPROVE_CONNECTIONS,
};
console.log();
writeOut('documents-postgres.json', {
  at: new Date().toISOString(),
  target: describeTarget(where),
  server: serverVersion,
  sizes,
  machine: machineInfo(),
  settings: { ...settings, quiet: QUIET, quietWait: QUIET_WAIT },
  rows: rows.map((r) => ({ ...r, app: { ...r.app, picked: undefined } })),
  numbers: numberChecks,
});
if (EXPLAIN) writeOut('explain-documents.txt', explained.join('\n\n'));
