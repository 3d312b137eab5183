import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../platform/db/database.js';

// Tests never pay initdb per file: global-setup migrates one template, every file clones it.
// One template per checkout: two worktrees testing at once (each with its own migrations) must not
// overwrite each other's template.
const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8);
export const TEMPLATE_FILE = join(tmpdir(), `crm-test-template-${process.getuid?.() ?? 0}-${checkout}.tar`);
export const TEMPLATE_DB = `crm_test_template_${checkout}`;

export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A private, migrated database for one test file: a PGlite clone or a Postgres database from the template. */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `crm_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    const database = await openPostgres(withDatabase(url, name), 4);
    return {
      ...database,
      async drop() {
        await database.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      },
    };
  }
  const blob = new Blob([readFileSync(TEMPLATE_FILE)]);
  const database = await openPglite({ loadDataDir: blob, sharedBuffers: '32MB' });
  return { ...database, drop: () => database.close() };
}

export { withDatabase };
