import type { Module } from '@contracts/permissions.js';
import { useCallback } from 'react';
import { useListParams, useSearchText } from '../list-state.js';

export interface ListPageOptions {
  /** The record's name in test ids (`customer` → customer-search, customer-table, customer-new) and stored column choices. */
  name: string;
  /** The URL keys that narrow the list ('q' included when the page searches). */
  filters: readonly string[];
  /** Keys set together with another (a date range's `to`): not counted again on the phone's filter badge. */
  uncounted?: readonly string[];
  /** The import page's entity (named as its module), when the header offers "导入". */
  imports?: Module;
  /** The export's entity (named as its module), when the header offers "导出" of the list as filtered. */
  exports?: Module;
}

/**
 * A list page's state, all of it in the URL: filters, search text, sort and page. The page builds
 * its own query from it (`paging` plus its filters) and hands the query's result to ListTable.
 */
export function useListPage({ name, filters, uncounted = [], imports, exports }: ListPageOptions) {
  const lp = useListParams();
  const { update, params } = lp;
  const commitSearch = useCallback((q: string | undefined) => update({ q }), [update]);
  const search = useSearchText(lp.text('q'), commitSearch);
  return {
    ...lp,
    name,
    imports,
    exports,
    search,
    paging: { page: lp.page, pageSize: lp.pageSize, sort: lp.sort },
    filtered: filters.some((k) => params.has(k)),
    activeFilters: filters.filter((k) => k !== 'q' && !uncounted.includes(k) && params.has(k)).length,
    clearFilters: () => lp.clear([...filters]),
    /** The URL's parameters as the export endpoint takes them (it drops page and pageSize itself). */
    exportParams: Object.fromEntries(params) as Record<string, string | undefined>,
  };
}

export type ListPageState = ReturnType<typeof useListPage>;
