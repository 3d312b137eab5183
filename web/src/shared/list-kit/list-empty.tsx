import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface EmptyState {
  /** A sentence that says what would be here and how to add the first one. */
  text: string;
  /** When filters hide everything; a general sentence otherwise. */
  filteredText?: string;
  /** The way to add the first record (a create button), shown when nothing is filtered. */
  action?: ReactNode;
}

/** An empty list: why it is empty, and the one thing to do next (clear the filters or add a record). */
export function ListEmpty({ empty, filtered, onClearFilters }: { empty: EmptyState; filtered: boolean; onClearFilters: () => void }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? (empty.filteredText ?? t('list.emptyFiltered')) : empty.text}>
      {filtered ? <Button onClick={onClearFilters}>{t('list.clearFilters')}</Button> : empty.action}
    </Empty>
  );
}
