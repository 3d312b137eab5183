import { type SqlBool, sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { newestMatches, registerSearchProvider, rows } from '../search/public.js';

/** C11: what the search box matches; must stay identical to the GIN index's expression (migration 0002), or the index is not used. */
const TEXT = sql`lower(c.name || ' ' || coalesce(c.short_name, '') || ' ' || coalesce(c.phone, ''))`;

registerSearchProvider({
  type: 'customer',
  module: 'customers',
  async search(db, actor, q, limit) {
    const source = { table: 'customers', alias: 'c', time: 'updated_at', text: TEXT, where: sql<SqlBool>`c.owner_id IS NOT NULL` };
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
