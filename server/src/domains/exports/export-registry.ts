import type { Locale } from '@contracts/common.js';
import type { Module } from '@contracts/permissions.js';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { Db } from '../../platform/db/database.js';

/** Text in each language, the same shape as `registerEntity`'s label. */
export type Label = Record<Locale, string>;

/** How a value becomes a cell, in the caller's language. */
export type CellFormat =
  | 'text'
  /** 是 / 否 */
  | 'bool'
  /** An ISO instant shown as "YYYY-MM-DD HH:mm" in the company time zone. */
  | 'instant'
  /** A decimal string, written as it is: no floating point on the way out. */
  | 'money'
  /** A code of an admin-managed picklist, shown as its label. */
  | { picklist: string }
  /** A code of a fixed set (customer type, lead status), shown as its label. */
  | { codes: Record<Locale, Record<string, string>> };

/** One exported column: its heading, where its value comes from in an API item, and how it is written. */
export interface ExportColumn {
  header: Label;
  value: (item: Record<string, unknown>, locale: Locale) => unknown;
  /** 'text' when absent. */
  format?: CellFormat;
  /**
   * Field permission: the column is left out of the file for callers this refuses (the heading
   * too), so a hidden figure cannot be read from an export either.
   */
  visibleTo?: (actor: Actor) => boolean;
}

/** The filters of the list view: its query without paging, which the export does itself. */
export type ExportFilters<Q extends z.ZodObject> = Omit<z.infer<Q>, 'page' | 'pageSize'>;

export interface ExportDef<Q extends z.ZodObject = z.ZodObject> {
  /** URL segment: GET /api/v1/exports/<entity>. */
  entity: string;
  /** The permission module whose 'export' action the caller needs. */
  module: Module;
  /** The list's own query schema: validates the filters and documents them in OpenAPI. */
  query: Q;
  /** One page of the list view as the caller sees it (same filters, same scope), as API items. */
  list: (
    db: Db,
    actor: Actor,
    ctx: AppContext,
    filters: ExportFilters<Q>,
    page: number,
    pageSize: number,
  ) => Promise<{ items: readonly object[] }>;
  /** The downloaded file's name (before the date) and the XLSX sheet's. */
  fileName: Label;
  columns: ExportColumn[];
}

const registry = new Map<string, ExportDef>();

/**
 * A domain makes its list exportable from its own folder, in a module its routes file imports:
 * the exports routes add GET /exports/<entity> for every registration when they start.
 */
export function registerExport<Q extends z.ZodObject>(def: ExportDef<Q>): ExportDef<Q> {
  if (registry.has(def.entity)) throw new Error(`Export "${def.entity}" is registered twice`);
  registry.set(def.entity, def as unknown as ExportDef);
  return def;
}

export const registeredExports = (): ExportDef[] => [...registry.values()];

/** A column taken straight from one field of the API item. */
export const column = (header: Label, key: string, format?: CellFormat): ExportColumn => ({
  header,
  value: (item) => item[key],
  format,
});

const label = (zhCN: string, zhTW: string, en: string): Label => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** Owner and department, which every record-base list item carries. */
export const OWNER_COLUMNS: ExportColumn[] = [
  column(label('负责人', '負責人', 'Owner'), 'ownerName'),
  column(label('所属部门', '所屬部門', 'Department'), 'ownerDeptName'),
];

/** Created and last updated, which every record-base list item carries. */
export const STAMP_COLUMNS: ExportColumn[] = [
  column(label('创建时间', '建立時間', 'Created'), 'createdAt', 'instant'),
  column(label('最近更新', '最近更新', 'Updated'), 'updatedAt', 'instant'),
];
