import { Col, type ColProps, Select, type SelectProps } from 'antd';
import { createContext, useContext } from 'react';
import { FilterBar, type FilterBarProps, MultiFilter } from '../filter-bar.js';
import { OwnerSelect } from '../owner-select.js';
import type { ListPageState } from './use-list-page.js';

/** How wide each filter is in the bar; ListFilters sets it once for all of its filters. */
const FilterColContext = createContext<ColProps>({ xs: 24, sm: 12, md: 8, xl: 4 });

interface UrlFilterProps {
  list: ListPageState;
  /** The URL parameter it sets (and the API's, as the page passes it on). */
  name: string;
  placeholder: string;
  col?: ColProps;
}

/** A pick-one (or, with `multiple`, pick-several) filter kept in the URL, in its own column of the filter bar. */
export function ChoiceFilter({
  list,
  name,
  placeholder,
  col,
  multiple,
  searchable,
  ...select
}: UrlFilterProps & {
  multiple?: boolean;
  /** Long lists: typing narrows the options by their label. */
  searchable?: boolean;
  'data-testid'?: string;
} & Pick<SelectProps, 'options'>) {
  const barCol = useContext(FilterColContext);
  const showSearch = searchable ? { optionFilterProp: 'label' } : undefined;
  return (
    <Col {...(col ?? barCol)}>
      {multiple ? (
        <MultiFilter
          placeholder={placeholder}
          value={list.list(name)}
          onChange={(v) => list.update({ [name]: v })}
          showSearch={showSearch}
          {...select}
        />
      ) : (
        <Select
          allowClear
          placeholder={placeholder}
          value={list.text(name)}
          onChange={(v) => list.update({ [name]: v })}
          style={{ width: '100%' }}
          showSearch={showSearch}
          {...select}
        />
      )}
    </Col>
  );
}

/** The owner filter kept in the URL (`ownerId` unless named otherwise). */
export function OwnerFilter({ list, name = 'ownerId', placeholder, col }: Omit<UrlFilterProps, 'name'> & { name?: string }) {
  const barCol = useContext(FilterColContext);
  return (
    <Col {...(col ?? barCol)}>
      <OwnerSelect
        placeholder={placeholder}
        value={list.text(name)}
        onChange={(v) => list.update({ [name]: v })}
        style={{ width: '100%' }}
      />
    </Col>
  );
}

type ListFiltersProps = Omit<FilterBarProps, 'search' | 'searchTestId' | 'activeFilters' | 'onClear'> & {
  list: ListPageState;
  /** The width of each ChoiceFilter and OwnerFilter inside. */
  filterCol?: ColProps;
};

/** The search box and filters bound to the list's URL state; "clear filters" shows while any is set. */
export function ListFilters({ list, filterCol, children, ...bar }: ListFiltersProps) {
  const inherited = useContext(FilterColContext);
  return (
    <FilterBar
      {...bar}
      search={list.search}
      searchTestId={`${list.name}-search`}
      activeFilters={list.activeFilters}
      onClear={list.filtered ? list.clearFilters : undefined}
    >
      {children && <FilterColContext.Provider value={filterCol ?? inherited}>{children}</FilterColContext.Provider>}
    </FilterBar>
  );
}
