// T7 data timeliness (issue 13) through the real app on PostgreSQL: the per-rep report and the rows to
// fix, for the director (all data), a region manager and a rep (own data). Starting the app applies
// migration 0056 (the kept missing-field counts) to the benchmark database.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench npm run bench:timeliness -- --explain
//   options: --seconds 8 --warmup 2 --connections 2 --only report,fixes --quiet 25 --quiet-wait 120
//
// Output: stdout, bench/out/timeliness-postgres.json, bench/out/explain-timeliness.txt.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { openPostgres } from '../server/src/platform/db/database.js';
import { installCapture } from './lib/capture.js';
import { arg, describeTarget, intArg, target } from './lib/cli.js';
import { DEFAULT_PGLITE_DIR } from './lib/dataset.js';
import { call, explainAll, login, type Session } from './lib/documents-bench.js';
import { type LoadResult, runHttp } from './lib/load.js';
import { waitForQuiet } from './lib/quiet.js';

const SECONDS = intArg('seconds', 'BENCH_SECONDS', 8);
const WARMUP = intArg('warmup', 'BENCH_WARMUP', 2);
const CONNECTIONS = intArg('connections', 'BENCH_CONNECTIONS', 2);
const ONLY = (arg('only') ?? 'report,fixes').split(',');
const EXPLAIN = arg('explain') !== undefined;
const QUIET = intArg('quiet', 'BENCH_QUIET', 25);
const QUIET_WAIT = intArg('quiet-wait', 'BENCH_QUIET_WAIT', 120);
const POOL_SIZE = 10;

const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:timeliness runs on PostgreSQL only: set DATABASE_URL (e.g. …/crm_bench)');
const recording = new AsyncLocalStorage<boolean>();
const capture = installCapture(() => recording.getStore() === true);
const database = await openPostgres(where.url, POOL_SIZE);
const db = database.db;
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
await bootstrap(database, config);
const sizes = (
  await sql<Record<string, string>>`
    SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM opportunities) AS opportunities,
           (SELECT count(*) FROM opportunities WHERE deleted_at IS NULL AND status = 'open') AS open_opportunities,
           (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM follow_ups) AS follow_ups,
           (SELECT count(*) FROM customers WHERE is_key AND follow_up_cycle_days IS NOT NULL AND deleted_at IS NULL) AS key_customers`.execute(
    db,
  )
).rows[0];
if (Number(sizes.customers) === 0) throw new Error(`no customers in ${describeTarget(where)}: run npm run bench:gen first`);
const serverVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0].v;

const app = await buildApp({ database, config });
app.server.prependListener('request', (req: { headers: Record<string, unknown> }) => {
  recording.enterWith(req.headers['x-bench-record'] === '1');
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no address');
const base = `http://127.0.0.1:${address.port}`;
const raw = new pg.Pool({ connectionString: where.url, max: 2 });

interface Row {
  scenario: string;
  who: string;
  label: string;
  target: number | null;
  /** p95 or p99, as the issue states the target. */
  targetOn: 'p95' | 'p99';
  total: number | null;
  queries: number;
  app: LoadResult;
  busyBefore: number | null;
}
const rows: Row[] = [];
const explained: string[] = [];
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-');

const report = '/api/v1/reports/data-timeliness';
const fixes = `${report}/fixes`;
type Scenario = { key: string; who: string; label: string; path: string; target: number | null; targetOn?: 'p95' | 'p99' };
// The issue's targets: the director's whole dashboard < 500 ms p95, a rep's < 100 ms; the page asks for both at once.
const each = (who: string, target: number | null): Scenario[] => [
  { key: 'report', who, label: 'score per rep', path: report, target },
  { key: 'fixes', who, label: 'rows to fix, page 1', path: fixes, target },
  { key: 'fixes', who, label: 'missing fields, page 1', path: `${fixes}?check=incomplete`, target },
  { key: 'fixes', who, label: 'stale deals, page 1', path: `${fixes}?check=stale`, target },
];
const SCENARIOS: Scenario[] = [...each('director', 500), ...each('mgr.east', null), ...each('rep001', 100)];

const sessions = new Map<string, Session>();
const session = async (username: string) => {
  if (!sessions.has(username)) sessions.set(username, await login(base, username));
  return sessions.get(username) as Session;
};

console.log(
  `timeliness benchmark: ${describeTarget(where)}; ${JSON.stringify(sizes)}; ${SECONDS} s (+${WARMUP} s warm-up) at ${CONNECTIONS} connections, ` +
    `pool ${POOL_SIZE}; waits up to ${QUIET_WAIT} s for background CPU < ${QUIET}%\n${serverVersion}\n`,
);
try {
  for (const s of SCENARIOS.filter((x) => ONLY.includes(x.key))) {
    const who = await session(s.who);
    await call(base, who, 'GET', s.path); // the once-a-minute session touch, outside the recording
    let total: number | null = null;
    const recorded = await capture.record(async () => {
      const body = await call(base, who, 'GET', s.path, undefined, { 'x-bench-record': '1' });
      total = Number(body.total ?? body.count ?? (body.rows as unknown[] | undefined)?.length ?? Number.NaN);
    });
    if (EXPLAIN) explained.push(await explainAll(raw, `${s.who} · ${s.label}`, recorded));
    const busyBefore = await waitForQuiet(QUIET, QUIET_WAIT);
    const headers = { cookie: who.headers.cookie };
    if (WARMUP > 0) await runHttp({ base, paths: [s.path], headers, connections: CONNECTIONS, seconds: WARMUP });
    const result = await runHttp({ base, paths: [s.path], headers, connections: CONNECTIONS, seconds: SECONDS });
    const row: Row = {
      scenario: s.key,
      who: s.who,
      label: s.label,
      target: s.target,
      targetOn: s.targetOn ?? 'p95',
      total,
      queries: recorded.length,
      app: result,
      busyBefore,
    };
    rows.push(row);
    const measured = row.app[row.targetOn];
    console.log(
      `  ${`${s.who} · ${s.label}`.padEnd(60)} ${f1(result.rps).padStart(6)} req/s  p50 ${f1(result.p50).padStart(6)}  p95 ${f1(result.p95).padStart(6)}  ` +
        `p99 ${f1(result.p99).padStart(6)} ms${s.target ? ` (${row.targetOn} < ${s.target}: ${measured < s.target ? 'met' : 'MISSED'})` : ''}` +
        ` | total ${total} | ${recorded.length} statements | bg CPU ${busyBefore?.toFixed(0) ?? '?'}%${result.failures ? ` | ${result.failures} FAILED` : ''}`,
    );
  }
} finally {
  await app.close();
  await raw.end();
  await database.close();
}

console.log('\n| who | scenario | total | req/s | p50 ms | p95 ms | p99 ms | target |');
console.log('|---|---|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  const measured = r.app[r.targetOn];
  console.log(
    `| ${r.who} | ${r.label} | ${r.total?.toLocaleString() ?? ''} | ${f1(r.app.rps)} | ${f1(r.app.p50)} | ${f1(r.app.p95)} | ${f1(r.app.p99)} | ` +
      `${r.target ? `${r.targetOn} < ${r.target} ${measured < r.target ? '✔' : '✘'}` : ''} |`,
  );
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'timeliness-postgres.json');
writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      target: describeTarget(where),
      server: serverVersion,
      sizes,
      machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      settings: { seconds: SECONDS, warmup: WARMUP, connections: CONNECTIONS, quiet: QUIET, quietWait: QUIET_WAIT },
      rows,
    },
    null,
    2,
  ),
);
console.log(`\nwritten ${out}`);
if (EXPLAIN) {
  const file = join(outDir, 'explain-timeliness.txt');
  writeFileSync(file, explained.join('\n\n'));
  console.log(`written ${file}`);
}
