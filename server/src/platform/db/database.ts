import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pglitePool } from './pglite-pool.js';
import { typeParsers } from './type-parsers.js';

/** Tables are declared by each domain through module augmentation of this interface. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each domain
export interface Tables {}

export type Db = Kysely<Tables>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Runs fn on one dedicated connection whose `run` accepts multi-statement SQL (simple
   * protocol) and returns the rows of the last statement: migrations need BEGIN, a lock
   * and whole scripts on the same session.
   */
  session<T>(fn: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Only for embedded databases: a tarball of the data directory (test templates). */
  dumpDataDir?(): Promise<Blob>;
}

for (const [oid, parse] of Object.entries(typeParsers)) pg.types.setTypeParser(Number(oid), parse);

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (sql) => {
          const res = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(res) ? res[res.length - 1] : res;
          return (last?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

export interface PgliteOptions {
  dataDir?: string;
  loadDataDir?: Blob;
  /** e.g. '32MB'; PGlite's own default (128MB) when unset. */
  sharedBuffers?: string;
}

export async function openPglite(opts: PgliteOptions = {}): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const lite = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: typeParsers,
    extensions: { pg_trgm },
    ...(opts.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`] } : {}),
  });
  const pool = pglitePool(lite);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (sql) => {
          const res = await lite.exec(sql);
          return (res[res.length - 1]?.rows ?? []) as Record<string, unknown>[];
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
    async dumpDataDir() {
      return lite.dumpDataDir('none');
    },
  };
}

export function openDatabase(config: { DATABASE_URL?: string; DATA_DIR: string; PGLITE_SHARED_BUFFERS?: string }): Promise<Database> {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL)
    : openPglite({ dataDir: config.DATA_DIR, sharedBuffers: config.PGLITE_SHARED_BUFFERS });
}
