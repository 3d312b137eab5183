import { rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import pg from 'pg';

/** `--name value` / `--name=value` / `--flag`, with an environment fallback. */
export function arg(name: string, env?: string): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === `--${name}`) return argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : 'true';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return env ? process.env[env] : undefined;
}

export const flag = (name: string, env?: string) => ['1', 'true', 'yes'].includes(String(arg(name, env) ?? '').toLowerCase());

export function intArg(name: string, env: string | undefined, fallback: number): number {
  const v = arg(name, env);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${v}`);
  return n;
}

/** Where the benchmark database lives: DATABASE_URL (PostgreSQL) wins over DATA_DIR (PGlite). */
export function target(defaultDataDir: string): { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string } {
  const url = arg('database-url', 'DATABASE_URL');
  if (url) return { kind: 'postgres', url };
  return { kind: 'pglite', dataDir: resolve(arg('data-dir', 'DATA_DIR') ?? defaultDataDir) };
}

export function describeTarget(t: ReturnType<typeof target>): string {
  if (t.kind === 'pglite') return `PGlite ${t.dataDir}`;
  const u = new URL(t.url);
  return `PostgreSQL ${u.host}${u.pathname}`;
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * Drops and re-creates the benchmark database. Refuses anything that does not look like a
 * benchmark database: a PostgreSQL database named crm_bench*, a PGlite directory /tmp/bench-*.
 */
export async function recreateTarget(t: ReturnType<typeof target>): Promise<void> {
  if (t.kind === 'pglite') {
    if (!t.dataDir.startsWith('/tmp/') || !basename(t.dataDir).startsWith('bench-')) {
      throw new Error(`--recreate only removes PGlite directories named /tmp/bench-*, not ${t.dataDir}`);
    }
    rmSync(t.dataDir, { recursive: true, force: true });
    return;
  }
  const name = databaseName(t.url);
  if (!/^crm_bench[a-z0-9_]*$/.test(name)) throw new Error(`--recreate only drops PostgreSQL databases named crm_bench*, not ${name}`);
  const admin = new URL(t.url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

export const ms = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
