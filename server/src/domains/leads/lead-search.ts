import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { matches, registerSearchProvider, rows } from '../search/public.js';

/** C11: what the search box matches; must stay identical to the GIN index's expression (migration 0011), or the index is not used. */
const TEXT = sql`lower(l.company || ' ' || coalesce(l.contact_name, '') || ' ' || coalesce(l.mobile, '') || ' ' || coalesce(l.phone, '') || ' ' || coalesce(l.email, ''))`;

registerSearchProvider({
  type: 'lead',
  module: 'leads',
  async search(db, actor, q, limit) {
    const found = await rows(
      db,
      sql<{ id: string; company: string; contact_name: string | null; pooled: boolean }>`
        SELECT l.id, l.company, l.contact_name, l.owner_id IS NULL AS pooled FROM leads l
         WHERE l.deleted_at IS NULL AND (l.owner_id IS NULL OR ${scopeFilter(actor, 'l')}) AND ${matches(TEXT, actor, q)}
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
