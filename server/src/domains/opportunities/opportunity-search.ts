import { sql } from 'kysely';
import { scopeFilter } from '../../platform/access/data-scope.js';
import { newestMatches, registerSearchProvider, rows } from '../search/public.js';

/** C11: what the search box matches; must stay identical to the GIN index's expression (migration 0021), or the index is not used. */
const TEXT = sql`lower(o.name)`;

/** '1234567.50' → '¥1,234,567.50', on the string (money is never a float). */
const yuan = (amount: string) => {
  const [int, frac = '00'] = amount.split('.');
  return `¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
};

registerSearchProvider({
  type: 'opportunity',
  module: 'opportunities',
  async search(db, actor, q, limit) {
    const source = { table: 'opportunities', alias: 'o', time: 'updated_at', text: TEXT };
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
