import type { Module } from '@contracts/permissions.js';
import { Space } from 'antd';
import type { ReactNode } from 'react';
import { ExportButton } from '../export-button.js';
import { ImportButton } from '../import-button.js';
import { PageHeader } from '../page-header.js';
import { type CreateAction, CreateButton } from './create-button.js';

export interface ListHeaderProps {
  title: ReactNode;
  /** "共 N 家客户", once the list has loaded. */
  count?: ReactNode;
  /** Page-specific buttons, first in the row (a view switch, a quick-add). */
  extra?: ReactNode;
  importing?: { entity: 'customers' | 'contacts' | 'leads'; module: Module };
  exporting?: { entity: string; module: Module; params: Record<string, string | undefined> };
  /** The column chooser's button (from useColumnChooser). */
  chooser?: ReactNode;
  create?: CreateAction;
}

/** A list page's title, count and actions, always in the same order: import, export, columns, new. */
export function ListHeader({ title, count, extra, importing, exporting, chooser, create }: ListHeaderProps) {
  return (
    <PageHeader
      title={title}
      sub={count}
      extra={
        <Space wrap>
          {extra}
          {importing && <ImportButton {...importing} />}
          {exporting && <ExportButton {...exporting} />}
          {chooser}
          {create && <CreateButton action={create} withTestId />}
        </Space>
      }
    />
  );
}
