// The list-page kit: a page keeps its own query and columns and composes these pieces;
// its filters (ListFilters, ChoiceFilter, OwnerFilter) come from './list-filters.js'.
export { useColumnChooser } from './column-chooser.js';
export { DateCell } from './date-cell.js';
export type { CardLayout } from './list-cards.js';
export type { ListColumn } from './list-columns.js';
export { ListCard } from './list-card.js';
export { ListHeader } from './list-header.js';
export { ListTable } from './list-table.js';
export { useListPage } from './use-list-page.js';
