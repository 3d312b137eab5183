import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents one PGlite instance as a pg-style pool for Kysely. PGlite has a single
 * connection, so a checked-out client holds a mutex until release(): otherwise two
 * requests' BEGIN … COMMIT blocks would interleave on the same session.
 */
export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  async function acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = tail;
    tail = previous.then(() => mine);
    await previous;
    return release;
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await acquire();
      let released = false;
      return {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const res = await pg.query<R>(sql, parameters as unknown[]);
          const command = sql.trimStart().slice(0, 6).toUpperCase() as PostgresQueryResult<R>['command'];
          return { command, rowCount: res.affectedRows ?? res.rows.length, rows: res.rows };
        },
        release() {
          if (!released) {
            released = true;
            release();
          }
        },
      } as PostgresPoolClient;
    },
    async end() {
      await pg.close();
    },
  };
}
