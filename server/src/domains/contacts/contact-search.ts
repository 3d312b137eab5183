import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { newestMatches, registerSearchProvider, rows } from '../search/public.js';

/** C11: what the search box matches; must stay identical to the GIN index's expression (migration 0011), or the index is not used. */
const TEXT = sql`lower(k.name || ' ' || coalesce(k.mobile, '') || ' ' || coalesce(k.phone, '') || ' ' || coalesce(k.email, ''))`;

registerSearchProvider({
  type: 'contact',
  module: 'contacts',
  async search(db, actor, q, limit) {
    const source = { table: 'contacts', alias: 'k', time: 'updated_at', text: TEXT };
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
