import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFilter } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/database.js';
import { likePattern } from '../../platform/records/list-query.js';
import { registerSearchProvider } from './search-registry.js';

/**
 * Every text a group is searched by, as the GIN index on it is built (0002 and 0011 migrations):
 * the two expressions must stay identical, or the index is not used.
 */
const TEXT = {
  customer: sql`lower(c.name || ' ' || coalesce(c.short_name, '') || ' ' || coalesce(c.phone, ''))`,
  contact: sql`lower(k.name || ' ' || coalesce(k.mobile, '') || ' ' || coalesce(k.phone, '') || ' ' || coalesce(k.email, ''))`,
  lead: sql`lower(l.company || ' ' || coalesce(l.contact_name, '') || ' ' || coalesce(l.mobile, '') || ' ' || coalesce(l.phone, '') || ' ' || coalesce(l.email, ''))`,
  note: sql`lower(n.title || ' ' || n.body)`,
  follow_up: sql`lower(f.content)`,
  opportunity: sql`lower(o.name)`,
};

/**
 * Rows holding every two-character piece of q (from the index), then confirmed by a substring
 * test. For one owner's records the pieces are left out: the planner misjudges common pieces, and
 * one person's rows are few (see bench/RESULTS.md, customer search).
 */
function matches(text: RawBuilder<unknown>, actor: Actor, q: string): RawBuilder<SqlBool> {
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
async function newestMatches<T>(
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

const rows = <T>(db: Db, query: RawBuilder<T>) => query.execute(db).then((r) => r.rows);

/** '1234567.50' → '¥1,234,567.50', on the string (money is never a float). */
const yuan = (amount: string) => {
  const [int, frac = '00'] = amount.split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
};

registerSearchProvider({
  type: 'customer',
  module: 'customers',
  async search(db, actor, q, limit) {
    const source = { table: 'customers', alias: 'c', time: 'updated_at', text: TEXT.customer, where: sql<SqlBool>`c.owner_id IS NOT NULL` };
    const found = await newestMatches(actor, q, limit, source, (from, match) =>
      rows(
        db,
        sql<{ id: string; name: string; region: string | null; owner: string | null }>`
          SELECT c.id, c.name, c.region, u.display_name AS owner FROM ${from} LEFT JOIN users u ON u.id = c.owner_id
           WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND ${scopeFilter(actor, 'c')} AND ${match}
           ORDER BY c.updated_at DESC, c.id DESC LIMIT ${limit}`,
      ),
    );
    return found.map((r) => ({
      type: 'customer',
      id: r.id,
      title: r.name,
      subtitle: [r.region, r.owner].filter(Boolean).join(' · ') || null,
      link: `/customers/${r.id}`,
    }));
  },
});

registerSearchProvider({
  type: 'contact',
  module: 'contacts',
  async search(db, actor, q, limit) {
    const source = { table: 'contacts', alias: 'k', time: 'updated_at', text: TEXT.contact };
    const found = await newestMatches(actor, q, limit, source, (from, match) =>
      rows(
        db,
        sql<{ id: string; name: string; mobile: string | null; customer_id: string; customer: string | null }>`
          SELECT k.id, k.name, k.mobile, k.customer_id, c.name AS customer FROM ${from} LEFT JOIN customers c ON c.id = k.customer_id
           WHERE k.deleted_at IS NULL AND ${scopeFilter(actor, 'k')} AND ${match}
           ORDER BY k.updated_at DESC, k.id DESC LIMIT ${limit}`,
      ),
    );
    return found.map((r) => ({
      type: 'contact',
      id: r.id,
      title: r.name,
      subtitle: [r.customer, r.mobile].filter(Boolean).join(' · ') || null,
      link: `/customers/${r.customer_id}`,
    }));
  },
});

registerSearchProvider({
  type: 'lead',
  module: 'leads',
  async search(db, actor, q, limit) {
    const found = await rows(
      db,
      sql<{ id: string; company: string; contact_name: string | null; pooled: boolean }>`
        SELECT l.id, l.company, l.contact_name, l.owner_id IS NULL AS pooled FROM leads l
         WHERE l.deleted_at IS NULL AND (l.owner_id IS NULL OR ${scopeFilter(actor, 'l')}) AND ${matches(TEXT.lead, actor, q)}
         ORDER BY l.updated_at DESC, l.id DESC LIMIT ${limit}`,
    );
    return found.map((r) => ({
      type: 'lead',
      id: r.id,
      title: r.company,
      subtitle: r.contact_name,
      link: `/leads?${r.pooled ? 'tab=pool&' : ''}q=${encodeURIComponent(r.company)}`,
    }));
  },
});

registerSearchProvider({
  type: 'note',
  module: 'notes',
  async search(db, actor, q, limit) {
    const source = { table: 'notes', alias: 'n', time: 'updated_at', text: TEXT.note };
    const found = await newestMatches(actor, q, limit, source, (from, match) =>
      rows(
        db,
        sql<{ id: string; title: string; body: string }>`
          SELECT n.id, n.title, n.body FROM ${from}
           WHERE n.deleted_at IS NULL AND ${scopeFilter(actor, 'n')} AND ${match}
           ORDER BY n.updated_at DESC, n.id DESC LIMIT ${limit}`,
      ),
    );
    return found.map((r) => ({ type: 'note', id: r.id, title: r.title, subtitle: snippet(r.body, q), link: `/notes?id=${r.id}` }));
  },
});

registerSearchProvider({
  type: 'follow_up',
  module: 'follow_ups',
  async search(db, actor, q, limit) {
    const source = { table: 'follow_ups', alias: 'f', time: 'occurred_at', text: TEXT.follow_up };
    const found = await newestMatches(actor, q, limit, source, (from, match) =>
      rows(
        db,
        sql<{ id: string; content: string; customer_id: string; customer: string | null }>`
          SELECT f.id, f.content, f.customer_id, c.name AS customer FROM ${from} LEFT JOIN customers c ON c.id = f.customer_id
           WHERE f.deleted_at IS NULL AND ${scopeFilter(actor, 'f')} AND ${match}
           ORDER BY f.occurred_at DESC, f.id DESC LIMIT ${limit}`,
      ),
    );
    return found.map((r) => ({
      type: 'follow_up',
      id: r.id,
      title: r.customer ?? '—',
      subtitle: snippet(r.content, q),
      link: `/customers/${r.customer_id}`,
    }));
  },
});

/** Up to 80 characters around the first match, so the user sees why it was found. */
export function snippet(text: string, q: string): string {
  const i = text.toLowerCase().indexOf(q.toLowerCase());
  if (i < 0) return text.slice(0, 80);
  const start = Math.max(0, i - 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 80)}${start + 80 < text.length ? '…' : ''}`;
}

registerSearchProvider({
  type: 'opportunity',
  module: 'opportunities',
  async search(db, actor, q, limit) {
    const source = { table: 'opportunities', alias: 'o', time: 'updated_at', text: TEXT.opportunity };
    const found = await newestMatches(actor, q, limit, source, (from, match) =>
      rows(
        db,
        sql<{ id: string; name: string; status: string; amount: string; customer: string | null }>`
          SELECT o.id, o.name, o.status, o.amount::text AS amount, c.name AS customer FROM ${from} LEFT JOIN customers c ON c.id = o.customer_id
           WHERE o.deleted_at IS NULL AND ${scopeFilter(actor, 'o')} AND ${match}
           ORDER BY o.updated_at DESC, o.id DESC LIMIT ${limit}`,
      ),
    );
    return found.map((r) => ({
      type: 'opportunity',
      id: r.id,
      title: r.name,
      subtitle: [r.customer, yuan(r.amount)].filter(Boolean).join(' · '),
      link: `/opportunities/${r.id}`,
    }));
  },
});
