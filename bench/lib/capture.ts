import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Query } from './load.js';

/**
 * Records the SQL the app sends while `record` runs, by wrapping the query method of the driver
 * underneath Kysely: pg.Client for PostgreSQL, PGlite for the embedded database. Only statements
 * issued on behalf of the recorded request count (`inRecordedRequest`, an async-context check), so
 * stragglers from a previous load run cannot slip in. The raw baseline replays exactly these.
 */
export function installCapture(inRecordedRequest: () => boolean = () => true) {
  let sink: Query[] | null = null;
  let lite: PGlite | null = null;

  const pgProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const pgQuery = pgProto.query;
  pgProto.query = function (this: unknown, ...args: unknown[]) {
    if (sink && typeof args[0] === 'string' && inRecordedRequest())
      sink.push({ text: args[0], values: [...((args[1] as unknown[]) ?? [])] });
    return pgQuery.apply(this, args);
  };

  const liteProto = PGlite.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const liteQuery = liteProto.query;
  liteProto.query = function (this: PGlite, ...args: unknown[]) {
    lite = this;
    if (sink && typeof args[0] === 'string' && inRecordedRequest())
      sink.push({ text: args[0], values: [...((args[1] as unknown[]) ?? [])] });
    return liteQuery.apply(this, args);
  };

  return {
    async record(fn: () => Promise<void>): Promise<Query[]> {
      const queries: Query[] = [];
      sink = queries;
      try {
        await fn();
      } finally {
        sink = null;
      }
      return queries;
    },
    /** The PGlite instance the app queries (known once it has run a query). */
    pglite(): PGlite {
      if (!lite) throw new Error('no PGlite query seen yet');
      return lite;
    },
  };
}
