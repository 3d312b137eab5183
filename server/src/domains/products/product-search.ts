import { sql } from 'kysely';
import { likePattern } from '../../platform/records/list-query.js';
import { registerSearchProvider } from '../search/public.js';

// C11 for the catalogue (Q1): products by code or name, on the list's bigram index (migration 0031);
// company-wide, so no data scope. Products on sale come first.
registerSearchProvider({
  type: 'product',
  module: 'products',
  async search(db, _actor, q, limit) {
    const text = q.toLowerCase();
    const { rows } = await sql<{ id: string; code: string; name: string; specification: string | null; price: string; active: boolean }>`
      SELECT id, code, name, specification, list_price::text AS price, active FROM products
       WHERE deleted_at IS NULL AND text_bigrams(lower(code || ' ' || name)) @> text_bigrams(${text})
         AND lower(code || ' ' || name) LIKE ${likePattern(text)}
       ORDER BY active DESC, updated_at DESC, id DESC LIMIT ${limit}`.execute(db);
    return rows.map((r) => ({
      type: 'product',
      id: r.id,
      title: `${r.code} ${r.name}`,
      subtitle: [r.specification, `¥${r.price.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`].filter(Boolean).join(' · '),
      link: `/products?product=${r.id}`,
    }));
  },
});
