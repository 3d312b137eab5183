import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { likePattern } from '../../platform/records/list-query.js';

// The shared search machinery: the bigram match and the newest-rows window. Each searchable
// domain keeps its own provider (customers/customer-search.ts …) and registers it.

/**
 * Rows holding every two-character piece of q (from the index), then confirmed by a substring
 * test. For one owner's records the pieces are left out: the planner misjudges common pieces, and
 * one person's rows are few (see bench/RESULTS.md, customer search).
 */
export function matches(text: RawBuilder<unknown>, actor: Actor, q: string): RawBuilder<SqlBool> {
  const like = sql<SqlBool>`${text} LIKE ${likePattern(q.toLowerCase())}`;
  return actor.scope === 'own' ? like : sql<SqlBool>`text_bigrams(${text}) @> text_bigrams(${q.toLowerCase()}) AND ${like}`;
}

/** How many of the newest rows in scope a search reads before it asks the index. */
const RECENT_WINDOW = 2000;

/**
 * Newest matches first, two ways. A common fragment (医疗 in a fifth of a million follow-ups) has
 * its newest hits among the newest rows: reading the scope's newest RECENT_WINDOW rows in time
 * order finds them in milliseconds, where the bigram index would return hundreds of thousands of
 * candidates to sort. When that window holds fewer than `limit` hits, the newest hits may be older
 * than it: then the index (rare fragments, few candidates) answers. Either way the result is the
 * newest `limit` matches.
 */
export async function newestMatches<T>(
  actor: Actor,
  q: string,
  limit: number,
  source: { table: string; alias: string; time: string; text: RawBuilder<unknown>; where?: RawBuilder<SqlBool> },
  run: (from: RawBuilder<unknown>, match: RawBuilder<SqlBool>) => Promise<T[]>,
): Promise<T[]> {
  const { table, alias, time } = source;
  const a = (c: string) => sql.ref(`${alias}.${c}`);
  const live = sql<SqlBool>`${a('deleted_at')} IS NULL AND ${source.where ?? sql`true`} AND ${scopeFilter(actor, alias)}`;
  // A department scope skips most entries of the time index: its window's ids come from an
  // index-only scan (scope columns INCLUDEd, 0019) so the skipped rows are never read from the
  // table. For one owner or the whole company the plain window is cheaper (no second lookup).
  const t = sql`${sql.table(table)} AS ${sql.raw(alias)}`;
  const window = sql`SELECT ${a('id')} FROM ${t} WHERE ${live} ORDER BY ${a(time)} DESC, ${a('id')} DESC LIMIT ${RECENT_WINDOW}`;
  const recent = await run(
    actor.scope === 'department'
      ? sql`(SELECT * FROM ${t} WHERE ${a('id')} IN (${window})) AS ${sql.raw(alias)}`
      : sql`(SELECT * FROM ${t} WHERE ${live} ORDER BY ${a(time)} DESC, ${a('id')} DESC LIMIT ${RECENT_WINDOW}) AS ${sql.raw(alias)}`,
    sql<SqlBool>`${source.text} LIKE ${likePattern(q.toLowerCase())}`,
  );
  if (recent.length >= limit) return recent;
  return run(sql`${sql.table(table)} AS ${sql.raw(alias)}`, matches(source.text, actor, q));
}

export const rows = <T>(db: Db, query: RawBuilder<T>) => query.execute(db).then((r) => r.rows);

/** Up to 80 characters around the first match, so the user sees why it was found. */
export function snippet(text: string, q: string): string {
  const i = text.toLowerCase().indexOf(q.toLowerCase());
  if (i < 0) return text.slice(0, 80);
  const start = Math.max(0, i - 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 80)}${start + 80 < text.length ? '…' : ''}`;
}
