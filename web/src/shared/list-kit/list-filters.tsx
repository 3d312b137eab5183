import { Card, Grid } from 'antd';
import type { ReactNode } from 'react';
import { FilterBar, type FilterBarProps } from '../filter-bar.js';
import type { ListPageState } from './use-list-page.js';

type ListFiltersProps = Omit<FilterBarProps, 'search' | 'searchTestId' | 'activeFilters' | 'onClear'> & { list: ListPageState };

/** The search box and filters bound to the list's URL state; "clear filters" shows while any is set. */
export function ListFilters({ list, ...bar }: ListFiltersProps) {
  return (
    <FilterBar {...bar} search={list.search} activeFilters={list.activeFilters} onClear={list.filtered ? list.clearFilters : undefined} />
  );
}

/** The card that holds a list's tabs, filters and rows. */
export function ListCard({ tabs, children }: { tabs?: boolean; children: ReactNode }) {
  // At phone width the rows are cards themselves: a narrow frame leaves them the room.
  const phone = Grid.useBreakpoint().md === false;
  const padding = phone ? 12 : 24;
  return (
    <Card variant="borderless" styles={{ body: { padding, paddingTop: tabs ? 4 : padding, paddingBottom: phone ? padding : 8 } }}>
      {children}
    </Card>
  );
}
