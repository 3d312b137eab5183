import type pg from 'pg';
import type { captureRecorded } from './bench-app.js';
import { f1 } from './bench-app.js';
import { arg, intArg } from './cli.js';
import { call, explainAll, login, type Session } from './documents-bench.js';
import { type LoadResult, runHttp } from './load.js';
import { waitForQuiet } from './quiet.js';

// One GET route per scenario, per user, against a target in ms: the loop bench:money and
// bench:timeliness share (record the statements once, wait for a quiet machine, warm up, measure).

export type Scenario = { key: string; who: string; label: string; path: string; target: number | null; targetOn?: 'p95' | 'p99' };

export interface ScenarioRow {
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

/** The command-line settings every scenario bench takes; `only` defaults to the bench's own keys. */
export function scenarioSettings(defaultOnly: string) {
  return {
    seconds: intArg('seconds', 'BENCH_SECONDS', 8),
    warmup: intArg('warmup', 'BENCH_WARMUP', 2),
    connections: intArg('connections', 'BENCH_CONNECTIONS', 2),
    only: (arg('only') ?? defaultOnly).split(','),
    explain: arg('explain') !== undefined,
    quiet: intArg('quiet', 'BENCH_QUIET', 25),
    quietWait: intArg('quiet-wait', 'BENCH_QUIET_WAIT', 120),
  };
}
export type ScenarioSettings = ReturnType<typeof scenarioSettings>;

/** Runs the scenarios the settings select, printing a line each; returns the rows and, with --explain, the plans. */
export async function runScenarios(opts: {
  base: string;
  raw: pg.Pool;
  capture: ReturnType<typeof captureRecorded>['capture'];
  settings: ScenarioSettings;
  scenarios: Scenario[];
}): Promise<{ rows: ScenarioRow[]; explained: string[] }> {
  const { base, raw, capture, settings } = opts;
  const rows: ScenarioRow[] = [];
  const explained: string[] = [];
  const sessions = new Map<string, Session>();
  const session = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, await login(base, username));
    return sessions.get(username) as Session;
  };
  for (const s of opts.scenarios.filter((x) => settings.only.includes(x.key))) {
    const who = await session(s.who);
    await call(base, who, 'GET', s.path); // the once-a-minute session touch, outside the recording
    let total: number | null = null;
    const recorded = await capture.record(async () => {
      const body = await call(base, who, 'GET', s.path, undefined, { 'x-bench-record': '1' });
      total = Number(body.total ?? body.count ?? (body.rows as unknown[] | undefined)?.length ?? Number.NaN);
    });
    if (settings.explain) explained.push(await explainAll(raw, `${s.who} · ${s.label}`, recorded));
    const busyBefore = await waitForQuiet(settings.quiet, settings.quietWait);
    const headers = { cookie: who.headers.cookie };
    const load = { base, paths: [s.path], headers, connections: settings.connections };
    if (settings.warmup > 0) await runHttp({ ...load, seconds: settings.warmup });
    const result = await runHttp({ ...load, seconds: settings.seconds });
    const row: ScenarioRow = {
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
  return { rows, explained };
}

/** The rows as the Markdown table bench/RESULTS.md takes. */
export function printScenarioTable(rows: ScenarioRow[]) {
  console.log('\n| who | scenario | total | req/s | p50 ms | p95 ms | p99 ms | target |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const measured = r.app[r.targetOn];
    console.log(
      `| ${r.who} | ${r.label} | ${r.total?.toLocaleString() ?? ''} | ${f1(r.app.rps)} | ${f1(r.app.p50)} | ${f1(r.app.p95)} | ${f1(r.app.p99)} | ` +
        `${r.target ? `${r.targetOn} < ${r.target} ${measured < r.target ? '✔' : '✘'}` : ''} |`,
    );
  }
}
