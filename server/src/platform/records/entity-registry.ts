import type { Locale } from '@contracts/common.js';
import type { Module } from '@contracts/permissions.js';
import type { Actor } from '../access/actor.js';

/**
 * Domains describe their record types here once; history, the recycle bin and ownership
 * transfer find them through this registry instead of a switch statement per domain.
 */
export interface EntityDef {
  /** Singular key stored in record_history.entity, e.g. 'customer'. */
  entity: string;
  table: string;
  /** URL segment: /api/v1/<plural>/:id/history */
  plural: string;
  module: Module;
  label: Record<Locale, string>;
  /** Column shown as the record's name in the recycle bin and history. */
  titleColumn: string;
  /** Columns never written to history (hashes, search vectors). */
  historyExclude?: string[];
  /** Unique-among-live columns checked before a restore. */
  liveUnique?: string[];
  /** Whether a user transfer (C10) moves these records. */
  transferable?: boolean;
  /** SQL condition limiting which records a transfer moves (e.g. only open tasks). */
  transferWhere?: string;
  /**
   * Ownerless records sit in a public pool that has its own API (customers): the record routes
   * (get, edit, delete, history) then treat them as not found, whatever the caller's scope.
   */
  ownerlessHidden?: boolean;
  /**
   * Records the whole company shares (the product catalogue): everyone with the module's permission
   * sees and restores them, whatever their data scope; the owner columns only say who created one.
   */
  companyWide?: boolean;
  /**
   * Field permission on history: a column's changes are left out of the record's history for
   * callers this refuses (a product's cost price), as its value is left out of the record itself.
   */
  fieldVisibleTo?: Record<string, (actor: Actor) => boolean>;
  /**
   * How a count of these records reads ('{n} 位联系人'; English as [one, other]), e.g. when a
   * customer's deletion says what goes into the recycle bin with it. Without it: '{n} × label'.
   */
  counted?: Record<Locale, string | [one: string, other: string]>;
  /**
   * A record whose attachments are part of what was decided (an expense claim's receipts once it is
   * submitted): no file may be added or removed while this holds for the row.
   */
  attachmentsLocked?: (row: Record<string, unknown>) => boolean;
}

const registry = new Map<string, EntityDef>();

export function registerEntity(def: EntityDef): EntityDef {
  registry.set(def.entity, def);
  return def;
}

export const entityByName = (entity: string) => registry.get(entity);
export const entityByPlural = (plural: string) => [...registry.values()].find((d) => d.plural === plural);
export const allEntities = () => [...registry.values()];
