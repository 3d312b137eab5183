import type { ListResult } from '@contracts/common.js';
import { Grid, Table } from 'antd';
import { type Key, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../filter-bar.js';
import { PAGE_SIZES } from '../list-state.js';
import { type CardLayout, ListCards } from './list-cards.js';
import { type ListColumn, nextSort, withSortOrder } from './list-columns.js';
import { type EmptyState, ListEmpty } from './list-empty.js';
import { SelectionBar } from './selection-bar.js';
import type { ListPageState } from './use-list-page.js';

/** What ListTable reads from the page's TanStack Query result; the page keeps its own query. */
export interface ListQuery<T> {
  data?: ListResult<T>;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface ListTableProps<T> {
  list: ListPageState;
  query: ListQuery<T>;
  /** Every column the page defines; the phone card's slots name them by key. */
  columns: ListColumn<T>[];
  /** The columns the table shows (the column chooser's choice); all when not given. */
  visibleColumns?: string[];
  /** The server's order when the URL names none ('-updatedAt'): its column shows as sorted. */
  defaultSort?: string;
  /** The rows and total when the page narrows the fetched rows itself; the query's otherwise. */
  rows?: T[];
  total?: number;
  card: CardLayout<T>;
  empty: EmptyState;
  errorTitle: string;
  onRowClick?: (row: T) => void;
  /** Bulk actions for the ticked rows; without it the rows have no tick boxes. */
  bulkActions?: (selected: T[], clearSelection: () => void) => ReactNode;
  rowKey?: (row: T) => Key;
}

const idOf = (row: unknown) => (row as { id: string }).id;

/**
 * The rows of a list page: a sortable, paged table on wide screens and one card per row below the
 * md breakpoint, with the same empty, loading and error states; sort and page live in the URL.
 */
export function ListTable<T extends object>({
  list,
  query,
  columns,
  visibleColumns,
  defaultSort,
  rows,
  total,
  card,
  empty,
  errorTitle,
  onRowClick,
  bulkActions,
  rowKey = idOf,
}: ListTableProps<T>) {
  const { t } = useTranslation();
  // undefined before antd has measured the screen: start with the table, as most screens are wide.
  const phone = Grid.useBreakpoint().md === false;
  const [selectedKeys, setSelectedKeys] = useState<Key[]>([]);
  const { data, isFetching, isError, error, refetch } = query;
  const items = rows ?? data?.items ?? [];
  const clearSelection = () => setSelectedKeys([]);
  const selected = items.filter((row) => selectedKeys.includes(rowKey(row)));

  const emptyNode =
    isFetching || isError ? (
      <div style={{ height: 120 }} />
    ) : (
      <ListEmpty empty={empty} filtered={list.filtered} onClearFilters={list.clearFilters} />
    );
  const pagination = {
    current: rows ? list.page : (data?.page ?? list.page),
    pageSize: list.pageSize,
    total: total ?? data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (n: number) => t('total', { total: n }),
  };
  const turnPage = (page: number, pageSize: number) => {
    clearSelection();
    list.update({ page, pageSize });
  };

  return (
    <>
      {isError && <LoadError title={errorTitle} error={error} onRetry={() => void refetch()} />}
      {bulkActions && (
        <SelectionBar count={selected.length} onClear={clearSelection}>
          {bulkActions(selected, clearSelection)}
        </SelectionBar>
      )}
      {phone ? (
        <ListCards<T>
          rows={items}
          rowKeyOf={rowKey}
          columns={columns}
          layout={card}
          loading={isFetching}
          empty={emptyNode}
          pagination={{ ...pagination, onChange: turnPage }}
          onRowClick={onRowClick}
          selection={
            bulkActions && {
              keys: selectedKeys,
              toggle: (key) => setSelectedKeys((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key])),
            }
          }
          testId={`${list.name}-table`}
        />
      ) : (
        <Table<T>
          rowKey={rowKey}
          size="middle"
          columns={withSortOrder(visibleColumns ? columns.filter((c) => visibleColumns.includes(c.key)) : columns, list.sort, defaultSort)}
          dataSource={items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          rowSelection={bulkActions && { selectedRowKeys: selectedKeys, onChange: setSelectedKeys }}
          onRow={onRowClick && ((row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } }))}
          onChange={(p, _filters, sorter, extra) => {
            if (extra.action === 'sort') list.update({ sort: nextSort(sorter, defaultSort) });
            else if (extra.action === 'paginate') turnPage(p.current ?? 1, p.pageSize ?? list.pageSize);
          }}
          pagination={{ ...pagination, responsive: true }}
          locale={{ emptyText: emptyNode }}
          data-testid={`${list.name}-table`}
        />
      )}
    </>
  );
}
