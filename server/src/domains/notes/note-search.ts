import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { newestMatches, registerSearchProvider, rows, snippet } from '../search/public.js';

/** C11: what the search box matches; must stay identical to the GIN index's expression (migration 0011), or the index is not used. */
const TEXT = sql`lower(n.title || ' ' || n.body)`;

registerSearchProvider({
  type: 'note',
  module: 'notes',
  async search(db, actor, q, limit) {
    const source = { table: 'notes', alias: 'n', time: 'updated_at', text: TEXT };
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
