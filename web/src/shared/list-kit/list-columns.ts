import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { sortOrderOf, sortParamOf } from '../list-state.js';

/** A list column: antd's column with a required key (the sort field for sortable columns). */
export type ListColumn<T> = ColumnType<T> & { key: string; sortable?: boolean };

/**
 * Marks the sortable columns as sorted the way the URL says. `defaultSort` is the server's order
 * when the URL names none, so its column shows as sorted until another sort is chosen.
 */
export function withSortOrder<T>(columns: ListColumn<T>[], sort: string | undefined, defaultSort?: string): ColumnType<T>[] {
  return columns.map(({ sortable, ...column }) =>
    sortable ? { ...column, sorter: true, sortOrder: sortOrderOf(sort ?? defaultSort, column.key) } : column,
  );
}

/** The URL's `sort` after a click on a column header; the server's own order needs no parameter. */
export function nextSort<T>(sorter: SorterResult<T> | SorterResult<T>[], defaultSort?: string): string | undefined {
  const sort = sortParamOf(sorter);
  return sort === defaultSort ? undefined : sort;
}

/** What a column shows for a row, outside a table (a phone card). */
export function cellOf<T>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const field = typeof column.dataIndex === 'string' ? column.dataIndex : undefined;
  const value = field ? (row as Record<string, unknown>)[field] : undefined;
  if (column.render) return column.render(value, row, index) as ReactNode;
  return value as ReactNode;
}
