// Customer list / search / detail throughput through the real app, against the same SQL sent raw.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench npm run bench:customers
//   DATA_DIR=/tmp/bench-crm-pglite npm run bench:customers
//   options: --seconds 10  --connections 10  --warmup 2  --roles rep,manager,director  --only page1,deep,filter,search,search-broad,get
//
// The app is built with buildApp on the benchmark database and listens on 127.0.0.1 (random port);
// three users (rep / region manager / director) sign in through /api/v1/auth/login. For every
// scenario one request is sent with the driver wrapped, recording the statements and parameters the
// app issues (session, actor, count, page, owner/department/contact lookups); autocannon then drives
// the HTTP route while the raw baseline replays the recorded statements with `pg` (or PGlite) at the
// same concurrency. Results go to stdout and bench/out/customers-<database>.json.
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { type Database, openPglite, openPostgres } from '../server/src/platform/db/database.js';
import { captureRecorded, f1, listenForBench, machineInfo, writeOut } from './lib/bench-app.js';
import { arg, describeTarget, intArg, target } from './lib/cli.js';
import { BENCH_PASSWORD, BENCH_USERS, type BenchRole, DEFAULT_PGLITE_DIR } from './lib/dataset.js';
import { type LoadResult, type Query, runHttp, runRaw } from './lib/load.js';
import { waitForQuiet } from './lib/quiet.js';

const SECONDS = intArg('seconds', 'BENCH_SECONDS', 10);
const WARMUP = intArg('warmup', 'BENCH_WARMUP', 2);
const CONNECTIONS = intArg('connections', 'BENCH_CONNECTIONS', 10);
const POOL_SIZE = 10; // openPostgres's default, used by `npm start`
const ROLES = (arg('roles') ?? 'rep,manager,director').split(',') as BenchRole[];
const ONLY = arg('only')?.split(',');
const EXPLAIN = arg('explain') !== undefined;
// Shared machine: wait (up to QUIET_WAIT s) until other work keeps the CPUs under QUIET % busy.
const QUIET = intArg('quiet', 'BENCH_QUIET', 25);
const QUIET_WAIT = intArg('quiet-wait', 'BENCH_QUIET_WAIT', 120);

interface Scenario {
  key: string;
  label: (role: BenchRole, inScope: number) => string;
  /** One path, or several that the load cycles through (the detail scenario). */
  paths: (role: BenchRole, ids: string[], inScope: number) => string[];
}

const list = (params: string) => `/api/v1/customers?${params}`;
// Page 50 of a rep's list, page 500 of wider ones; never past the last page (smaller data sets).
const deepPage = (role: BenchRole, inScope: number) => Math.min(role === 'rep' ? 50 : 500, Math.max(1, Math.ceil(inScope / 20)));
const SEARCH = '华创';
const SEARCH_BROAD = '精密机械';
const ALL_SCENARIOS: Scenario[] = [
  { key: 'page1', label: () => 'list page 1', paths: () => [list('page=1&pageSize=20')] },
  { key: 'deep', label: (r, n) => `list page ${deepPage(r, n)}`, paths: (r, _ids, n) => [list(`page=${deepPage(r, n)}&pageSize=20`)] },
  { key: 'filter', label: () => 'filter industry+grade', paths: () => [list('industry=manufacturing&grade=A')] },
  { key: 'search', label: () => `search q=${SEARCH}`, paths: () => [list(`q=${encodeURIComponent(SEARCH)}`)] },
  { key: 'search-broad', label: () => `search q=${SEARCH_BROAD}`, paths: () => [list(`q=${encodeURIComponent(SEARCH_BROAD)}`)] },
  { key: 'get', label: () => 'GET /customers/:id', paths: (_r, ids) => ids.map((id) => `/api/v1/customers/${id}`) },
];
const SCENARIOS = ALL_SCENARIOS.filter((s) => !ONLY || ONLY.includes(s.key));

const where = target(DEFAULT_PGLITE_DIR);
// The recorded request carries a header; its handling runs inside this async context.
const { recording, capture } = captureRecorded();
const database: Database =
  where.kind === 'postgres' ? await openPostgres(where.url, POOL_SIZE) : await openPglite({ dataDir: where.dataDir });
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
// What npm start does first. Migrations added since the data was generated may rewrite the table
// (a new stored column): vacuum then, as autovacuum would in time, so index-only scans stay index-only.
const boot = await bootstrap(database, config);
if (boot.applied.length > 0) {
  console.log(`applied migrations ${boot.applied.join(', ')}; vacuum + analyze`);
  await database.session(async (run) => {
    for (const table of ['customers', 'contacts']) await run(`VACUUM (ANALYZE) ${table}`);
  });
}
const customers = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM customers WHERE deleted_at IS NULL`.execute(database.db)).rows[0]
  .n;
if (customers === 0) throw new Error(`no customers in ${describeTarget(where)}: run npm run bench:gen first`);
const serverVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(database.db)).rows[0].v;

const app = await buildApp({ database, config });
const { base, settle } = await listenForBench(app, recording);

const raw = where.kind === 'postgres' ? new pg.Pool({ connectionString: where.url, max: POOL_SIZE }) : null;
const exec = (q: Query) => (raw ? raw.query(q.text, q.values) : capture.pglite().query(q.text, q.values));

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function getJson(path: string, cookie: string, record = false) {
  const res = await fetch(`${base}${path}`, { headers: { cookie, ...(record ? { 'x-bench-record': '1' } : {}) } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ total?: number; items?: { id: string }[] }>;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement of one recorded request. */
async function explain(title: string, queries: Query[]): Promise<string> {
  const parts = [`## ${title}`];
  for (const q of queries) {
    const res = (await exec({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values })) as { rows: Record<string, string>[] };
    parts.push(`\n${q.text}\n-- ${JSON.stringify(q.values)}\n${res.rows.map((r) => Object.values(r)[0]).join('\n')}`);
  }
  return parts.join('\n');
}
const explained: string[] = [];

interface Row {
  role: BenchRole;
  scenario: string;
  label: string;
  total: number | null;
  queries: number;
  app: LoadResult;
  raw: LoadResult & { perQueryMs: number[] };
  ratio: number;
  /** CPU busy % (all cores) from other work just before the scenario, with this benchmark idle. */
  busyBefore: number | null;
}
const rows: Row[] = [];

console.log(
  `customers list benchmark: ${describeTarget(where)}, ${customers.toLocaleString()} live customers; ` +
    `${SECONDS} s per run (+${WARMUP} s warm-up), ${CONNECTIONS} connections, pool ${POOL_SIZE}; ` +
    `each scenario waits up to ${QUIET_WAIT} s for background CPU < ${QUIET}%\n${serverVersion}\n`,
);
try {
  for (const role of ROLES) {
    const who = BENCH_USERS[role];
    const cookie = await login(who.username);
    const sample = await getJson(list('pageSize=50&sort=createdAt'), cookie);
    const ids = (sample.items ?? []).map((c) => c.id);
    console.log(`${who.label}: ${who.username}, ${sample.total?.toLocaleString()} customers in scope`);
    for (const s of SCENARIOS) {
      const inScope = sample.total ?? 0;
      const paths = s.paths(role, ids, inScope);
      // One request per distinct path with the driver wrapped: exactly what the raw loop replays.
      await settle();
      // An unrecorded request first: it takes the once-a-minute session touch (an UPDATE) if one is
      // due, so the recording holds only what every request sends.
      await getJson(paths[0], cookie);
      const recorded: Query[][] = [];
      let total: number | null = null;
      for (const path of paths) {
        recorded.push(
          await capture.record(async () => {
            const body = await getJson(path, cookie, true);
            total = body.total ?? null;
          }),
        );
      }
      if (EXPLAIN) explained.push(await explain(`${role} · ${s.label(role, inScope)}`, recorded[0]));
      const headers = { cookie };
      const busyBefore = await waitForQuiet(QUIET, QUIET_WAIT);
      if (WARMUP > 0) {
        await runHttp({ base, paths, headers, connections: CONNECTIONS, seconds: WARMUP });
        await settle();
        await runRaw(exec, recorded, CONNECTIONS, WARMUP);
      }
      const appResult = await runHttp({ base, paths, headers, connections: CONNECTIONS, seconds: SECONDS });
      await settle();
      const rawResult = await runRaw(exec, recorded, CONNECTIONS, SECONDS);
      if (appResult.failures > 0) console.warn(`  !! ${appResult.failures} failed HTTP requests`);
      if (rawResult.failures > 0) console.warn(`  !! ${rawResult.failures} failed raw requests`);
      const row: Row = {
        role,
        scenario: s.key,
        label: s.label(role, inScope),
        total,
        queries: recorded[0].length,
        app: appResult,
        raw: rawResult,
        ratio: appResult.rps / rawResult.rps,
        busyBefore,
      };
      rows.push(row);
      console.log(
        `  ${row.label.padEnd(24)} app ${f1(appResult.rps).padStart(7)} req/s p50 ${f1(appResult.p50).padStart(6)} ms p99 ${f1(appResult.p99).padStart(6)} ms | ` +
          `raw ${f1(rawResult.rps).padStart(7)} req/s p50 ${f1(rawResult.p50).padStart(6)} ms p99 ${f1(rawResult.p99).padStart(6)} ms | ` +
          `app/raw ${(row.ratio * 100).toFixed(0).padStart(3)}%  (${row.queries} queries${total !== null ? `, total ${total}` : ''}, background CPU ${busyBefore?.toFixed(0) ?? '?'}%)`,
      );
      console.log(`    raw ms per query: ${rawResult.perQueryMs.map((m) => m.toFixed(2)).join(' · ')}`);
    }
  }
} finally {
  await app.close();
  await raw?.end();
  await database.close();
}

const dbLabel = where.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
console.log(
  `\n| database | scope | scenario | total | app req/s | app p50 ms | app p99 ms | raw req/s | raw p50 ms | raw p99 ms | app/raw |`,
);
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${dbLabel} | ${r.role} | ${r.label} | ${r.total?.toLocaleString() ?? ''} | ${f1(r.app.rps)} | ${f1(r.app.p50)} | ${f1(r.app.p99)} | ` +
      `${f1(r.raw.rps)} | ${f1(r.raw.p50)} | ${f1(r.raw.p99)} | ${(r.ratio * 100).toFixed(0)}% |`,
  );
}

console.log();
writeOut(`customers-${where.kind}.json`, {
  at: new Date().toISOString(),
  target: describeTarget(where),
  server: serverVersion,
  customers,
  machine: machineInfo(),
  settings: { seconds: SECONDS, warmup: WARMUP, connections: CONNECTIONS, pool: POOL_SIZE, quiet: QUIET, quietWait: QUIET_WAIT },
  rows,
});
if (EXPLAIN) writeOut(`explain-${where.kind}.txt`, explained.join('\n\n'));
