import { Card } from 'antd';
import type { ReactNode } from 'react';
import { FilterBar, type FilterBarProps } from '../filter-bar.js';
import type { ListPageState } from './use-list-page.js';

type ListFiltersProps = Omit<FilterBarProps, 'search' | 'activeFilters' | 'onClear'> & { list: ListPageState };

/** The search box and filters bound to the list's URL state; "clear filters" shows while any is set. */
export function ListFilters({ list, ...bar }: ListFiltersProps) {
  return (
    <FilterBar {...bar} search={list.search} activeFilters={list.activeFilters} onClear={list.filtered ? list.clearFilters : undefined} />
  );
}

/** The card that holds a list's tabs, filters and rows. */
export function ListCard({ tabs, children }: { tabs?: boolean; children: ReactNode }) {
  return (
    <Card variant="borderless" styles={{ body: { paddingTop: tabs ? 4 : undefined, paddingBottom: 8 } }}>
      {children}
    </Card>
  );
}
