// Runs the API suite against a real PostgreSQL server (TEST_DATABASE_URL, default: the local one),
// starting the local cluster first when it is down.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const host = new URL(url).hostname;

function ready() {
  return spawnSync('pg_isready', ['-h', host, '-q'], { stdio: 'ignore' }).status === 0;
}

if (!ready() && (host === '127.0.0.1' || host === 'localhost')) {
  console.log('PostgreSQL is down; starting the local cluster …');
  let version;
  try {
    version = readdirSync('/etc/postgresql')[0];
  } catch {
    console.error('No local PostgreSQL installation found (set TEST_DATABASE_URL).');
    process.exit(1);
  }
  spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 30 && !ready(); i++) spawnSync('sleep', ['1']);
}
if (!ready()) {
  console.error(`PostgreSQL at ${host} is not reachable.`);
  process.exit(1);
}

const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(run.status ?? 1);
