import type { HistoryEntry } from '@contracts/common.js';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/database.js';
import { entityByName } from './entity-registry.js';

export type HistoryAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'transfer'
  | 'export'
  | 'import'
  | 'assign'
  | 'claim'
  | 'release'
  | 'convert';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v instanceof Date ? v.toISOString() : v));

/** P3: written in the caller's transaction, so a change and its history commit or fail together. */
export async function writeHistory(
  trx: Db,
  actor: Actor,
  entry: { entity: string; recordId: string; action: HistoryAction; changes?: FieldChange[]; at?: Date },
): Promise<void> {
  const base = {
    entity: entry.entity,
    record_id: entry.recordId,
    action: entry.action,
    actor_id: actor.via === 'system' ? null : actor.userId,
    request_id: actor.requestId ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  };
  const rows = entry.changes?.length
    ? entry.changes.map((c) => ({ ...base, field: c.field, old_value: json(c.old), new_value: json(c.new) }))
    : [{ ...base, field: null, old_value: null, new_value: null }];
  await trx.insertInto('record_history').values(rows).execute();
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null));

/** The fields whose values differ between a row and a patch; unchanged fields are not history. */
export function diffFields(before: Record<string, unknown>, patch: Record<string, unknown>, exclude: string[] = []): FieldChange[] {
  return Object.entries(patch)
    .filter(([k, v]) => v !== undefined && !exclude.includes(k) && comparable(before[k]) !== comparable(v))
    .map(([field, v]) => ({ field, old: before[field] ?? null, new: v ?? null }));
}

async function listHistory(db: Db, entity: string, recordId: string, limit = 500) {
  const { rows } = await sql<{
    id: number;
    action: string;
    field: string | null;
    old_value: unknown;
    new_value: unknown;
    actor_id: string | null;
    actor_name: string | null;
    at: Date;
  }>`SELECT h.id, h.action, h.field, h.old_value, h.new_value, h.actor_id, u.display_name AS actor_name, h.at
       FROM record_history h LEFT JOIN users u ON u.id = h.actor_id
      WHERE h.entity = ${entity} AND h.record_id = ${recordId}
      ORDER BY h.at DESC, h.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/**
 * A record that went into the recycle bin with its parent (or came back with it) names the parent
 * as { entity, id, title }; the reader also gets the parent kind's label in each language.
 */
function withParentLabel(field: string | null, value: unknown): unknown {
  if (field !== 'deleted_with' || typeof value !== 'object' || value === null || !('entity' in value)) return value;
  return { ...value, label: entityByName(String(value.entity))?.label ?? null };
}

/** The API shape of a record's history, newest first. */
export async function historyEntries(db: Db, entity: string, recordId: string): Promise<HistoryEntry[]> {
  return (await listHistory(db, entity, recordId)).map((r) => ({
    id: Number(r.id),
    action: r.action,
    field: r.field,
    oldValue: r.old_value,
    newValue: withParentLabel(r.field, r.new_value),
    actorId: r.actor_id,
    actorName: r.actor_name,
    at: r.at.toISOString(),
  }));
}
