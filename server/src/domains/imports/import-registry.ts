import type { Locale } from '@contracts/common.js';
import type { Module } from '@contracts/permissions.js';
import type { RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { FieldMessageKey } from '../../platform/i18n/messages.js';

/** Text in each language, the same shape as `registerEntity`'s label and the export headings. */
export type Label = Record<Locale, string>;

/** How a cell becomes a value of the create body. */
export type FieldKind =
  | { type: 'text' }
  | { type: 'bool' }
  | { type: 'tags' }
  | { type: 'int' }
  | { type: 'money' }
  | { type: 'date' }
  | { type: 'picklist'; list: string }
  | { type: 'choice'; choices: Record<string, string[]> }
  /** A colleague by display name or user name; the importer when blank. */
  | { type: 'owner' }
  /** A record named in the cell (a customer by its name): the import's `resolve` turns names into ids. */
  | { type: 'reference' };

/** A field an import can fill: the API key, its heading in each language and other headings people use. */
export interface ImportField {
  key: string;
  label: Label;
  aliases?: string[];
  required?: boolean;
  kind: FieldKind;
  hint?: Label;
}

/** A row on its way in: the file's cells, the body built from them and what is wrong with it. */
export interface Candidate {
  rowNo: number;
  raw: string[];
  body: Record<string, unknown>;
  problems: { field: string; message: string }[];
  duplicate: boolean;
  /** Columns to insert, once the row passed every check. */
  values?: Record<string, unknown>;
  ownerId?: string;
  ownerDeptId?: string | null;
}

export interface BatchContext {
  actor: Actor;
  /** The importer's language, for messages of the domain's own. */
  locale: Locale;
  /** 'skip' rejects rows that match existing records; 'allow' only rejects what the database must refuse. */
  skipDuplicates: boolean;
  /** Keys of rows earlier in the same file, so a file cannot duplicate itself. */
  seen: Set<string>;
  message: (key: FieldMessageKey, params?: Record<string, unknown>) => string;
}

export interface InsertedRow {
  id: string;
  k: string | null;
  is_primary?: boolean;
}

export interface ImportDef {
  /** What the upload names: POST /imports?entity=<entity>. */
  entity: string;
  /** Shown where the importer picks what the file holds. */
  label: Label;
  /** record_history.entity of the records written (the entity registry's singular key). */
  historyEntity: string;
  /** The permission module whose 'create' action the importer needs. */
  module: Module;
  /** A table with the record base: the rows go in with owner, department and created/updated by. */
  table: string;
  fields: ImportField[];
  /** The create body's schema, as the API checks it: its messages become the row's. */
  schema: z.ZodType;
  /** The checked body → the table's columns (owner columns are set by the import). */
  columns: (body: Record<string, unknown>) => Record<string, unknown>;
  /** Turns names into ids for the whole batch (one query). */
  resolve?: (db: Db, ctx: BatchContext, batch: Candidate[]) => Promise<void>;
  /** Marks rows that duplicate existing records or earlier rows. */
  duplicates: (db: Db, ctx: BatchContext, batch: Candidate[]) => Promise<void>;
  /** What INSERT … RETURNING gives back beside the id, as `k` (and more) for the hooks below. */
  returning: RawBuilder<unknown>;
  /**
   * A live-unique value the insert may collide on (ON CONFLICT DO NOTHING): rows whose key is not
   * returned as `k` were taken since the check, and are reported as duplicates on `field`.
   */
  uniqueKey?: { field: string; of: (values: Record<string, unknown>) => string };
  afterInsert?: (trx: Db, actor: Actor, inserted: InsertedRow[]) => Promise<void>;
}

const registry = new Map<string, ImportDef>();

/** A domain makes its records importable from its own folder, in a module its routes file imports. */
export function registerImport(def: ImportDef): ImportDef {
  if (registry.has(def.entity)) throw new Error(`Import "${def.entity}" is registered twice`);
  registry.set(def.entity, def);
  return def;
}

export const registeredImports = (): ImportDef[] => [...registry.values()];

export const findImport = (entity: string): ImportDef | undefined => registry.get(entity);

/** The import for an entity the caller named: one nobody registered is a bad value of that field (400). */
export function importFor(entity: string): ImportDef {
  const def = registry.get(entity);
  if (!def) throw new AppError('VALIDATION', { fields: { entity: { key: 'invalid_value' } } });
  return def;
}
