// Start-up time of `npm start` on an existing embedded database: from spawning the process to the
// first 200 from /healthz.
//
//   npm run bench:startup                                   # /tmp/bench-startup, created on first use
//   npm run bench:startup -- --data-dir /tmp/bench-crm-pglite --runs 5
//
// Each run spawns `npm start` (and then `node scripts/start.mjs`, which is what npm runs, to show
// npm's own share) with DATA_DIR pointing at an initialised data directory, polls /healthz on
// 127.0.0.1 every 10 ms, then stops the process group with SIGTERM and waits until it is gone.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServerBundle } from '../scripts/server-bundle.mjs';
import { arg, flag, intArg } from './lib/cli.js';
import { busyPercent } from './lib/quiet.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = resolve(arg('data-dir', 'DATA_DIR') ?? '/tmp/bench-startup');
const RUNS = intArg('runs', 'BENCH_RUNS', 5);
const TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

/** The same staleness rule as scripts/start.mjs: is a web build going to run? */
function webBuildNeeded(): boolean {
  const newest = (dir: string) => {
    let n = 0;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) n = Math.max(n, statSync(join(e.parentPath, e.name)).mtimeMs);
    }
    return n;
  };
  const index = join(root, 'web/dist/index.html');
  const sources = Math.max(newest(join(root, 'web/src')), newest(join(root, 'contracts')), statSync(join(root, 'web/index.html')).mtimeMs);
  return !existsSync(index) || statSync(index).mtimeMs < sources;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess) {
  if (!child.pid) return;
  if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGTERM');
  for (let i = 0; i < 200 && groupAlive(child.pid); i++) await sleep(50);
  if (groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
}

function serverEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_DIST: join(root, 'web/dist'),
  };
  delete env.DATABASE_URL; // always the embedded database
  return env;
}

const TICKS_PER_S = 100; // USER_HZ on Linux

/**
 * CPU seconds (user + system) used so far by the processes of one process group: npm, start.mjs
 * and the server. On a busy shared machine wall time mostly measures the queue for a core; the
 * CPU time of the start-up is what it would take on an idle one (give or take parallel GC threads).
 */
function groupCpuMs(pgid: number): number | null {
  try {
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // Fields after the command name "(…)": state ppid pgrp … utime(14) stime(15), numbered from pid = 1.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
    }
    return (ticks / TICKS_PER_S) * 1000;
  } catch {
    return null; // no /proc
  }
}

interface Run {
  /** CPU time of the process group when /healthz first answered. */
  cpuMs: number | null;
  ms: number;
  /** start.mjs rebuilt web/dist first (its sources changed since the last build): not a server start-up figure. */
  built: boolean;
  /** The server's own "Started in N ms" (from main.ts evaluation to listening). */
  serverMs: number | null;
}

async function startOnce(command: string, args: string[], cwd = root): Promise<Run> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd,
    detached: true, // own process group, so npm, start.mjs and the server stop together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverEnv(port),
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  try {
    while (performance.now() - t0 < TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) {
          const ms = performance.now() - t0;
          const cpuMs = child.pid ? groupCpuMs(child.pid) : null;
          await sleep(50); // let the banner with "Started in" reach stdout
          const m = /Started in (\d+) ms/.exec(output);
          return { ms, cpuMs, serverMs: m ? Number(m[1]) : null, built: output.includes('Building the web client') };
        }
      } catch {
        // not listening yet
      }
      await sleep(10);
    }
    throw new Error(`no answer from /healthz within ${TIMEOUT_MS} ms:\n${output}`);
  } finally {
    await stop(child);
  }
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

// npm start bundles the server first when server/src changed; do that outside the timed runs.
await ensureServerBundle();
const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
const build = webBuildNeeded();
console.log(`start-up benchmark: DATA_DIR=${dataDir} (${fresh ? 'new: a first start initialises it' : 'existing database'}), ${RUNS} runs`);
console.log(
  build
    ? 'web/dist is older than web/src: the first start rebuilds it (not timed)'
    : 'web/dist is up to date: npm start skips the web build',
);
if (fresh || build) {
  const first = await startOnce('npm', ['start']);
  console.log(`  first start (initialisation / web build, not counted): ${(first.ms / 1000).toFixed(2)} s`);
}

const variants: [label: string, command: string, args: string[]][] = [
  ['npm start', 'npm', ['start']],
  ['node scripts/start.mjs', process.execPath, ['scripts/start.mjs']],
];
const busy = await busyPercent(2000);
console.log(`background CPU before the runs: ${busy?.toFixed(0) ?? '?'}% of ${cpus().length} cores`);
const results: Record<string, Run[]> = {};
for (const [label, command, args] of variants) {
  const runs: Run[] = [];
  // Other people edit web/src on this machine: a run that had to rebuild the web client is retried.
  let retries = 0;
  while (runs.length < RUNS && retries < RUNS) {
    const run = await startOnce(command, args);
    if (run.built) {
      retries++;
      console.log(`  (${label}: web/dist was stale, the run rebuilt it in ${(run.ms / 1000).toFixed(1)} s: not counted)`);
    } else runs.push(run);
  }
  results[label] = runs;
  const total = stats(runs.map((r) => r.ms));
  const server = stats(runs.map((r) => r.serverMs ?? Number.NaN));
  const cpu = stats(runs.map((r) => r.cpuMs ?? Number.NaN));
  console.log(
    `  ${label.padEnd(24)} spawn → /healthz 200: median ${(total.median / 1000).toFixed(2)} s (min ${(total.min / 1000).toFixed(2)}, max ${(total.max / 1000).toFixed(2)}, ${runs.length} runs)` +
      `; CPU time median ${(cpu.median / 1000).toFixed(2)} s (min ${(cpu.min / 1000).toFixed(2)}); server's own "Started in": median ${server.median} ms`,
  );
}

// What the server itself spends its start-up on, phase by phase (imports through tsx, opening the
// embedded database, bootstrap, buildApp), and what the PGlite buffer pool's size costs.
const phaseRuns: Record<string, { wallMs: number; cpuMs: number }>[] = [];
for (let i = 0; i < RUNS; i++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/startup-phases.ts', dataDir], { cwd: root, encoding: 'utf8' });
  phaseRuns.push(JSON.parse(out.trim().split('\n').pop() as string));
}
for (const size of ['128MB', '32MB']) {
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/lib/startup-phases.ts', dataDir, size], {
      cwd: root,
      encoding: 'utf8',
    });
    phaseRuns.push(JSON.parse(out.trim().split('\n').pop() as string));
  }
}
console.log('  server start-up by phase (median of runs; node --import tsx, in-process timers):');
const names = [...new Set(phaseRuns.flatMap((p) => Object.keys(p)))];
for (const name of names) {
  const got = phaseRuns.map((p) => p[name]).filter(Boolean);
  const wall = stats(got.map((g) => g.wallMs));
  const cpu = stats(got.map((g) => g.cpuMs));
  console.log(`    ${name.padEnd(52)} wall ${String(wall.median).padStart(5)} ms   CPU ${String(cpu.median).padStart(5)} ms`);
}

// The same server without tsx at run time: main.ts bundled by esbuild (dependencies external), the
// bundle placed where migrate.ts expects its own module (it finds the migrations next to it).
if (!flag('no-bundle')) {
  const out = '/tmp/bench-startup-bundle';
  rmSync(out, { recursive: true, force: true });
  const bundle = join(out, 'server/src/platform/db/main.mjs');
  execFileSync(
    join(root, 'node_modules/.bin/esbuild'),
    [
      'server/src/main.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      '--target=node20',
      `--outfile=${bundle}`,
      '--log-level=warning',
    ],
    { cwd: root },
  );
  for (const f of readdirSync(join(root, 'server/src'), { recursive: true, encoding: 'utf8' })) {
    if (f.endsWith('.sql')) {
      mkdirSync(join(out, 'server/src', dirname(f)), { recursive: true });
      copyFileSync(join(root, 'server/src', f), join(out, 'server/src', f));
    }
  }
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await startOnce(process.execPath, [relative(out, bundle)], out));
  const total = stats(runs.map((r) => r.ms));
  const cpu = stats(runs.map((r) => r.cpuMs ?? Number.NaN));
  console.log(
    `  ${'node main.mjs (esbuild bundle, no tsx)'.padEnd(24)} spawn → /healthz 200: median ${(total.median / 1000).toFixed(2)} s (min ${(total.min / 1000).toFixed(2)})` +
      `; CPU time median ${(cpu.median / 1000).toFixed(2)} s (min ${(cpu.min / 1000).toFixed(2)})`,
  );
}
