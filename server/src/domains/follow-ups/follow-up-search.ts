import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { newestMatches, registerSearchProvider, rows, snippet } from '../search/public.js';

/** C11: what the search box matches; must stay identical to the GIN index's expression (migration 0011), or the index is not used. */
const TEXT = sql`lower(f.content)`;

registerSearchProvider({
  type: 'follow_up',
  module: 'follow_ups',
  async search(db, actor, q, limit) {
    const source = { table: 'follow_ups', alias: 'f', time: 'occurred_at', text: TEXT };
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
