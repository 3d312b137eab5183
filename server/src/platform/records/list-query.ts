import type { ListQueryBase, ListResult } from '@contracts/common.js';
import { type SelectQueryBuilder, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: works over any domain's filtered query
type AnySelect = SelectQueryBuilder<any, any, any>;

/**
 * The list convention (page, pageSize, sort `field` / `-field`): `filtered` carries the scope and
 * filters only, so the count does not pay for display joins; `select` adds columns and joins.
 *
 * The page query picks the page's ids first (ordered, offset and limited: an index can answer that
 * without touching the table, however deep the page) and only then reads those rows in full, so a
 * deep page reads 20 rows, not the thousands it skips.
 *
 * `total`, when given, supplies the exact total some cheaper way than count(*) over `filtered`
 * (a counter table); it must count exactly the rows `filtered` matches.
 */
export async function runList<T>(
  filtered: AnySelect,
  query: ListQueryBase,
  sortable: Record<string, string>,
  defaultSort: string,
  select: (q: AnySelect) => AnySelect,
  tieBreaker = 'id',
  total?: () => Promise<number>,
): Promise<ListResult<T>> {
  const sortKey = query.sort && sortable[query.sort.replace(/^-/, '')] ? query.sort : defaultSort;
  const direction = sortKey.startsWith('-') ? 'desc' : 'asc';
  const column = sortable[sortKey.replace(/^-/, '')];
  const ordered = (q: AnySelect) => q.orderBy(sql.ref(column), direction).orderBy(sql.ref(tieBreaker), direction);
  const count = total ? await total() : Number((await filtered.select(sql<number>`count(*)::int`.as('n')).executeTakeFirst())?.n ?? 0);
  const pageIds = ordered(filtered.select(sql.ref(tieBreaker).as('page_id')))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // The ids already passed the filters: the outer query only fetches them (filters such as the
  // search expression are not cheap enough to evaluate twice).
  const items = (await ordered(select(filtered.clearWhere()).where(sql.ref(tieBreaker), 'in', pageIds)).execute()) as T[];
  return { items, total: count, page: query.page, pageSize: query.pageSize };
}

/** Escapes LIKE wildcards in user input. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
