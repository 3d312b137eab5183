import { Space } from 'antd';
import type { ReactNode } from 'react';
import { ExportButton } from '../export-button.js';
import { ImportButton } from '../import-button.js';
import { PageHeader } from '../page-header.js';
import { type CreateAction, CreateButton } from './create-button.js';
import type { ListPageState } from './use-list-page.js';

export interface ListHeaderProps {
  list: ListPageState;
  title: ReactNode;
  /** "共 N 家客户", once the list has loaded. */
  count?: ReactNode;
  /** Page-specific buttons, first in the row (a view switch, a quick-add). */
  extra?: ReactNode;
  /** What the export sends when it is not the URL's parameters as they are. */
  exportParams?: Record<string, string | undefined>;
  /** The column chooser's button (from useColumnChooser). */
  chooser?: ReactNode;
  create?: CreateAction;
}

/** A list page's title, count and actions, always in the same order: import and export (as the list declares them), columns, new. */
export function ListHeader({ list, title, count, extra, exportParams, chooser, create }: ListHeaderProps) {
  const { imports, exports } = list;
  return (
    <PageHeader
      title={title}
      sub={count}
      extra={
        <Space wrap>
          {extra}
          {imports && <ImportButton entity={imports} module={imports} />}
          {exports && <ExportButton entity={exports} module={exports} params={exportParams ?? list.exportParams} />}
          {chooser}
          {create && <CreateButton action={create} testId={`${list.name}-new`} />}
        </Space>
      }
    />
  );
}
