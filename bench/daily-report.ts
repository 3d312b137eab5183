// Issue 13 T3: the daily-report job for every rep at once (target: 500 reps in < 60 s) on PostgreSQL.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/crm_bench_money npm run bench:daily-report
//   options: --day 2026-12-07 (default: the busiest day of stage moves) --per-rep 8 (follow-ups staged per rep)
//
// The benchmark databases belong to other benchmarks, so this one leaves them as it found them: it
// runs in ONE transaction that is rolled back at the end. Inside it, the two tables the job needs
// that the database may not have yet (mail_outbox 0058, daily_reports 0059) are created from their
// migration files, and a working day is staged for every rep (follow-ups with content, tasks done,
// visits planned and half of them done — the money data set has none; an e-mail address for every
// user), then `deliverDay` runs exactly
// as the scheduled job does: every section's batch query, the reports stored, a notification and a
// mail per rep, each department manager's team summary. Output: stdout, bench/out/daily-report.json.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config.js';
import { deliverDay } from '../server/src/domains/daily-reports/daily-report-job.js';
import { collectSections, dailyWindow } from '../server/src/domains/daily-reports/day-sections.js';
import { salesStaff } from '../server/src/domains/daily-reports/sales-staff.js';
import { openPostgres } from '../server/src/platform/db/database.js';
import { dailySections } from '../server/src/platform/reports/daily-sections.js';
import { arg, describeTarget, intArg, target } from './lib/cli.js';
import { DEFAULT_PGLITE_DIR } from './lib/dataset.js';

const TARGET_MS = 60_000;
const PER_REP = intArg('per-rep', 'BENCH_PER_REP', 8);
const where = target(DEFAULT_PGLITE_DIR);
if (where.kind !== 'postgres') throw new Error('bench:daily-report runs on PostgreSQL only: set DATABASE_URL (e.g. …/crm_bench_money)');
const here = dirname(fileURLToPath(import.meta.url));
const migration = (path: string) => readFileSync(join(here, '..', 'server', 'src', path), 'utf8');

const database = await openPostgres(where.url, 4);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', CRM_DEMO: '0' });
// No bootstrap: it would apply this branch's migrations to someone else's benchmark database.
const app = await buildApp({ database, config });
const tz = config.CRM_TIME_ZONE;
const ms = (t0: number) => Math.round(performance.now() - t0);

class RollBack extends Error {}
const result: Record<string, unknown> = {};
await database.db
  .transaction()
  .execute(async (trx) => {
    const exists = async (table: string) =>
      (await sql<{ t: string | null }>`SELECT to_regclass(${table}) AS t`.execute(trx)).rows[0]?.t != null;
    if (!(await exists('mail_outbox'))) await sql.raw(migration('platform/mail/migrations/0058_mail_outbox.sql')).execute(trx);
    if (!(await exists('daily_reports'))) await sql.raw(migration('domains/daily-reports/migrations/0059_daily_reports.sql')).execute(trx);

    const day =
      arg('day') ??
      (
        await sql<{ d: string }>`SELECT to_char((entered_at AT TIME ZONE ${tz})::date, 'YYYY-MM-DD') AS d FROM opportunity_stage_history
           WHERE entered_at > now() - interval '400 days' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(trx)
      ).rows[0]?.d;
    if (!day) throw new Error('no stage history to pick a day from: pass --day');
    // Everyone gets the mail (the generated users have no address), so its rendering is measured too.
    await sql`UPDATE users SET email = username || '@bench.example' WHERE email IS NULL`.execute(trx);
    const staff = await salesStaff(trx);
    const ids = staff.map((m) => m.id);

    // A working day for every rep, in the company's hours of that day (08:00–20:00).
    let t0 = performance.now();
    const start = sql`(${day}::date::timestamp AT TIME ZONE ${tz}) + interval '8 hours'`;
    const staged = await sql<{ n: number }>`
      WITH mine AS (
        SELECT c.id, c.owner_id, c.owner_dept_id, row_number() OVER (PARTITION BY c.owner_id ORDER BY c.id) AS rn
          FROM customers c WHERE c.owner_id = ANY(${ids}::uuid[]) AND c.deleted_at IS NULL
      ), f AS (
        INSERT INTO follow_ups (owner_id, owner_dept_id, created_by, customer_id, type, occurred_at, content, outcome)
        SELECT owner_id, owner_dept_id, owner_id, id, (ARRAY['call','visit','meeting','email'])[1 + rn % 4],
               ${start} + (rn * interval '80 minutes'), '电话回访，了解采购计划，对方说预算要等季度会后才定。第 ' || rn || ' 次沟通', '下季度再跟'
          FROM mine WHERE rn <= ${PER_REP} RETURNING id, customer_id, owner_id, owner_dept_id
      ), t AS (
        INSERT INTO tasks (owner_id, owner_dept_id, created_by, title, priority, status, completed_at, customer_id)
        SELECT owner_id, owner_dept_id, owner_id, '寄送资料和样品', 'normal', 'done', ${start} + (rn * interval '2 hours'), id
          FROM mine WHERE rn <= 3 RETURNING id
      ), v AS (
        INSERT INTO visit_plans (owner_id, owner_dept_id, created_by, plan_date, customer_id, purpose, fulfilled_by)
        SELECT f.owner_id, f.owner_dept_id, f.owner_id, ${day}::date, f.customer_id, '现场演示', CASE WHEN random() < 0.5 THEN f.id END
          FROM f WHERE random() < 0.5 RETURNING id
      )
      SELECT (SELECT count(*) FROM f)::int + (SELECT count(*) FROM t)::int + (SELECT count(*) FROM v)::int AS n`.execute(trx);
    const stageMs = ms(t0);

    // Each section alone, for the breakdown (the job below runs them again, as it would).
    const window = await dailyWindow(trx, ids, day, day, tz);
    const sections: Record<string, { ms: number; items: number }> = {};
    for (const s of dailySections()) {
      t0 = performance.now();
      const items = await s.collect(trx, window);
      sections[s.key] = { ms: ms(t0), items: items.length };
    }
    t0 = performance.now();
    await collectSections(trx, window);
    const collectMs = ms(t0);

    t0 = performance.now();
    const delivered = await deliverDay(trx, app.ctx, day, true);
    const jobMs = ms(t0);
    const mails = Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM mail_outbox WHERE kind LIKE ${'%-report'} AND dedupe_key LIKE ${`%:${day}`}`.execute(trx)
      ).rows[0]?.n,
    );
    Object.assign(result, {
      target: describeTarget(where),
      day,
      reps: staff.length,
      stagedRows: staged.rows[0]?.n,
      stageMs,
      sections,
      collectAllMs: collectMs,
      jobMs,
      reports: delivered.reports,
      teamSummaries: delivered.teams,
      mailsQueued: mails,
      targetMs: TARGET_MS,
      pass: jobMs < TARGET_MS,
      machine: { cpus: cpus().length, memGb: Math.round(totalmem() / 2 ** 30) },
      server: (await sql<{ v: string }>`SELECT version() AS v`.execute(trx)).rows[0]?.v,
    });
    throw new RollBack();
  })
  .catch((e: unknown) => {
    if (!(e instanceof RollBack)) throw e;
  });

console.log(JSON.stringify(result, null, 2));
console.log(
  `\ndaily-report job: ${result.reps} reps, ${result.reports} reports + ${result.teamSummaries} team summaries, ${result.mailsQueued} mails queued in ${result.jobMs} ms (target < ${TARGET_MS} ms: ${result.pass ? 'PASS' : 'FAIL'}); rolled back`,
);
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out', 'daily-report.json'), `${JSON.stringify(result, null, 2)}\n`);
await app.close();
await database.close();
