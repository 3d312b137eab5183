import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/**
 * The migrations stay SQL files under server/src, also when the server runs from the bundle in
 * server/dist (scripts/start.mjs): walk up from this module to the folder that holds them.
 */
function serverSourceRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'platform', 'migrations'))) return dir;
    if (existsSync(join(dir, 'src', 'platform', 'migrations'))) return join(dir, 'src');
    if (dirname(dir) === dir) throw new Error(`No server/src/platform/migrations above ${from}`);
  }
}
const SRC_ROOT = serverSourceRoot();
// Any constant will do as long as every server uses the same one.
const MIGRATION_LOCK_KEY = 7_264_001;

export interface Migration {
  name: string;
  path: string;
}

/**
 * Migrations live beside the domain they belong to (`<domain>/migrations/NNNN_name.sql`);
 * the numeric prefix orders them across domains. Once merged, a file is never edited.
 */
function listMigrations(root = SRC_ROOT): Migration[] {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql') && basename(dirname(f)) === 'migrations')
    .map((f) => ({ name: basename(f, '.sql'), path: join(root, f) }));
  files.sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const m of files) {
    const prefix = m.name.split('_')[0];
    if (seen.has(prefix)) throw new Error(`Two migrations share the number ${prefix}`);
    seen.add(prefix);
  }
  return files;
}

/** Applies pending migrations in one transaction under an advisory lock, so two servers starting together cannot race. */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.session(async (run) => {
    await run('BEGIN');
    try {
      await run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await run('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await run('SELECT name FROM schema_migrations')).map((r) => String(r.name)));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        await run(readFileSync(m.path, 'utf8'));
        await run(`INSERT INTO schema_migrations (name) VALUES ('${m.name.replace(/'/g, "''")}')`);
        applied.push(m.name);
      }
      await run('COMMIT');
      return applied;
    } catch (err) {
      await run('ROLLBACK');
      throw err;
    }
  });
}
