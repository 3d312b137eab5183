// T7 data timeliness (issue 13) through the real app on PostgreSQL: the per-rep report and the rows to
// fix, for the director (all data), a region manager and a rep (own data). Starting the app applies
// migration 0056 (the kept missing-field counts) to the benchmark database.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench npm run bench:timeliness -- --explain
//   options: --seconds 8 --warmup 2 --connections 2 --only report,fixes --quiet 25 --quiet-wait 120
//
// Output: stdout, bench/out/timeliness-postgres.json, bench/out/explain-timeliness.txt.
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/config.js';
import { openPostgres } from '../server/src/platform/db/database.js';
import { captureRecorded, listenForBench, machineInfo, writeOut } from './lib/bench-app.js';
import { describeTarget, target } from './lib/cli.js';
import { DEFAULT_PGLITE_DIR } from './lib/dataset.js';
import { printScenarioTable, runScenarios, type Scenario, type ScenarioRow, scenarioSettings } from './lib/scenario-bench.js';

const settings = scenarioSettings('report,fixes');
const POOL_SIZE = 10;

const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:timeliness runs on PostgreSQL only: set DATABASE_URL (e.g. …/crm_bench)');
const { recording, capture } = captureRecorded();
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
const { base } = await listenForBench(app, recording);
const raw = new pg.Pool({ connectionString: where.url, max: 2 });

const report = '/api/v1/reports/data-timeliness';
const fixes = `${report}/fixes`;
// The targets: the director's whole dashboard < 500 ms p95, a rep's < 100 ms; the page asks for both at once.
const each = (who: string, target: number | null): Scenario[] => [
  { key: 'report', who, label: 'score per rep', path: report, target },
  { key: 'fixes', who, label: 'rows to fix, page 1', path: fixes, target },
  { key: 'fixes', who, label: 'missing fields, page 1', path: `${fixes}?check=incomplete`, target },
  { key: 'fixes', who, label: 'stale deals, page 1', path: `${fixes}?check=stale`, target },
];
const SCENARIOS: Scenario[] = [...each('director', 500), ...each('mgr.east', null), ...each('rep001', 100)];

console.log(
  `timeliness benchmark: ${describeTarget(where)}; ${JSON.stringify(sizes)}; ${settings.seconds} s (+${settings.warmup} s warm-up) at ${settings.connections} connections, ` +
    `pool ${POOL_SIZE}; waits up to ${settings.quietWait} s for background CPU < ${settings.quiet}%\n${serverVersion}\n`,
);
let rows: ScenarioRow[] = [];
let explained: string[] = [];
try {
  ({ rows, explained } = await runScenarios({ base, raw, capture, settings, scenarios: SCENARIOS }));
} finally {
  await app.close();
  await raw.end();
  await database.close();
}

printScenarioTable(rows);

console.log();
writeOut('timeliness-postgres.json', {
  at: new Date().toISOString(),
  target: describeTarget(where),
  server: serverVersion,
  sizes,
  machine: machineInfo(),
  settings: {
    seconds: settings.seconds,
    warmup: settings.warmup,
    connections: settings.connections,
    quiet: settings.quiet,
    quietWait: settings.quietWait,
  },
  rows,
});
if (settings.explain) writeOut('explain-timeliness.txt', explained.join('\n\n'));
