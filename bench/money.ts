// Issue 12 through the real app on PostgreSQL: receivables aging and profit for the company (the
// director, all data) and a rep (rep001, own data, given a role with product_costs:view by
// bench:gen-money), a manager for comparison, and the unpaid-contracts list.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_money npm run bench:money -- --explain
//   options: --seconds 8 --warmup 2 --connections 2 --only aging,profit,unpaid --quiet 25 --quiet-wait 120
//
// The app is built with buildApp on the benchmark database (npm run bench:gen-money) and listens on
// 127.0.0.1; users sign in through /api/v1/auth/login; one request per scenario is recorded (its
// statements, for --explain), then autocannon drives the route from a worker thread (lib/load.ts).
// Output: stdout, bench/out/money-postgres.json, bench/out/explain-money.txt.
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

const settings = scenarioSettings('aging,profit,unpaid');
const POOL_SIZE = 10;

const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:money runs on PostgreSQL only: set DATABASE_URL (e.g. …/crm_bench_money)');
const { recording, capture } = captureRecorded();
const database = await openPostgres(where.url, POOL_SIZE);
const db = database.db;
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
await bootstrap(database, config);
const sizes = (
  await sql<Record<string, string>>`
    SELECT (SELECT count(*) FROM contracts) AS contracts, (SELECT count(*) FROM payment_instalments) AS instalments,
           (SELECT count(*) FROM payments) AS payments, (SELECT count(*) FROM expenses) AS expenses,
           (SELECT count(*) FROM money_instalment_balances WHERE live AND paid < amount) AS open_instalments`.execute(db)
).rows[0];
if (Number(sizes.expenses) === 0) throw new Error(`no expenses in ${describeTarget(where)}: run npm run bench:gen-money first`);
const serverVersion = (await sql<{ v: string }>`SELECT version() AS v`.execute(db)).rows[0].v;

const app = await buildApp({ database, config });
const { base } = await listenForBench(app, recording);
const raw = new pg.Pool({ connectionString: where.url, max: 2 });

const aging = '/api/v1/reports/receivables-aging';
const profit = '/api/v1/reports/profit';
const company = (s: Omit<Scenario, 'who' | 'target'>, t: number | null = 300): Scenario => ({ ...s, who: 'director', target: t });
const rep = (s: Omit<Scenario, 'who' | 'target'>, t: number | null = 50): Scenario => ({ ...s, who: 'rep001', target: t });
const SCENARIOS: Scenario[] = [
  company({ key: 'aging', label: 'aging per rep (today)', path: `${aging}?groupBy=owner` }),
  company({ key: 'aging', label: 'aging per department (today)', path: `${aging}?groupBy=department` }),
  company({ key: 'aging', label: 'aging per customer, page 1 (today)', path: `${aging}?groupBy=customer` }),
  company({ key: 'aging', label: 'aging per rep as of 2026-09-30', path: `${aging}?groupBy=owner&asOf=2026-09-30` }, null),
  rep({ key: 'aging', label: 'aging (own, today)', path: `${aging}?groupBy=owner` }),
  rep({ key: 'aging', label: 'aging per customer (own)', path: `${aging}?groupBy=customer` }),
  { key: 'aging', who: 'mgr.east', label: 'aging per rep (region)', path: `${aging}?groupBy=owner`, target: null },
  company({ key: 'profit', label: 'profit per customer, least profitable first', path: `${profit}/customers` }),
  company({ key: 'profit', label: 'profit per contract, least profitable first', path: `${profit}/contracts` }),
  company({ key: 'profit', label: 'profit per customer, by margin', path: `${profit}/customers?sort=margin` }, null),
  company({ key: 'profit', label: 'profit per customer, signed in 2026', path: `${profit}/customers?from=2026-01-01&to=2026-12-31` }, null),
  rep({ key: 'profit', label: 'profit per customer (own)', path: `${profit}/customers` }),
  rep({ key: 'profit', label: 'profit per contract (own)', path: `${profit}/contracts` }),
  { key: 'profit', who: 'mgr.east', label: 'profit per customer (region)', path: `${profit}/customers`, target: null },
  ...['director', 'mgr.east', 'mgr01', 'rep001'].map(
    (who): Scenario => ({
      key: 'unpaid',
      who,
      label: 'unpaid contracts page 1',
      path: '/api/v1/receivables/unpaid',
      target: 50,
      targetOn: 'p99',
    }),
  ),
];

console.log(
  `money benchmark: ${describeTarget(where)}; ${JSON.stringify(sizes)}; ${settings.seconds} s (+${settings.warmup} s warm-up) at ${settings.connections} connections, ` +
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
writeOut('money-postgres.json', {
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
if (settings.explain) writeOut('explain-money.txt', explained.join('\n\n'));
