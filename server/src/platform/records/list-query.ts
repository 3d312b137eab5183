import type { ListQueryBase, ListResult } from '@contracts/common.js';
import { type SelectQueryBuilder, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: works over any domain's filtered query
type AnySelect = SelectQueryBuilder<any, any, any>;

/**
 * The list convention (page, pageSize, sort `field` / `-field`): `filtered` carries the scope and
 * filters only, so the count does not pay for display joins; `select` adds columns and joins.
 */
export async function runList<T>(
  filtered: AnySelect,
  query: ListQueryBase,
  sortable: Record<string, string>,
  defaultSort: string,
  select: (q: AnySelect) => AnySelect,
  tieBreaker = 'id',
): Promise<ListResult<T>> {
  const sortKey = query.sort && sortable[query.sort.replace(/^-/, '')] ? query.sort : defaultSort;
  const desc = sortKey.startsWith('-');
  const column = sortable[sortKey.replace(/^-/, '')];
  const countRow = await filtered.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  const items = (await select(filtered)
    .orderBy(sql.ref(column), desc ? 'desc' : 'asc')
    .orderBy(sql.ref(tieBreaker), desc ? 'desc' : 'asc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()) as T[];
  return { items, total: Number(countRow?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/** Escapes LIKE wildcards in user input. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
