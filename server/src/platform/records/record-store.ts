import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { scopeCovers, scopeFilter } from '../access/data-scope.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import {
  assertParentsLive,
  cascadeDeletion,
  forgetDeletedWith,
  planDeletion,
  refuseDeletion,
  restoreDependants,
} from './dependant-cascade.js';
import type { EntityDef } from './entity-registry.js';
import { diffFields, writeHistory } from './history.js';

// Record-base tables are reached by name from the registry, so these helpers use an untyped
// view of the database; each domain keeps its own typed queries for everything else.
// biome-ignore lint/suspicious/noExplicitAny: generic over every record-base table
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;

const BASE_COLUMNS = [
  'id',
  'owner_id',
  'owner_dept_id',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'version',
  'deleted_at',
  'deleted_by',
] as const;

/** The owner's department is stored on the record (P1) so department scopes need no join. */
export async function ownerDepartment(trx: Db, ownerId: string, field = 'ownerId'): Promise<string | null> {
  const owner = await trx.selectFrom('users').select(['department_id', 'active']).where('id', '=', ownerId).executeTakeFirst();
  if (!owner?.active) throw new AppError('VALIDATION', { fields: { [field]: { key: 'reference' } } });
  return owner.department_id;
}

/**
 * Records may only be handed to someone inside the actor's own scope: a rep keeps what he
 * creates, a manager assigns within his departments, a director anywhere.
 */
async function assignableOwnerDepartment(trx: Db, actor: Actor, ownerId: string): Promise<string | null> {
  const deptId = await ownerDepartment(trx, ownerId);
  if (!scopeCovers(actor, { ownerId, ownerDeptId: deptId }))
    throw new AppError('VALIDATION', { fields: { ownerId: { key: 'owner_scope' } } });
  return deptId;
}

export async function findVisible(
  trx: Db,
  actor: Actor,
  def: EntityDef,
  id: string,
  opts: { forUpdate?: boolean; deleted?: boolean } = {},
): Promise<Row> {
  let q = (trx as AnyDb)
    .selectFrom(def.table)
    .selectAll()
    .where('id', '=', id)
    .where(def.companyWide ? sql<boolean>`true` : scopeFilter(actor))
    .where('deleted_at', opts.deleted ? 'is not' : 'is', null);
  if (def.ownerlessHidden) q = q.where('owner_id', 'is not', null);
  if (opts.forUpdate) q = q.forUpdate();
  const row = (await q.executeTakeFirst()) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** `ownerId: null` creates an unowned record (a lead in the public pool). */
export async function insertRecord(
  trx: Db,
  actor: Actor,
  def: EntityDef,
  values: Row,
  ownerId: string | null = actor.userId,
): Promise<Row> {
  const ownerDeptId =
    ownerId === null ? null : ownerId === actor.userId ? actor.departmentId : await assignableOwnerDepartment(trx, actor, ownerId);
  const row = (await (trx as AnyDb)
    .insertInto(def.table)
    .values({ ...values, owner_id: ownerId, owner_dept_id: ownerDeptId, created_by: actor.userId, updated_by: actor.userId })
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
  const exclude = new Set([...BASE_COLUMNS, ...(def.historyExclude ?? [])] as string[]);
  const changes = Object.entries(values)
    .filter(([k, v]) => !exclude.has(k) && v !== null && v !== undefined)
    .map(([field, v]) => ({ field, old: null, new: v }));
  await writeHistory(trx, actor, { entity: def.entity, recordId: String(row.id), action: 'create', changes });
  return row;
}

/**
 * P4 optimistic locking: the caller passes the version it saw; a stale one answers 409 with the
 * current record (via toApi) so the client can offer to reload.
 */
export async function updateRecord(
  trx: Db,
  actor: Actor,
  def: EntityDef,
  id: string,
  version: number,
  patch: Row,
  toApi: (row: Row) => unknown | Promise<unknown>,
): Promise<Row> {
  const before = await findVisible(trx, actor, def, id, { forUpdate: true });
  if (before.version !== version) throw new AppError('VERSION_CONFLICT', { current: await toApi(before) });
  const values: Row = { ...patch };
  if (typeof values.owner_id === 'string' && values.owner_id !== before.owner_id) {
    values.owner_dept_id = await assignableOwnerDepartment(trx, actor, values.owner_id);
  }
  const changes = diffFields(before, values, def.historyExclude);
  if (changes.length === 0) return before;
  const after = (await (trx as AnyDb)
    .updateTable(def.table)
    .set({ ...values, version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
  await writeHistory(trx, actor, { entity: def.entity, recordId: id, action: 'update', changes });
  return after;
}

/**
 * P4: deletion moves a record to the recycle bin; nothing is removed. Its registered dependants
 * (dependant-registry.ts) follow it into the bin in this transaction, or a `restrict` dependant
 * refuses the deletion with a 409 that names them.
 */
export async function softDeleteRecord(trx: Db, actor: Actor, def: EntityDef, id: string): Promise<void> {
  const row = await findVisible(trx, actor, def, id, { forUpdate: true });
  const title = String(row[def.titleColumn] ?? '');
  const plan = await planDeletion(trx, actor, def, [{ id, title }], true);
  if (plan.blockers.length > 0) throw refuseDeletion(def, title, plan.blockers);
  await (trx as AnyDb)
    .updateTable(def.table)
    .set({ deleted_at: sql`now()`, deleted_by: actor.userId, version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await forgetDeletedWith(trx, def, id);
  await writeHistory(trx, actor, { entity: def.entity, recordId: id, action: 'delete' });
  await cascadeDeletion(trx, actor, { def, id }, plan);
}

/** Unique-among-live columns (a customer's name) must still be free before records come back. */
async function assertLiveUnique(trx: Db, def: EntityDef, ids: string[]): Promise<void> {
  for (const column of def.liveUnique ?? []) {
    const col = sql.ref(column);
    const taken = await sql<{ value: string }>`
      SELECT t.${col}::text AS value FROM ${sql.table(def.table)} t
       WHERE t.id = ANY(${sql.val(ids)}::uuid[]) AND t.${col} IS NOT NULL
         AND EXISTS (SELECT 1 FROM ${sql.table(def.table)} l WHERE l.deleted_at IS NULL AND lower(l.${col}::text) = lower(t.${col}::text))
       LIMIT 1`.execute(trx);
    const value = taken.rows[0]?.value;
    if (value !== undefined) {
      const field = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      throw new AppError('DUPLICATE', { params: { field, value }, fields: { [field]: { key: 'duplicate' } } });
    }
  }
}

/**
 * The owner (or an admin, whose scope is all) restores; live-unique columns are re-checked first.
 * Not while a parent it hangs off is still in the bin; what went into the bin with it comes back.
 */
export async function restoreRecord(trx: Db, actor: Actor, def: EntityDef, id: string): Promise<Row> {
  const row = await findVisible(trx, actor, def, id, { forUpdate: true, deleted: true });
  // A company-wide record (the catalogue) is anyone's to restore who may edit it (the route checks that).
  const anyone = actor.permissions.includes('*') || !!def.companyWide;
  if (!anyone && row.owner_id !== actor.userId && row.deleted_by !== actor.userId) throw new AppError('FORBIDDEN');
  await assertParentsLive(trx, def, row);
  await assertLiveUnique(trx, def, [id]);
  const restored = (await (trx as AnyDb)
    .updateTable(def.table)
    .set({ deleted_at: null, deleted_by: null, version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
  await forgetDeletedWith(trx, def, id);
  await writeHistory(trx, actor, { entity: def.entity, recordId: id, action: 'restore' });
  await restoreDependants(trx, actor, { def, id, title: String(row[def.titleColumn] ?? '') }, (d, ids) => assertLiveUnique(trx, d, ids));
  return restored;
}

/**
 * C10: moves every live record of one owner to another in one statement per table, with one
 * history row per moved record.
 */
export async function transferOwnership(trx: Db, actor: Actor, def: EntityDef, fromUserId: string, toUserId: string): Promise<number> {
  const toDept = await ownerDepartment(trx, toUserId, 'toUserId');
  const moved = await sql<{ id: string }>`
    UPDATE ${sql.table(def.table)} SET owner_id = ${toUserId}, owner_dept_id = ${toDept},
           version = version + 1, updated_by = ${actor.userId}, updated_at = now()
     WHERE owner_id = ${fromUserId} AND deleted_at IS NULL ${def.transferWhere ? sql`AND (${sql.raw(def.transferWhere)})` : sql``}
     RETURNING id`.execute(trx);
  if (moved.rows.length > 0) {
    await sql`
      INSERT INTO record_history (entity, record_id, action, field, old_value, new_value, actor_id, request_id)
      SELECT ${def.entity}, id, 'transfer', 'owner_id', to_jsonb(${fromUserId}::text), to_jsonb(${toUserId}::text), ${actor.userId}, ${actor.requestId ?? null}
        FROM unnest(${sql.val(moved.rows.map((r) => r.id))}::uuid[]) AS id`.execute(trx);
  }
  return moved.rows.length;
}

/**
 * A change of a record's parts alone (a quote's lines, a deal's contacts) is still a change: the next
 * editor holding the old version must not overwrite it blindly. Call when `updateRecord` found nothing
 * of its own to change.
 */
export async function touchRecord(trx: Db, actor: Actor, def: EntityDef, id: string): Promise<void> {
  await (trx as AnyDb)
    .updateTable(def.table)
    .set({ version: sql`version + 1`, updated_by: actor.userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
