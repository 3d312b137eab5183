// Issue 13 (T4): the home dashboard through the real app on PostgreSQL — GET /api/v1/dashboard, the
// one request the page makes, for the director (everything), a regional and a city manager, and reps.
// Targets: the director's whole dashboard p95 < 500 ms, a rep's p95 < 100 ms.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench npm run bench:dashboard
//   options: --seconds 10 --warmup 2 --connections 2 --who director,mgr.east,mgr01,rep001,rep250 --samples 15
//            --explain --quiet 25 --quiet-wait 120
//
// Data: npm run bench:gen, then npm run bench:gen-opps (1,000,000 customers, 2,000,000 opportunities;
// see bench/README.md). The app is built with buildApp on that database and listens on 127.0.0.1;
// users sign in through /api/v1/auth/login; autocannon drives the route from a worker thread
// (lib/load.ts). Then each card the caller sees is timed alone, in process, through the same card
// registry the route uses (--samples runs each, median and max), to show where the time goes.
// Output: stdout, bench/out/dashboard-postgres.json, bench/out/explain-dashboard.txt (--explain).
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { loadActor } from '../server/src/platform/access/actor.js';
import { openPostgres } from '../server/src/platform/db/database.js';
import { dashboardCardsFor } from '../server/src/platform/reports/dashboard-cards.js';
import { captureRecorded, f1, listenForBench, machineInfo, writeOut } from './lib/bench-app.js';
import { arg, describeTarget, intArg, target } from './lib/cli.js';
import { DEFAULT_PGLITE_DIR } from './lib/dataset.js';
import { call, explainAll, login, type Session } from './lib/documents-bench.js';
import { type LoadResult, runHttp } from './lib/load.js';
import { waitForQuiet } from './lib/quiet.js';

const SECONDS = intArg('seconds', 'BENCH_SECONDS', 10);
const WARMUP = intArg('warmup', 'BENCH_WARMUP', 2);
const CONNECTIONS = intArg('connections', 'BENCH_CONNECTIONS', 2);
const SAMPLES = intArg('samples', 'BENCH_SAMPLES', 15);
const WHO = (arg('who') ?? 'director,mgr.east,mgr01,rep001,rep250').split(',');
const EXPLAIN = arg('explain') !== undefined;
const QUIET = intArg('quiet', 'BENCH_QUIET', 25);
const QUIET_WAIT = intArg('quiet-wait', 'BENCH_QUIET_WAIT', 120);
const POOL_SIZE = 10;
const TARGET: Record<'rep' | 'manager', number | null> = { rep: 100, manager: null };
const DIRECTOR_TARGET = 500;

const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:dashboard runs on PostgreSQL: set DATABASE_URL (e.g. …/crm_bench)');
const { recording, capture } = captureRecorded();
const database = await openPostgres(where.url, POOL_SIZE);
const db = database.db;
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
await bootstrap(database, config);
const sizes = (
  await sql<Record<string, string>>`
    SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM opportunities) AS opportunities,
           (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM visit_plans) AS visit_plans,
           (SELECT count(*) FROM contracts) AS contracts, (SELECT count(*) FROM expenses) AS expenses,
           (SELECT count(*) FROM approval_requests) AS approval_requests`.execute(db)
).rows[0];
if (Number(sizes.opportunities) === 0) throw new Error(`no opportunities in ${describeTarget(where)}: run npm run bench:gen-opps first`);
const serverVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0].v;

const app = await buildApp({ database, config });
const { base } = await listenForBench(app, recording);
const raw = new pg.Pool({ connectionString: where.url, max: 2 });

interface CardTiming {
  key: string;
  median: number;
  max: number;
}
interface Row {
  who: string;
  audience: string;
  cards: string[];
  bytes: number;
  queries: number;
  target: number | null;
  app: LoadResult;
  busyBefore: number | null;
  perCard: CardTiming[];
}
const rows: Row[] = [];
const explained: string[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each card alone, in process, as the route runs it (same registry, same actor, same clock). */
async function timeCards(userId: string): Promise<CardTiming[]> {
  const loaded = await loadActor(db, userId);
  if (!loaded) throw new Error(`no actor ${userId}`);
  const actor = { ...loaded, via: 'session' as const };
  const env = { db, now: new Date(), timeZone: config.CRM_TIME_ZONE };
  const out: CardTiming[] = [];
  for (const card of dashboardCardsFor(actor)) {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      await card.run(env, actor);
      times.push(performance.now() - t);
    }
    out.push({ key: card.key, median: median(times), max: Math.max(...times) });
  }
  return out;
}

console.log(
  `dashboard benchmark: ${describeTarget(where)}; ${JSON.stringify(sizes)}; ${SECONDS} s (+${WARMUP} s warm-up) at ${CONNECTIONS} connections, ` +
    `pool ${POOL_SIZE}; waits up to ${QUIET_WAIT} s for background CPU < ${QUIET}%\n${serverVersion}\n`,
);
try {
  for (const username of WHO) {
    const who: Session = await login(base, username);
    const path = '/api/v1/dashboard';
    await call(base, who, 'GET', path); // the once-a-minute session touch, outside the recording
    let body: Record<string, unknown> = {};
    const recorded = await capture.record(async () => {
      body = await call(base, who, 'GET', path, undefined, { 'x-bench-record': '1' });
    });
    if (EXPLAIN) explained.push(await explainAll(raw, `${username} · dashboard`, recorded));
    const audience = String(body.audience);
    const cards = (body.cards as { key: string }[]).map((c) => c.key);
    const target = username === 'director' ? DIRECTOR_TARGET : TARGET[audience as 'rep' | 'manager'];
    const busyBefore = await waitForQuiet(QUIET, QUIET_WAIT);
    const headers = { cookie: who.headers.cookie };
    if (WARMUP > 0) await runHttp({ base, paths: [path], headers, connections: CONNECTIONS, seconds: WARMUP });
    const result = await runHttp({ base, paths: [path], headers, connections: CONNECTIONS, seconds: SECONDS });
    const perCard = await timeCards(who.userId);
    const row: Row = {
      who: username,
      audience,
      cards,
      bytes: JSON.stringify(body).length,
      queries: recorded.length,
      target,
      app: result,
      busyBefore,
      perCard,
    };
    rows.push(row);
    console.log(
      `  ${`${username} (${audience}, ${cards.length} cards)`.padEnd(34)} ${f1(result.rps).padStart(6)} req/s  p50 ${f1(result.p50).padStart(6)}  ` +
        `p95 ${f1(result.p95).padStart(6)}  p99 ${f1(result.p99).padStart(6)} ms${target ? ` (p95 < ${target}: ${result.p95 < target ? 'met' : 'MISSED'})` : ''}` +
        ` | ${recorded.length} statements | ${row.bytes} bytes | bg CPU ${busyBefore?.toFixed(0) ?? '?'}%${result.failures ? ` | ${result.failures} FAILED` : ''}`,
    );
    console.log(`    alone: ${perCard.map((c) => `${c.key} ${f1(c.median)} (max ${f1(c.max)})`).join(', ')} ms`);
  }
} finally {
  await app.close();
  await raw.end();
  await database.close();
}

console.log('\n| who | cards | statements | req/s | p50 ms | p95 ms | p99 ms | target | slowest card alone (median) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---|---|');
for (const r of rows) {
  const slowest = [...r.perCard].sort((a, b) => b.median - a.median)[0];
  console.log(
    `| ${r.who} | ${r.cards.length} | ${r.queries} | ${f1(r.app.rps)} | ${f1(r.app.p50)} | ${f1(r.app.p95)} | ${f1(r.app.p99)} | ` +
      `${r.target ? `p95 < ${r.target} ${r.app.p95 < r.target ? '✔' : '✘'}` : ''} | ${slowest ? `${slowest.key} ${f1(slowest.median)}` : ''} |`,
  );
}

console.log();
writeOut('dashboard-postgres.json', {
  at: new Date().toISOString(),
  target: describeTarget(where),
  server: serverVersion,
  sizes,
  machine: machineInfo(),
  settings: { seconds: SECONDS, warmup: WARMUP, connections: CONNECTIONS, samples: SAMPLES, quiet: QUIET, quietWait: QUIET_WAIT },
  rows,
});
if (EXPLAIN) writeOut('explain-dashboard.txt', explained.join('\n\n'));
