import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreateAction, CreateButton } from './create-button.js';

export interface EmptyState {
  /** A sentence that says what would be here and how to add the first one. */
  text: string;
  /** When filters hide everything; a general sentence otherwise. */
  filteredText?: string;
  /** The page's create action, offered again when nothing is filtered. */
  create?: CreateAction;
  /** Another way to add the first record, instead of `create`. */
  action?: ReactNode;
}

/** An empty list: why it is empty, and the one thing to do next (clear the filters or add a record). */
export function ListEmpty({ empty, filtered, onClearFilters }: { empty: EmptyState; filtered: boolean; onClearFilters: () => void }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? (empty.filteredText ?? t('list.emptyFiltered')) : empty.text}>
      {filtered ? (
        <Button onClick={onClearFilters}>{t('list.clearFilters')}</Button>
      ) : (
        (empty.action ?? (empty.create && <CreateButton action={empty.create} />))
      )}
    </Empty>
  );
}
