import { sql } from 'kysely';
import type { Database } from '../../server/src/platform/db/database.js';
import { ms } from './cli.js';

export interface Dropped {
  tables: string[];
  indexes: string[];
  foreignKeys: { table: string; name: string; def: string }[];
}

/**
 * Bulk loads run far faster into bare tables: the migrations' secondary indexes (not the ones behind
 * a primary key or unique constraint) and foreign keys of `tables` are dropped, and user triggers are
 * disabled (a contract's "frozen" trigger would refuse lines of an effective contract). Everything
 * comes back from its exact definition in `restoreSecondaryStructures`.
 */
export async function dropSecondaryStructures(database: Database, tables: string[]): Promise<Dropped> {
  const db = database.db;
  const regclasses = sql.join(tables.map((t) => sql`${t}::regclass`));
  const idx = await sql<{ name: string; def: string }>`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i
     WHERE i.indrelid IN (${regclasses})
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`.execute(db);
  const fks = await sql<{ table: string; name: string; def: string }>`
    SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND conrelid IN (${regclasses})`.execute(db);
  for (const fk of fks.rows) await sql`ALTER TABLE ${sql.table(fk.table)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(db);
  for (const i of idx.rows) await sql`DROP INDEX ${sql.ref(i.name)}`.execute(db);
  for (const t of tables) await sql`ALTER TABLE ${sql.table(t)} DISABLE TRIGGER USER`.execute(db);
  return { tables, indexes: idx.rows.map((i) => i.def), foreignKeys: fks.rows };
}

/** Rebuilds what `dropSecondaryStructures` took away, printing the time each index takes. */
export async function restoreSecondaryStructures(database: Database, dropped: Dropped): Promise<void> {
  await database.session(async (run) => {
    await run(`SET maintenance_work_mem = '1GB'`);
    for (const def of dropped.indexes) {
      const t = performance.now();
      await run(def);
      console.log(`    ${def.replace(/^CREATE (UNIQUE )?INDEX (\S+) .*$/, '$2')}: ${ms(t)}`);
    }
    const t = performance.now();
    for (const fk of dropped.foreignKeys) await run(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
    console.log(`    ${dropped.foreignKeys.length} foreign keys: ${ms(t)}`);
    await run('RESET maintenance_work_mem');
    for (const table of dropped.tables) await run(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  });
}
