// The list-page kit: a page keeps its own query and columns and composes these pieces;
// its filters (ListFilters, ChoiceFilter, OwnerFilter) come from './list-filters.js'.
export { type ColumnChoice, useColumnChooser } from './column-chooser.js';
export type { CreateAction } from './create-button.js';
export { DateCell } from './date-cell.js';
export type { CardLayout, CardSlot } from './list-cards.js';
export type { ListColumn } from './list-columns.js';
export type { EmptyState } from './list-empty.js';
export { ListCard } from './list-card.js';
export { ListHeader } from './list-header.js';
export { type ListQuery, ListTable } from './list-table.js';
export { type ListPageState, useListPage } from './use-list-page.js';
